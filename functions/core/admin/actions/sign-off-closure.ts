import { InvalidInputError } from '../../errors.js';
import { notifyOwnersOfSignOff } from '../../owner/notify-owners-of-sign-off.js';
import { checkVersion, getActionOrThrow, recordAdminChange, type AdminActionDeps, type AdminActor, type AdminChangeResult } from './admin-change.js';

/** The SRO's sign-off, recorded by an admin: a proposed closure becomes closed, and its owners are told. */
export async function signOffClosure(deps: AdminActionDeps, actor: AdminActor, actionId: string, body: Record<string, unknown>, now: Date): Promise<AdminChangeResult> {
  const action = await getActionOrThrow(deps.repository, actionId);
  checkVersion(action, body.version);
  if (action.status !== 'proposed-closure') {
    throw new InvalidInputError([`${action.ref} is not proposed for closure, so there is nothing to sign off. Reload the action to see its status.`], 'Cannot sign off');
  }
  const result = await recordAdminChange(deps, actor, action, { change: 'sign-off-closure', patch: { status: 'closed' } }, now);
  if (result.kind === 'saved') await notifyOwnersOfSignOff(deps, result.action, { personId: null, name: actor.name }, 'closed', now);
  return result;
}
