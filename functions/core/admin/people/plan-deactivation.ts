import { comparePlanRows } from '../../board-summary/plan-as-at.js';
import type { Action } from '../../model/action.js';
import { decidesClosureAsSro } from '../../rules/decides-closure.js';

/** Statuses still being worked: a leaver's closed or withdrawn actions keep their owners as history. */
const liveStatuses: ReadonlySet<Action['status']> = new Set(['open', 'proposed-closure']);

export interface LeaverMove {
  action: Action;
  ownerIds: string[];
  /** The SRO afterwards: the successor where the leaver was SRO and the admin chose one, else unchanged. */
  sroId: string | null;
  /** Who leads the action now: its SRO, the next co-owner, nobody, unchanged (a co-owner left), or not-owner (the leaver was only its SRO). */
  lead: 'sro' | 'next-owner' | 'nobody' | 'unchanged' | 'not-owner';
  /**
   * Who signs off a closure awaiting sign-off, afterwards: its SRO, or an admin (it has no SRO still
   * here, or its SRO owns it). Null for an open action.
   */
  closure: 'sro' | 'admin' | null;
}

export interface DeactivationPlan {
  /** Every live action whose owners or SRO change. */
  moves: LeaverMove[];
  /** Live actions that keep the leaver as SRO (no successor chosen): an admin chooses each one's SRO on its page. */
  sroOf: Action[];
}

/**
 * What deactivating a person does to the plan. Where they lead an open action, its SRO takes their
 * place if still here, else the first co-owner still here, else nobody. A successor SRO is new to the
 * action, so leads it only where no co-owner is still here to. A closure awaiting sign-off is never led
 * by its SRO: the owners made their case already, and an SRO who owns an action cannot decide it. Where
 * they co-own an action, they are removed. Where they are SRO, `newSroId` (the successor the admin
 * chose) takes over; without one, those actions keep them as SRO. `isHere`: whether someone is in the
 * directory and has not left, so may lead. Actions come in plan order (area, then ref).
 */
export function planDeactivation(actions: readonly Action[], personId: string, newSroId: string | null, isHere: (id: string) => boolean): DeactivationPlan {
  const live = actions.filter((a) => liveStatuses.has(a.status)).sort(comparePlanRows);
  const moves = live.flatMap((action) => planMove(action, personId, newSroId, isHere) ?? []);
  return { moves, sroOf: newSroId === null ? live.filter((a) => a.sroId === personId) : [] };
}

/** One action's move, or null when the leaver neither owns it nor (with a successor chosen) is its SRO. */
function planMove(action: Action, personId: string, newSroId: string | null, isHere: (id: string) => boolean): LeaverMove | null {
  const sroId = newSroId !== null && action.sroId === personId ? newSroId : action.sroId;
  const sroHere = sroId !== null && sroId !== personId && isHere(sroId) ? sroId : null;
  const move = (ownerIds: string[], lead: LeaverMove['lead']): LeaverMove => {
    if (action.status !== 'proposed-closure') return { action, ownerIds, sroId, lead, closure: null };
    return { action, ownerIds, sroId, lead, closure: sroHere !== null && decidesClosureAsSro({ ...action, ownerIds, sroId }, sroHere) ? 'sro' : 'admin' };
  };
  if (!action.ownerIds.includes(personId)) return sroId === action.sroId ? null : move(action.ownerIds, 'not-owner');
  const rest = action.ownerIds.filter((id) => id !== personId);
  if (action.ownerIds[0] !== personId) return move(rest, 'unchanged');
  const ledBy = (id: string) => [id, ...rest.filter((other) => other !== id)];
  const sroMayLead = action.status === 'open' ? sroHere : null;
  if (sroMayLead !== null && sroMayLead === action.sroId) return move(ledBy(sroMayLead), 'sro');
  const next = rest.find(isHere);
  if (next) return move(ledBy(next), 'next-owner');
  return sroMayLead !== null ? move(ledBy(sroMayLead), 'sro') : move(rest, 'nobody');
}
