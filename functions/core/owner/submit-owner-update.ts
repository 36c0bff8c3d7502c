import { toLocalDate } from '../calendar/local-date.js';
import { ConflictError } from '../errors.js';
import type { Action, Timescale } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { ActionPatch, Update } from '../model/update.js';
import { diffPatch, progressChange, undoUpdates } from '../rules/apply-update.js';
import { isOverdue } from '../rules/stale.js';
import { getOwnedAction, recentCount } from './get-action-for-owner.js';
import type { OwnerDeps } from './list-my-actions.js';
import type { RateLimitStore } from '../links/rate-limit.js';
import type { LinkNoticeDeps } from '../links/send-link-notice.js';
import { notifyOfClosure } from './notify-of-closure.js';
import { readFormValues, validateOwnerForm, type FieldError, type OwnerFormValues, type OwnerUpdateInput } from './owner-update-form.js';
import { rebaseForm } from './rebase-form.js';

export type SubmitResult =
  | { kind: 'saved'; action: Action; update: Update }
  | { kind: 'invalid'; action: Action; errors: FieldError[]; values: OwnerFormValues }
  /** Saved by someone else since the form was opened: their updates, newest first, and the form carried onto the action as it is now. */
  | { kind: 'conflict'; action: Action; newerUpdates: Update[]; values: OwnerFormValues };

/**
 * An owner's update from their link: validated, turned into one history entry (via link, counting as
 * progress) and saved only if nobody else saved the action since the form was opened; otherwise a
 * conflict, and nothing is overwritten. A form opened on an older version is not checked against the
 * action as it is now (another owner's new target would make it ask for a reason the person never
 * gave) but goes straight to the conflict. The same form sent twice (a double click, or a retry after
 * a slow answer) is saved once: the second finds its own update and counts as saved. Proposing closure
 * asks the SRO to sign it off.
 */
export async function submitOwnerUpdate(deps: OwnerDeps & LinkNoticeDeps & { rateLimits: RateLimitStore }, person: Person, actionId: string, body: Record<string, unknown>, now: Date): Promise<SubmitResult> {
  const action = await getOwnedAction(deps, person, actionId);
  const values = readFormValues(body);
  const openedAt = /^\d{1,9}$/.test(values.version) ? Number(values.version) : null;
  if (openedAt !== null && openedAt !== action.version) return conflictFor(deps, person, action, values, openedAt, now);
  const checked = validateOwnerForm(values, action, toLocalDate(now, deps.config.timeZone));
  if (!checked.ok) return { kind: 'invalid', action, errors: checked.errors, values };
  const update = buildUpdate(action, person, checked.input, now);
  try {
    const saved = await deps.repository.saveUpdate(update);
    await notifyOfClosure(deps, person, action, saved, now);
    return { kind: 'saved', action: saved, update };
  } catch (error) {
    if (!(error instanceof ConflictError) || !error.current) throw error;
    // Saved by someone else between the read and the write: read again, through the ownership check.
    return conflictFor(deps, person, await getOwnedAction(deps, person, actionId), values, checked.input.version, now);
  }
}

/**
 * The conflict for a form opened at `openedAt`, unless the one update since is this very form, sent
 * before (a double click, a retry): the first has saved it. It may have failed before its email
 * (the update is kept and settled on the next read), so a proposal asks its SRO here too:
 * notifyOfClosure sends one email per proposal, whichever request gets there first.
 */
async function conflictFor(
  deps: OwnerDeps & LinkNoticeDeps & { rateLimits: RateLimitStore },
  person: Person,
  current: Action,
  values: OwnerFormValues,
  openedAt: number,
  now: Date,
): Promise<SubmitResult> {
  const newer = (await deps.repository.listUpdates(current.id)).filter((update) => update.version > openedAt);
  const opened = undoUpdates(current, newer);
  const checked = validateOwnerForm(values, opened, toLocalDate(now, deps.config.timeZone));
  const own = checked.ok && newer.length === 1 ? ownSaveOf(person, current, newer[0]!, checked.input) : null;
  if (own) {
    await notifyOfClosure(deps, person, opened, current, now);
    return { kind: 'saved', action: current, update: own };
  }
  return { kind: 'conflict', action: current, newerUpdates: newer.slice(-recentCount).reverse(), values: rebaseForm(values, opened, current, (action) => isOverdue(action, now, deps.config.timeZone)) };
}

/** The update, if it is this person's via their link and left the action as the form asks. */
function ownSaveOf(person: Person, action: Action, update: Update, input: OwnerUpdateInput): Update | null {
  const asAsked =
    action.latestProgress === input.progress &&
    action.confidence === input.confidence &&
    action.confidenceNarrative === input.confidenceNarrative &&
    action.timescale.target === input.target &&
    action.status === (input.complete ? 'proposed-closure' : 'open');
  return update.version === action.version && update.by === person.id && update.via === 'link' && asAsked ? update : null;
}

export function buildUpdate(action: Action, person: Pick<Person, 'id'>, input: OwnerUpdateInput, now: Date): Update {
  const at = now.toISOString();
  const patch: ActionPatch = {
    latestProgress: input.progress,
    confidence: input.confidence,
    confidenceNarrative: input.confidenceNarrative,
    status: input.complete ? 'proposed-closure' : 'open',
  };
  if (input.target !== action.timescale.target) patch.timescale = reviseTimescale(action.timescale, input.target, input.timescaleReason, person.id, at);
  const changes = diffPatch(action, patch);
  // Only what changed goes into the history, except the progress text, which is the update itself.
  const changed = new Set(changes.map((change) => change.field));
  const recorded = Object.fromEntries(Object.entries(patch).filter(([field]) => field === 'latestProgress' || changed.has(field))) as ActionPatch;
  return { actionId: action.id, version: action.version + 1, at, by: person.id, onBehalfOf: null, via: 'link', patch: recorded, changes: [...changes, progressChange(action, at)], countsAsProgress: true };
}

/**
 * A new target keeps the first one ever set (this one, for an action that had none) and appends the
 * revision with its reason; the first target, given without a reason, is no revision of anything.
 */
function reviseTimescale(timescale: Timescale, to: string | null, reason: string | null, by: string, at: string): Timescale {
  return {
    ...timescale,
    target: to,
    originalTarget: timescale.originalTarget ?? timescale.target ?? to,
    revisions: reason === null ? timescale.revisions : [...timescale.revisions, { at, by, from: timescale.target, to, reason }],
  };
}
