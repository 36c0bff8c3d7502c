import * as z from '../../zod.js';
import { InvalidInputError } from '../../errors.js';
import { checkVersion, getActionOrThrow, recordAdminChange, type AdminActionDeps, type AdminActor, type AdminChangeResult } from './admin-change.js';
import { readForm, reasonText } from './form-fields.js';

export const NotAcceptedForm = z.object({ notAcceptedReason: reasonText('why the force has not accepted the action', 5000) });

/** The force does not accept the item: status not-accepted, and the reason becomes the acceptance rationale. */
export async function markNotAccepted(deps: Pick<AdminActionDeps, 'repository' | 'audit'>, actor: AdminActor, actionId: string, body: Record<string, unknown>, now: Date): Promise<AdminChangeResult> {
  const action = await getActionOrThrow(deps.repository, actionId);
  checkVersion(action, body.version);
  if (action.status === 'not-accepted') throw new InvalidInputError([`${action.ref} is already marked not accepted.`], 'Cannot mark not accepted');
  const form = readForm(NotAcceptedForm, body);
  if (!form.ok) return { kind: 'invalid', action, errors: form.errors };
  const reason = form.data.notAcceptedReason;
  return recordAdminChange(deps, actor, action, { change: 'mark-not-accepted', patch: { status: 'not-accepted', accepted: { value: false, rationale: reason } }, reason }, now);
}
