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

/** An action with its last three updates and their writers' names. */
export async function viewOf(deps: Pick<OwnerDeps, 'repository'>, action: Action): Promise<OwnerActionView> {
  const recentUpdates = (await deps.repository.listUpdates(action.id)).slice(-3).reverse();
  return { action, recentUpdates, names: await namesOf(deps, recentUpdates) };
}

export async function namesOf(deps: Pick<OwnerDeps, 'repository'>, updates: Update[]): Promise<Record<string, string>> {
  const ids = [...new Set(updates.map((update) => update.by))];
  const people = await Promise.all(ids.map((id) => deps.repository.getPerson(id)));
  return Object.fromEntries(ids.map((id, i) => [id, people[i]?.name ?? id]));
}

/** What others saved after the version the person's form was opened at, newest first (the conflict page). */
export async function listUpdatesSince(deps: Pick<OwnerDeps, 'repository'>, actionId: string, version: number): Promise<Update[]> {
  const updates = await deps.repository.listUpdates(actionId);
  return updates.filter((update) => update.version > version).reverse();
}
