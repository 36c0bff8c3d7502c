import { NotFoundError } from '../errors.js';
import type { Action } from '../model/action.js';
import { missingPersonName, nameOnOwnerPages, unlistedAdminName } from '../model/owner-names.js';
import { personIdFromEmail, type Person } from '../model/person.js';
import type { Update } from '../model/update.js';
import { isReopening } from '../rules/apply-update.js';
import { whyAdminSignsOff } from '../rules/decides-closure.js';
import { isOwnedBy, ownerStatuses, type OwnerDeps } from './list-my-actions.js';

export interface OwnerActionView {
  action: Action;
  /** The last three updates, newest first, and the latest with progress in it when older than those. */
  recentUpdates: Update[];
  /** The entry that last made the action open again (a closure returned, a reopening), however many came after it. */
  lastReopening: Update | null;
  /** The entry that last proposed it for closure: whose case the SRO is deciding on. */
  lastProposal: Update | null;
  /** Names of the people who wrote them, and of the action's owners, by id. */
  names: Record<string, string>;
}

/** The update form's view: also who would sign off a closure the owner proposes. */
export interface OwnerFormView extends OwnerActionView {
  /** Why an admin, not the SRO, would sign off its closure; null when the SRO would. */
  whyAdminSignsOff: string | null;
}

/**
 * One of the person's own actions. Anyone else's, or one they no longer work on, is "not found" (never
 * "forbidden", which would tell a guesser that the id exists).
 */
export async function getOwnedAction(deps: Pick<OwnerDeps, 'repository'>, person: Person, actionId: string): Promise<Action> {
  const action = await deps.repository.getAction(actionId);
  if (!action || !isOwnedBy(action, person) || !ownerStatuses.has(action.status)) throw new NotFoundError('The action');
  return action;
}

export async function getActionForOwner(deps: Pick<OwnerDeps, 'repository'>, person: Person, actionId: string): Promise<OwnerFormView> {
  const action = await getOwnedAction(deps, person, actionId);
  const [view, whyAdminSignsOff] = await Promise.all([viewOf(deps, action), findWhyAdminSignsOff(deps, action)]);
  return { ...view, whyAdminSignsOff };
}

/** How many updates an owner's page shows: enough to see where the action stands. */
export const recentCount = 3;

const isProposal = (update: Update) => update.changes.some((c) => c.field === 'status' && c.to === 'proposed-closure');

/** An entry with progress text in it: what an owner writes on from. */
export const carriesProgress = (update: Update): boolean => update.patch.latestProgress !== undefined;

/**
 * The last three entries, and the latest progress when older than those: the owner writes on from it,
 * and an admin's reassignments or corrections since would otherwise push it off the page.
 */
function recentOf(history: readonly Update[]): Update[] {
  const recent = history.slice(-recentCount);
  const progress = history.findLast(carriesProgress);
  return [...(progress && !recent.includes(progress) ? [progress] : []), ...recent].reverse();
}

/** An action with its recent updates, the entries that last made it open again and proposed it for closure, and the names of the people in them. */
export async function viewOf(deps: Pick<OwnerDeps, 'repository'>, action: Action): Promise<OwnerActionView> {
  const history = await deps.repository.listUpdates(action.id);
  const recentUpdates = recentOf(history);
  const lastReopening = history.findLast(isReopening) ?? null;
  const lastProposal = history.findLast(isProposal) ?? null;
  const named = [...recentUpdates, ...[lastReopening, lastProposal].filter((u): u is Update => u !== null)];
  return { action, recentUpdates, lastReopening, lastProposal, names: await namesOf(deps, named, action.ownerIds) };
}

/** Who would sign off the action's closure, asked of the directory: an SRO who has left or is missing cannot. */
export async function findWhyAdminSignsOff(deps: Pick<OwnerDeps, 'repository'>, action: Action): Promise<string | null> {
  return whyAdminSignsOff(action, action.sroId ? await deps.repository.getPerson(action.sroId) : null);
}

/**
 * Names for everyone the updates mention: who wrote each (and for whom), and any owner or SRO they changed. An admin's
 * or an import's entry records the address it was made from, which an owner's page never shows in place
 * of a name: its author is named from the directory, or called an administrator.
 */
export async function namesOf(deps: Pick<OwnerDeps, 'repository'>, updates: Update[], alsoIds: readonly string[] = []): Promise<Record<string, string>> {
  const byAddress = new Set(updates.filter((update) => update.via !== 'link').map((update) => update.by));
  const mentioned = updates.flatMap((update) => [
    update.by,
    update.onBehalfOf,
    ...update.changes.flatMap((change) => (change.field === 'ownerIds' || change.field === 'sroId' ? [change.from, change.to].flat() : [])),
  ]);
  const ids = [...new Set([...mentioned, ...alsoIds].filter((id): id is string => typeof id === 'string'))];
  const people = await Promise.all(ids.map((id) => deps.repository.getPerson(byAddress.has(id) ? personIdFromEmail(id) : id)));
  return Object.fromEntries(ids.map((id, i) => [id, people[i] ? nameOnOwnerPages(people[i]) : byAddress.has(id) ? unlistedAdminName : missingPersonName]));
}
