import { toLocalDate } from '../calendar/local-date.js';
import { ConflictError } from '../errors.js';
import type { Action, Timescale } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { ActionPatch, Update } from '../model/update.js';
import { diffPatch, progressChange } from '../rules/apply-update.js';
import { getOwnedAction } from './get-action-for-owner.js';
import type { OwnerDeps } from './list-my-actions.js';
import type { LinkNoticeDeps } from '../links/send-link-notice.js';
import { notifySroOfClosure } from './notify-sro-of-closure.js';
import { readFormValues, validateOwnerForm, type FieldError, type OwnerFormValues, type OwnerUpdateInput } from './owner-update-form.js';

export type SubmitResult =
  | { kind: 'saved'; action: Action; update: Update }
  | { kind: 'invalid'; action: Action; errors: FieldError[]; values: OwnerFormValues };

/**
 * An owner's update from their link: validated, turned into one history entry (via link, counting as
 * progress) and saved only if nobody else saved the action since the form was opened; otherwise
 * ConflictError carrying what is stored now, and nothing is overwritten. The same form sent twice (a
 * double click, or a retry after a slow answer) is saved once: the second finds its own update and
 * counts as saved. Proposing closure asks the SRO to sign it off.
 */
export async function submitOwnerUpdate(deps: OwnerDeps & LinkNoticeDeps, person: Person, actionId: string, body: Record<string, unknown>, now: Date): Promise<SubmitResult> {
  const action = await getOwnedAction(deps, person, actionId);
  const values = readFormValues(body);
  const checked = validateOwnerForm(values, action, toLocalDate(now, deps.config.timeZone));
  if (!checked.ok) return { kind: 'invalid', action, errors: checked.errors, values };
  const update = buildUpdate(action, person, checked.input, now);
  try {
    if (checked.input.version !== action.version) throw new ConflictError(action);
    const saved = await deps.repository.saveUpdate(update);
    await notifySroOfClosure(deps, person, action, saved, now);
    return { kind: 'saved', action: saved, update };
  } catch (error) {
    if (!(error instanceof ConflictError) || !error.current) throw error;
    // Sent twice: the first has saved it, and told whoever needed telling.
    const own = await ownSaveOf(deps, person, error.current, checked.input);
    if (own) return { kind: 'saved', action: error.current, update: own };
    throw error;
  }
}

/**
 * The update this form already made, if the action's one change since the form's version is this
 * person's, via link, and left the action as the form asks.
 */
async function ownSaveOf(deps: OwnerDeps, person: Person, action: Action, input: OwnerUpdateInput): Promise<Update | null> {
  if (action.version !== input.version + 1) return null;
  const newest = (await deps.repository.listUpdates(action.id)).at(-1);
  const asAsked =
    action.latestProgress === input.progress &&
    action.confidence === input.confidence &&
    action.confidenceNarrative === input.confidenceNarrative &&
    action.timescale.target === input.target &&
    action.status === (input.complete ? 'proposed-closure' : 'open');
  return newest && newest.version === action.version && newest.by === person.id && newest.via === 'link' && asAsked ? newest : null;
}

export function buildUpdate(action: Action, person: Person, input: OwnerUpdateInput, now: Date): Update {
  const at = now.toISOString();
  const patch: ActionPatch = {
    latestProgress: input.progress,
    confidence: input.confidence,
    confidenceNarrative: input.confidenceNarrative,
    status: input.complete ? 'proposed-closure' : 'open',
  };
  if (input.target !== action.timescale.target) patch.timescale = reviseTimescale(action.timescale, input.target, input.timescaleReason ?? '', person.id, at);
  const changes = diffPatch(action, patch);
  // Only what changed goes into the history, except the progress text, which is the update itself.
  const changed = new Set(changes.map((change) => change.field));
  const recorded = Object.fromEntries(Object.entries(patch).filter(([field]) => field === 'latestProgress' || changed.has(field))) as ActionPatch;
  return { actionId: action.id, version: action.version + 1, at, by: person.id, onBehalfOf: null, via: 'link', patch: recorded, changes: [...changes, progressChange(action, at)], countsAsProgress: true };
}

/** A new target keeps the first one ever set (this one, for an action that had none) and appends the revision with its reason. */
function reviseTimescale(timescale: Timescale, to: string | null, reason: string, by: string, at: string): Timescale {
  return {
    ...timescale,
    target: to,
    originalTarget: timescale.originalTarget ?? timescale.target ?? to,
    revisions: [...timescale.revisions, { at, by, from: timescale.target, to, reason }],
  };
}
