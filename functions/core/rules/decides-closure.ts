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

export type AdminSignOffReason = 'no-sro' | 'sro-owns-it' | 'sro-not-in-directory' | 'sro-left';

/**
 * Why an admin, not the SRO, signs off the action's closure; null when the SRO does. `sro` is its SRO's
 * directory entry, or null when the directory has none.
 */
export function adminSignOffReason(action: Action, sro: Person | null): AdminSignOffReason | null {
  if (action.sroId === null) return 'no-sro';
  if (!decidesClosureAsSro(action, action.sroId)) return 'sro-owns-it';
  if (!sro) return 'sro-not-in-directory';
  return sro.active ? null : 'sro-left';
}

const reasonSentences: Record<AdminSignOffReason, string> = {
  'no-sro': 'it has no senior responsible officer',
  'sro-owns-it': 'its senior responsible officer owns it too, and nobody signs off their own action',
  'sro-not-in-directory': 'its senior responsible officer is not in the people directory',
  'sro-left': 'its senior responsible officer has left',
};

/** adminSignOffReason as the clause pages and emails put after "An admin signs it off:". */
export function whyAdminSignsOff(action: Action, sro: Person | null): string | null {
  const reason = adminSignOffReason(action, sro);
  return reason && reasonSentences[reason];
}
