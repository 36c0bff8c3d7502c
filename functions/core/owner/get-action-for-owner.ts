import { NotFoundError } from '../errors.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { Update } from '../model/update.js';
import { isOwnedBy, ownerStatuses, type OwnerDeps } from './list-my-actions.js';

export interface OwnerActionView {
  action: Action;
  /** The last three updates, newest first. */
  recentUpdates: Update[];
  /** Names of the people who wrote them, by id. */
  names: Record<string, string>;
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

export async function getActionForOwner(deps: Pick<OwnerDeps, 'repository'>, person: Person, actionId: string): Promise<OwnerActionView> {
  return viewOf(deps, await getOwnedAction(deps, person, actionId));
}

/** How many updates an owner's page shows: enough to see where the action stands. */
export const recentCount = 3;

/** An action with its last three updates and the names of the people in them. */
export async function viewOf(deps: Pick<OwnerDeps, 'repository'>, action: Action): Promise<OwnerActionView> {
  const recentUpdates = (await deps.repository.listUpdates(action.id)).slice(-recentCount).reverse();
  return { action, recentUpdates, names: await namesOf(deps, recentUpdates) };
}

/** Names for everyone the updates mention: who wrote each, and any owner or SRO they changed. */
export async function namesOf(deps: Pick<OwnerDeps, 'repository'>, updates: Update[]): Promise<Record<string, string>> {
  const mentioned = updates.flatMap((update) => [
    update.by,
    ...update.changes.flatMap((change) => (change.field === 'ownerIds' || change.field === 'sroId' ? [change.from, change.to].flat() : [])),
  ]);
  const ids = [...new Set(mentioned.filter((id): id is string => typeof id === 'string'))];
  const people = await Promise.all(ids.map((id) => deps.repository.getPerson(id)));
  return Object.fromEntries(ids.map((id, i) => [id, people[i]?.name ?? id]));
}
