import { toLocalDate } from '../../calendar/local-date.js';
import { InvalidInputError } from '../../errors.js';
import type { Action } from '../../model/action.js';
import { missingPersonName } from '../../model/owner-names.js';
import type { Person } from '../../model/person.js';
import { readFormValues, validateOwnerForm, type OwnerFormValues } from '../../owner/owner-update-form.js';
import { notifyOfClosure } from '../../owner/notify-of-closure.js';
import { buildUpdate } from '../../owner/submit-owner-update.js';
import { checkVersion, getActionOrThrow, recordAdminChange, type AdminActionDeps, type AdminActor, type AdminChangeResult } from './admin-change.js';

/** The owner's form, plus whose update it is. */
export type OnBehalfValues = OwnerFormValues & { onBehalfOf: string };

export function readOnBehalfValues(body: Record<string, unknown>): OnBehalfValues {
  return { ...readFormValues(body), onBehalfOf: typeof body.onBehalfOf === 'string' ? body.onBehalfOf : '' };
}

/** Whose update the form may record: the action's owners, lead first, then its SRO. */
export function whoseUpdate(action: Pick<Action, 'ownerIds' | 'sroId'>): string[] {
  return [...new Set([...action.ownerIds, ...(action.sroId ? [action.sroId] : [])])];
}

/**
 * An owner the action names but the directory does not hold (never imported, or their record gone)
 * can still give an update, or the admin would be stuck on an error only a reassignment could clear.
 * It is recorded under the id the action already holds; nothing is stored for the person. The SRO's
 * email names them as the sign-off page does: the id is made from an address, which no email carries.
 */
const notInDirectory = (id: string): Pick<Person, 'id' | 'name'> => ({ id, name: missingPersonName });

/**
 * A progress update an owner gave by phone or email, entered by an admin: the owner's own form and
 * rules (progress, confidence, a reason for a new target), recorded via admin, by the admin, on behalf
 * of the owner, and counting as progress, so lastUpdatedAt moves and the owner stops being chased. A
 * closure proposed this way asks the SRO to sign it off by email, as the owner's own save would.
 */
export async function addUpdateOnBehalf(deps: AdminActionDeps, actor: AdminActor, actionId: string, body: Record<string, unknown>, now: Date): Promise<AdminChangeResult> {
  const action = await getActionOrThrow(deps.repository, actionId);
  checkVersion(action, body.version);
  // The owner's form sets the status (open, or proposed for closure): on a closed action that would
  // reopen it without a reason, so reopening stays its own change.
  if (action.status !== 'open' && action.status !== 'proposed-closure') {
    throw new InvalidInputError([`${action.ref} is ${action.status.replace('-', ' ')}: reopen it first, with the reason, to record progress on it.`], 'Cannot add an update');
  }
  const values = readOnBehalfValues(body);
  const checked = validateOwnerForm(values, action, toLocalDate(now, deps.config.timeZone), 'on-behalf');
  const owners = whoseUpdate(action);
  const owner = owners.includes(values.onBehalfOf) ? ((await deps.repository.getPerson(values.onBehalfOf)) ?? notInDirectory(values.onBehalfOf)) : null;
  const ownerError = owner
    ? []
    : [{ field: 'onBehalfOf', message: owners.length === 0 ? 'The action has no owner: reassign it to someone first' : 'Select whose update this is' }];
  if (!checked.ok || !owner) return { kind: 'invalid', action, errors: [...ownerError, ...(checked.ok ? [] : checked.errors)] };

  // The owner's own update, as their link would have built it; then recorded as the admin's, on their behalf.
  const built = buildUpdate(action, owner, checked.input, now);
  const result = await recordAdminChange(
    deps,
    actor,
    action,
    { change: 'add-update-on-behalf', patch: built.patch, onBehalfOf: owner.id, countsAsProgress: true, alwaysRecord: ['latestProgress'] },
    now,
  );
  if (result.kind === 'saved') await notifyOfClosure(deps, owner, action, result.action, now, actor.email);
  return result;
}
