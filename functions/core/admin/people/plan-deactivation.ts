import { comparePlanRows } from '../../board-summary/plan-as-at.js';
import type { Action } from '../../model/action.js';

/** Statuses still being worked: a leaver's closed or withdrawn actions keep their owners as history. */
const liveStatuses: ReadonlySet<Action['status']> = new Set(['open', 'proposed-closure']);

export interface LeaverMove {
  action: Action;
  ownerIds: string[];
  /** The SRO afterwards: the successor where the leaver was SRO and the admin chose one, else unchanged. */
  sroId: string | null;
  /** Who leads the action now: its SRO, the next co-owner, nobody, unchanged (a co-owner left), or not-owner (the leaver was only its SRO). */
  lead: 'sro' | 'next-owner' | 'nobody' | 'unchanged' | 'not-owner';
}

export interface DeactivationPlan {
  /** Every live action whose owners or SRO change. */
  moves: LeaverMove[];
  /** Live actions that keep the leaver as SRO (no successor chosen): an admin chooses each one's SRO on its page. */
  sroOf: Action[];
}

/**
 * What deactivating a person does to the plan. Where they lead an action, its SRO takes their place
 * (or, when the SRO is the leaver, unset or gone too, the first co-owner still here); where they co-own
 * one, they are removed. Where they are SRO, `newSroId` (the successor the admin chose) takes over,
 * leading too where the leaver led; without one, those actions keep them as SRO. `isHere`: whether
 * someone is in the directory and has not left, so may lead. Actions come in plan order (area, then ref).
 */
export function planDeactivation(actions: readonly Action[], personId: string, newSroId: string | null, isHere: (id: string) => boolean): DeactivationPlan {
  const live = actions.filter((a) => liveStatuses.has(a.status)).sort(comparePlanRows);
  const moves = live.flatMap((action) => planMove(action, personId, newSroId, isHere) ?? []);
  return { moves, sroOf: newSroId === null ? live.filter((a) => a.sroId === personId) : [] };
}

/** One action's move, or null when the leaver neither owns it nor (with a successor chosen) is its SRO. */
function planMove(action: Action, personId: string, newSroId: string | null, isHere: (id: string) => boolean): LeaverMove | null {
  const sroId = newSroId !== null && action.sroId === personId ? newSroId : action.sroId;
  if (!action.ownerIds.includes(personId)) return sroId === action.sroId ? null : { action, ownerIds: action.ownerIds, sroId, lead: 'not-owner' };
  const rest = action.ownerIds.filter((id) => id !== personId);
  if (action.ownerIds[0] !== personId) return { action, ownerIds: rest, sroId, lead: 'unchanged' };
  if (sroId && sroId !== personId && isHere(sroId)) return { action, ownerIds: [sroId, ...rest.filter((id) => id !== sroId)], sroId, lead: 'sro' };
  const next = rest.find(isHere);
  return next ? { action, ownerIds: [next, ...rest.filter((id) => id !== next)], sroId, lead: 'next-owner' } : { action, ownerIds: rest, sroId, lead: 'nobody' };
}
