import * as z from '../zod.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { ActionPatch, Update } from '../model/update.js';
import { diffPatch } from '../rules/apply-update.js';
import { viewOf, type OwnerActionView } from './get-action-for-owner.js';
import type { LinkNoticeDeps } from '../links/send-link-notice.js';
import { decidesClosureAsSro } from '../rules/decides-closure.js';
import { ownerStatuses, type OwnerDeps } from './list-my-actions.js';
import { notifyOwnersOfSignOff, type SignOffDecision } from './notify-owners-of-sign-off.js';

/** The version the page showed, so that a decision is never made on what the SRO did not see. */
export const PageVersion = z.pipe(z.string().check(z.regex(/^\d{1,9}$/)), z.transform(Number));
const SignOffForm = z.object({ version: PageVersion });

/** A form without its page's version was not sent from the page: nothing to tell the SRO but to reload. */
export const incompleteForm = () => new InvalidInputError(['The form was incomplete: reload the page and try again'], 'The form is not valid');

/**
 * One live action of the SRO's portfolio (not one they also own). Anyone else's is "not found", never
 * "forbidden", as for an owner: that would tell a guesser that the id exists.
 */
export function requirePortfolio(action: Action | null, person: Person): Action {
  if (!action || !decidesClosureAsSro(action, person.id) || !ownerStatuses.has(action.status)) throw new NotFoundError('The action');
  return action;
}

/** Whether the action is one of the SRO's that is now closed: a sign-off of theirs is done. */
export const isClosedFor = (action: Action | null, person: Person): action is Action => action !== null && decidesClosureAsSro(action, person.id) && action.status === 'closed';

export interface SignOffView extends OwnerActionView {
  /** The owners' names, lead first. */
  owners: string[];
  /** Those of them a return is emailed to: the owners still here. */
  told: string[];
}

/** The sign-off page: the action, its latest updates (the owner's case for closing it), who wrote them and who owns it. */
export async function getSignOffView(deps: Pick<OwnerDeps, 'repository'>, person: Person, actionId: string): Promise<SignOffView> {
  const action = requirePortfolio(await deps.repository.getAction(actionId), person);
  const [view, owners] = await Promise.all([viewOf(deps, action), Promise.all(action.ownerIds.map((id) => deps.repository.getPerson(id)))]);
  return {
    ...view,
    owners: action.ownerIds.map((id) => view.names[id] ?? id),
    told: owners.filter((owner): owner is Person => owner?.active === true).map((owner) => owner.name),
  };
}

/**
 * The action as it stands when it is one of the SRO's, closed by their own sign-off (its latest entry):
 * a repeat of that sign-off is done already. Null for anything else, such as an admin's sign-off.
 */
async function signedOffBy(deps: Pick<OwnerDeps, 'repository'>, person: Person, action: Action | null): Promise<Action | null> {
  if (!isClosedFor(action, person)) return null;
  const latest = (await deps.repository.listUpdates(action.id)).at(-1);
  return latest?.by === person.id && latest.patch.status === 'closed' ? action : null;
}

export type SignOffResult = { kind: 'closed'; action: Action } | { kind: 'not-proposed'; action: Action };

/**
 * The SRO signs off a closure the owner proposed, from their own link: the action is closed, and its
 * history records it as the SRO's, via link. A page older than the action's last change is a conflict
 * (ConflictError), and saveUpdate refuses a version someone else took first. A sign-off that finds the
 * action already closed by the SRO's own sign-off (a double-click, or two tabs) succeeds: what they
 * asked for is done, and only the sign-off that closed it tells the owners. Closed by an admin, it is
 * no longer theirs to decide (NotFoundError).
 */
export async function signOffAsSro(deps: OwnerDeps & LinkNoticeDeps, person: Person, actionId: string, body: Record<string, unknown>, now: Date): Promise<SignOffResult> {
  const found = await deps.repository.getAction(actionId);
  const closed = await signedOffBy(deps, person, found);
  if (closed) return { kind: 'closed', action: closed };
  const action = requirePortfolio(found, person);
  const form = SignOffForm.safeParse(body);
  if (!form.success) throw incompleteForm();
  if (form.data.version !== action.version) throw new ConflictError(action);
  if (action.status !== 'proposed-closure') return { kind: 'not-proposed', action };
  return { kind: 'closed', action: await saveSroDecision(deps, person, action, 'closed', null, now, async () => signedOffBy(deps, person, await deps.repository.getAction(actionId))) };
}

/**
 * Saves the SRO's decision on a proposed closure as their history entry, via link (not progress: the
 * owners' work is unchanged), then tells the owners. When a concurrent save gets there first,
 * `doneAlready` returns the action if that save was this same decision (a double click): it counts as
 * done, and nobody is told twice.
 */
export async function saveSroDecision(
  deps: OwnerDeps & LinkNoticeDeps,
  person: Person,
  action: Action,
  decision: SignOffDecision,
  reason: string | null,
  now: Date,
  doneAlready: () => Promise<Action | null>,
): Promise<Action> {
  const patch: ActionPatch = { status: decision === 'closed' ? 'closed' : 'open' };
  const update: Update = {
    actionId: action.id,
    version: action.version + 1,
    at: now.toISOString(),
    by: person.id,
    onBehalfOf: null,
    via: 'link',
    patch,
    changes: [...diffPatch(action, patch), ...(reason === null ? [] : [{ field: 'reason', from: null, to: reason }])],
    countsAsProgress: false,
  };
  let saved: Action;
  try {
    saved = await deps.repository.saveUpdate(update);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const done = await doneAlready();
    if (done) return done;
    throw error;
  }
  await notifyOwnersOfSignOff(deps, saved, { personId: person.id, name: person.name }, decision, now);
  return saved;
}
