import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';

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

/**
 * Why an admin, not the SRO, signs off the action's closure; null when the SRO does. `sro` is its SRO's
 * directory entry, or null when the directory has none.
 */
export function whyAdminSignsOff(action: Action, sro: Person | null): string | null {
  if (action.sroId === null) return 'it has no senior responsible officer';
  if (!decidesClosureAsSro(action, action.sroId)) return 'its senior responsible officer owns it too, and nobody signs off their own action';
  if (!sro) return 'its senior responsible officer is not in the people directory';
  return sro.active ? null : 'its senior responsible officer has left';
}
