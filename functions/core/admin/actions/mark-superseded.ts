import * as z from '../../zod.js';
import { InvalidInputError } from '../../errors.js';
import { checkVersion, getActionOrThrow, recordAdminChange, type AdminActionDeps, type AdminActor, type AdminChangeResult } from './admin-change.js';
import { readForm, reasonText } from './form-fields.js';

export const SupersededForm = z.object({ supersededReason: reasonText('why the action is superseded, and by what') });

/** A later inspection or action replaced this one: status superseded, the reason in its history. */
export async function markSuperseded(deps: Pick<AdminActionDeps, 'repository' | 'audit'>, actor: AdminActor, actionId: string, body: Record<string, unknown>, now: Date): Promise<AdminChangeResult> {
  const action = await getActionOrThrow(deps.repository, actionId);
  checkVersion(action, body.version);
  if (action.status === 'superseded') throw new InvalidInputError([`${action.ref} is already marked superseded.`], 'Cannot mark superseded');
  const form = readForm(SupersededForm, body);
  if (!form.ok) return { kind: 'invalid', action, errors: form.errors };
  return recordAdminChange(deps, actor, action, { change: 'mark-superseded', patch: { status: 'superseded' }, reason: form.data.supersededReason }, now);
}
