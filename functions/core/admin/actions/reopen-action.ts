import * as z from '../../zod.js';
import { InvalidInputError } from '../../errors.js';
import { notifyOwnersOfSignOff } from '../../owner/notify-owners-of-sign-off.js';
import { checkVersion, getActionOrThrow, recordAdminChange, type AdminActionDeps, type AdminActor, type AdminChangeResult } from './admin-change.js';
import { readForm, reasonText } from './form-fields.js';

export const ReopenForm = z.object({ reopenReason: reasonText('why the action is being reopened') });

/**
 * A closed, proposed-for-closure, not-accepted or superseded action back to open, with the reason in
 * its history, and its owners told. Reopening an open action is refused rather than recorded as nothing.
 */
export async function reopenAction(deps: AdminActionDeps, actor: AdminActor, actionId: string, body: Record<string, unknown>, now: Date): Promise<AdminChangeResult> {
  const action = await getActionOrThrow(deps.repository, actionId);
  checkVersion(action, body.version);
  if (action.status === 'open') throw new InvalidInputError([`${action.ref} is already open. Reload the action to see its status.`], 'Cannot reopen');
  const form = readForm(ReopenForm, body);
  if (!form.ok) return { kind: 'invalid', action, errors: form.errors };
  // An item the force had not accepted is taken on when reopened: its answer says so, as the status does.
  const accepted = action.status === 'not-accepted' ? { accepted: { value: true, rationale: null } } : {};
  const result = await recordAdminChange(deps, actor, action, { change: 'reopen-action', patch: { status: 'open', ...accepted }, reason: form.data.reopenReason }, now);
  // Owners told it was closed, or that nobody would chase it, are about to be reminded again: say why first.
  if (result.kind === 'saved') await notifyOwnersOfSignOff(deps, result.action, actor, action.status === 'proposed-closure' ? 'returned' : 'reopened', now);
  return result;
}
