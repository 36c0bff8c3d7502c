import type { Action } from '../model/action.js';

/**
 * Whether the person, as the action's SRO, decides its closure from their link. Not when they also own
 * it: nobody signs off their own work, so an admin does (the dashboard says so).
 */
export function decidesClosureAsSro(action: Action, personId: string): boolean {
  return action.sroId === personId && !action.ownerIds.includes(personId);
}
