import * as z from '../../zod.js';
import { actionKinds, type Action } from '../../model/action.js';
import type { ActionPatch } from '../../model/update.js';
import { checkVersion, getActionOrThrow, recordAdminChange, type AdminActionDeps, type AdminActor, type AdminChangeResult } from './admin-change.js';
import { readForm } from './form-fields.js';
import { formatCount } from '../../words.js';

const optionalText = (what: string, max: number) =>
  z.pipe(
    z.string().check(z.trim(), z.maxLength(max, `${what} must be ${formatCount(max)} characters or fewer`)),
    z.transform((value) => value || null),
  );

/** The seed as the edit form sends it: field names are the inputs' ids. */
export const EditForm = z.object({
  kind: z.enum(actionKinds, { error: 'Select whether this is a recommendation, an area for improvement or a cause of concern' }),
  area: z.string().check(z.trim(), z.minLength(1, 'Enter the area'), z.maxLength(200, 'Area must be 200 characters or fewer')),
  ref: z.string().check(z.trim(), z.minLength(1, 'Enter the ref'), z.maxLength(100, 'Ref must be 100 characters or fewer')),
  evidence: optionalText('Evidence', 20000),
  text: z.string().check(z.trim(), z.minLength(1, 'Enter the text of the item'), z.maxLength(20000, 'Text must be 20,000 characters or fewer')),
  plan: optionalText('Plan', 20000),
  acceptedValue: z.enum(['yes', 'no', ''], { error: 'Select whether the force accepted the item' }),
  acceptedRationale: optionalText('Rationale', 5000),
});
export type EditForm = z.infer<typeof EditForm>;

/** The edit form prefilled from the action as it stands. */
export function editValuesFrom(action: Action): Record<keyof EditForm, string> {
  return {
    kind: action.kind,
    area: action.area,
    ref: action.ref,
    evidence: action.evidence ?? '',
    text: action.text,
    plan: action.plan ?? '',
    acceptedValue: action.accepted.value === null ? '' : action.accepted.value ? 'yes' : 'no',
    acceptedRationale: action.accepted.rationale ?? '',
  };
}

/**
 * "Not accepted" is a status as well as an answer (an import sets both from the sheet's Accepted): the
 * answer changes to or from it only with the status, through the buttons that ask why and start or
 * stop reminders. An answer left as it was never blocks an edit of the rest.
 */
function acceptanceProblem(action: Action, answer: EditForm['acceptedValue']): string | null {
  if (answer === 'no' && action.accepted.value !== false) return 'To record that the force has not accepted it, use “Mark not accepted” below: it asks why, and stops reminders';
  if (answer !== 'no' && action.status === 'not-accepted') return 'It is marked not accepted: to take it on, use “Reopen” below, which asks why';
  return null;
}

/**
 * An admin's edit of the seed (kind, area, ref, evidence, text, plan, acceptance), recorded as one
 * history entry with only what changed. A ref another action already has is refused: refs are how
 * the board and the spreadsheet name actions.
 */
export async function editAction(deps: Pick<AdminActionDeps, 'repository' | 'audit'>, actor: AdminActor, actionId: string, body: Record<string, unknown>, now: Date): Promise<AdminChangeResult> {
  const action = await getActionOrThrow(deps.repository, actionId);
  checkVersion(action, body.version);
  const form = readForm(EditForm, body);
  if (!form.ok) return { kind: 'invalid', action, errors: form.errors };
  const input = form.data;
  const acceptanceError = acceptanceProblem(action, input.acceptedValue);
  if (acceptanceError) return { kind: 'invalid', action, errors: [{ field: 'acceptedValue', message: acceptanceError }] };
  if (input.ref !== action.ref) {
    const taken = (await deps.repository.listActions()).find((other) => other.id !== action.id && other.ref.toLowerCase() === input.ref.toLowerCase());
    if (taken) return { kind: 'invalid', action, errors: [{ field: 'ref', message: `Ref ${taken.ref} is already used by another action: enter a different ref` }] };
  }
  const patch: ActionPatch = {
    kind: input.kind,
    area: input.area,
    ref: input.ref,
    evidence: input.evidence,
    text: input.text,
    plan: input.plan,
    accepted: { value: input.acceptedValue === '' ? null : input.acceptedValue === 'yes', rationale: input.acceptedRationale },
  };
  return recordAdminChange(deps, actor, action, { change: 'edit-action', patch }, now);
}
