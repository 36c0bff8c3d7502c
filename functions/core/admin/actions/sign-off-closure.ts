import { InvalidInputError } from '../../errors.js';
import type { Action } from '../../model/action.js';
import type { Person } from '../../model/person.js';
import { notifyOwnersOfSignOff } from '../../owner/notify-owners-of-sign-off.js';
import { decidesClosureAsAdmin, decidesClosureAsSro } from '../../rules/decides-closure.js';
import { peopleWithAddress } from '../find-person.js';
import { checkVersion, getActionOrThrow, recordAdminChange, type AdminActionDeps, type AdminActor, type AdminChangeResult, type FieldError } from './admin-change.js';

/**
 * Why this admin (their directory entries, by the address they signed in with) may not sign off the
 * action's closure, or null when they may: nobody decides the closure of their own work. The action
 * page shows it instead of the button.
 */
export function ownClosureRefusal(action: Action, admin: readonly Person[]): FieldError | null {
  if (admin.every((entry) => decidesClosureAsAdmin(action, entry.id))) return null;
  const others = action.sroId !== null && decidesClosureAsSro(action, action.sroId) ? 'another admin, or its senior responsible officer from their link,' : 'another admin';
  return { field: 'sign-off-own-action', message: `You own ${action.ref}, so you cannot sign off its closure: nobody signs off their own work. Ask ${others} to sign it off.` };
}

/** The SRO's sign-off, recorded by an admin: a proposed closure becomes closed, and its owners are told. */
export async function signOffClosure(deps: AdminActionDeps, actor: AdminActor, actionId: string, body: Record<string, unknown>, now: Date): Promise<AdminChangeResult> {
  const action = await getActionOrThrow(deps.repository, actionId);
  checkVersion(action, body.version);
  if (action.status !== 'proposed-closure') {
    throw new InvalidInputError([`${action.ref} is not proposed for closure, so there is nothing to sign off. Reload the action to see its status.`], 'Cannot sign off');
  }
  // The listing, not a lookup by id: admins are often a team mailbox the directory does not hold, and
  // a lookup that misses lists the directory too. Read now, not at sign-in: an import may add them since.
  const refusal = ownClosureRefusal(action, peopleWithAddress(await deps.repository.listPeople(), actor.email));
  if (refusal) return { kind: 'invalid', action, errors: [refusal] };
  const result = await recordAdminChange(deps, actor, action, { change: 'sign-off-closure', patch: { status: 'closed' } }, now);
  if (result.kind === 'saved') await notifyOwnersOfSignOff(deps, result.action, actor, 'closed', now);
  return result;
}
