import type { Action } from '../model/action.js';

/**
 * Whether the person, as the action's SRO, decides its closure from their link. Not when they also own
 * it: nobody signs off their own work, so an admin does (the dashboard says so).
 */
export function decidesClosureAsSro(action: Action, personId: string): boolean {
  return action.sroId === personId && !action.ownerIds.includes(personId);
}

/** Whether an admin, by a directory entry of theirs, may sign off the action's closure: the same rule holds in the console. */
export function decidesClosureAsAdmin(action: Action, personId: string): boolean {
  return !action.ownerIds.includes(personId);
}
