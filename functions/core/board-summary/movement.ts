import type { Confidence } from '../model/action.js';
import { comparePlanRows } from './plan-as-at.js';
import type { MovedAction, Movement, PlanRow, Reopened } from './snapshot.js';
import { targetMove } from './target-move.js';

const rank: Record<Confidence, number | null> = { high: 3, medium: 2, low: 1, 'not-set': null };

/** A drop is a rated confidence becoming a lower rating; "not set" is no rating, so it neither drops nor rises. */
export function confidenceDropped(from: Confidence, to: Confidence): boolean {
  const a = rank[from];
  const b = rank[to];
  return a !== null && b !== null && b < a;
}

const moved = (row: PlanRow): MovedAction => ({ id: row.id, ref: row.ref, area: row.area });

/** A status a decision ended the action's work with. */
function ended(status: PlanRow['status']): status is Reopened['from'] {
  return status === 'closed' || status === 'not-accepted' || status === 'superseded';
}

/**
 * What moved from one month end to the next, row by row. "Became stale/overdue" counts actions that
 * existed last month and were not stale/overdue then; new actions are listed as new. In the month the
 * plan was loaded nothing is compared: every action would be new, and none could have become stale or overdue.
 */
export function compareMonths(before: readonly PlanRow[], after: readonly PlanRow[], basis: Movement['basis']): Movement {
  const previous = new Map(before.map((row) => [row.id, row]));
  const movement: Movement = { basis, newActions: [], proposedClosure: [], closed: [], reopened: [], setAside: [], retimed: [], confidenceDropped: [], becameStale: [], becameOverdue: [] };
  if (before.length === 0 && after.length > 0) {
    return { ...movement, planLoadedAt: after.map((row) => row.createdAt).reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)) };
  }
  for (const row of [...after].sort(comparePlanRows)) {
    const was = previous.get(row.id);
    if (!was) movement.newActions.push(moved(row));
    // An owner's "it is done", the month's progress even before its SRO signs it off.
    if (row.status === 'proposed-closure' && was?.status !== 'proposed-closure') movement.proposedClosure.push(moved(row));
    if (row.status === 'closed' && was?.status !== 'closed') movement.closed.push(moved(row));
    if ((row.status === 'not-accepted' || row.status === 'superseded') && was?.status !== row.status) movement.setAside.push({ ...moved(row), to: row.status });
    if (!was) continue;
    // Closed then superseded is set aside, not reopened: only a return to the plan's work is.
    if (ended(was.status) && !ended(row.status)) movement.reopened.push({ ...moved(row), from: was.status, to: row.status });
    const from = was.timescale.target;
    const to = row.timescale.target;
    // "March 2027" written again as "31 March 2027" falls due the same day: nothing moved.
    if (from !== to && !(from && to && targetMove(from, to).days === 0)) movement.retimed.push({ ...moved(row), from, to });
    if (confidenceDropped(was.confidence, row.confidence)) movement.confidenceDropped.push({ ...moved(row), from: was.confidence, to: row.confidence });
    if (row.stale && !was.stale) movement.becameStale.push(moved(row));
    if (row.overdue && !was.overdue) movement.becameOverdue.push(moved(row));
  }
  return movement;
}
