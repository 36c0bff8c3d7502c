import { comparePlanRows } from '../../board-summary/plan-as-at.js';
import type { Action } from '../../model/action.js';

/** Statuses still being worked: a leaver's closed or withdrawn actions keep their owners as history. */
const liveStatuses: ReadonlySet<Action['status']> = new Set(['open', 'proposed-closure']);

export interface LeaverMove {
  action: Action;
  ownerIds: string[];
  /** Who leads the action now: its SRO, the next co-owner, nobody, or unchanged (a co-owner left). */
  lead: 'sro' | 'next-owner' | 'nobody' | 'unchanged';
}

export interface DeactivationPlan {
  moves: LeaverMove[];
  /** Live actions the leaver is SRO of: an admin chooses their new SRO on the action's page. */
  sroOf: Action[];
}

/**
 * What deactivating a person does to the plan. Where they lead an action, its SRO takes their place
 * (or, when the SRO is the leaver or unset, the next co-owner); where they co-own one, they are removed.
 * Actions come in plan order (area, then ref).
 */
export function planDeactivation(actions: readonly Action[], personId: string): DeactivationPlan {
  const live = actions.filter((a) => liveStatuses.has(a.status)).sort(comparePlanRows);
  const moves = live.filter((a) => a.ownerIds.includes(personId)).map((action) => moveFrom(action, personId));
  return { moves, sroOf: live.filter((a) => a.sroId === personId) };
}

function moveFrom(action: Action, personId: string): LeaverMove {
  const rest = action.ownerIds.filter((id) => id !== personId);
  if (action.ownerIds[0] !== personId) return { action, ownerIds: rest, lead: 'unchanged' };
  const sro = action.sroId;
  if (sro && sro !== personId) return { action, ownerIds: [sro, ...rest.filter((id) => id !== sro)], lead: 'sro' };
  return { action, ownerIds: rest, lead: rest.length > 0 ? 'next-owner' : 'nobody' };
}
