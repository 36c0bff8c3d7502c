import type { Action } from '../model/action.js';

/**
 * Whether the person, as the action's SRO, decides its closure from their link. Not when they also own
 * it: nobody signs off their own work, so an admin does (the dashboard says so).
 */
export function decidesClosureAsSro(action: Action, personId: string): boolean {
  return action.sroId === personId && !action.ownerIds.includes(personId);
}

/**
 * Whether an admin may sign off the action's closure, by their directory entry's id (null when the
 * directory does not hold them, so they own nothing): the same rule holds in the console.
 */
export function decidesClosureAsAdmin(action: Action, personId: string | null): boolean {
  return personId === null || !action.ownerIds.includes(personId);
}
