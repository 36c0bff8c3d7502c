import { confidences } from '../model/action.js';
import { missingPersonName, unmatchedOwnerName } from '../model/owner-names.js';
import { targetDueDate } from '../rules/stale.js';
import { comparePlanRows, notInDirectory, rowName } from './plan-as-at.js';
import type { AreaConfidence, BoardSummary, ConfidenceCounts, HeadlineFigures, Movement, NamedPerson, PlanRow, StaleOwner } from './snapshot.js';

export function headlineFigures(plan: readonly PlanRow[], movement: Movement): HeadlineFigures {
  const open = plan.filter((row) => row.status === 'open');
  const withStatus = (...statuses: PlanRow['status'][]) => plan.filter((row) => statuses.includes(row.status)).length;
  return {
    total: plan.length,
    open: open.length,
    proposedClosure: withStatus('proposed-closure'),
    closed: withStatus('closed'),
    notAcceptedOrSuperseded: withStatus('not-accepted', 'superseded'),
    closedThisMonth: movement.closed.length,
    stale: plan.filter((row) => row.stale).length,
    overdue: plan.filter((row) => row.overdue).length,
    noTimescale: open.filter((row) => row.timescale.target === null).length,
    noConfidence: open.filter((row) => row.confidence === 'not-set').length,
  };
}

const noCounts = (): ConfidenceCounts => Object.fromEntries(confidences.map((c) => [c, 0])) as ConfidenceCounts;

/** Open actions by area and confidence, areas in plan order; an action with no area is listed as "(no area)". */
export function confidenceByArea(plan: readonly PlanRow[]): AreaConfidence[] {
  const areas = new Map<string, AreaConfidence>();
  for (const row of plan) {
    if (row.status !== 'open') continue;
    const area = row.area.trim() || '(no area)';
    const entry = areas.get(area) ?? { area, counts: noCounts(), total: 0 };
    entry.counts[row.confidence]++;
    entry.total++;
    areas.set(area, entry);
  }
  return [...areas.values()].sort((a, b) => comparePlanRows({ area: a.area, ref: '' }, { area: b.area, ref: '' }));
}

/** Where an owner of a stale action is counted (person ids hold no colon), and as whom. */
function ownerOf(owner: NamedPerson): [key: string, owner: StaleOwner] {
  // Nothing but their ids, made from addresses, tells them apart: one owner, or the board reads the same name twice.
  if (notInDirectory(owner)) return ['missing:', { id: null, name: missingPersonName, count: 0, refs: [] }];
  // The plan's cell, for a name the import matched to nobody: it may hold notes as well as a name.
  if (owner.id === null) return [`unmatched:${owner.name}`, { id: null, name: unmatchedOwnerName(owner.name), count: 0, refs: [] }];
  return [owner.id, { id: owner.id, name: owner.name, count: 0, refs: [] }];
}

/**
 * The people owning the most stale actions, lead and co-owners alike (as the reminders count them);
 * names the import could not match are grouped by their written name, and those the directory no
 * longer holds are one owner. Those past the limit are counted, so that a tie at the cut is not
 * dropped unseen.
 */
export function staleOwners(plan: readonly PlanRow[], limit = 5): Pick<BoardSummary, 'staleOwners' | 'otherStaleOwners' | 'ownerlessStale'> {
  const owners = new Map<string, StaleOwner>();
  for (const row of plan) {
    if (!row.stale) continue;
    // An action counts once for an owner, however many of its owners are counted as that one.
    for (const [key, first] of new Map(row.owners.map(ownerOf))) {
      const entry = owners.get(key) ?? first;
      entry.count++;
      entry.refs.push(row.ref);
      owners.set(key, entry);
    }
  }
  const sorted = [...owners.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const others = sorted.slice(limit);
  // Nobody to chase, so on no list: said apart, or the most neglected would go unnamed.
  const ownerless = plan.filter((row) => row.stale && row.owners.length === 0).map((row) => row.ref);
  return {
    staleOwners: sorted.slice(0, limit),
    ...(others.length > 0 ? { otherStaleOwners: { owners: others.length, fewest: others.at(-1)!.count, most: others[0]!.count } } : {}),
    ...(ownerless.length > 0 ? { ownerlessStale: ownerless } : {}),
  };
}

/** One senior responsible officer's open actions, and how many of them are stale or overdue. */
export interface SroLoad {
  name: string;
  open: number;
  stale: number;
  overdue: number;
}

/**
 * Open actions by SRO, most first: the person a chief officer asks about a part of the plan. Worked
 * out from the plan rows as kept, so summaries kept before it show it too.
 */
export function openBySro(plan: readonly PlanRow[]): SroLoad[] {
  const bySro = new Map<string, SroLoad>();
  for (const row of plan) {
    if (row.status !== 'open') continue;
    const name = row.sro ? rowName(row.sro) : 'No SRO';
    const load = bySro.get(name) ?? { name, open: 0, stale: 0, overdue: 0 };
    load.open++;
    if (row.stale) load.stale++;
    if (row.overdue) load.overdue++;
    bySro.set(name, load);
  }
  return [...bySro.values()].sort((a, b) => b.open - a.open || a.name.localeCompare(b.name));
}

/**
 * Closures awaiting sign-off, the longest without an update first (never updated at the top): a closure
 * is proposed by an update and seldom updated again while it waits. Ties stay in plan order.
 */
export function waitingSignOffFirst(plan: readonly PlanRow[]): PlanRow[] {
  const since = (row: PlanRow) => row.lastUpdatedAt ?? '';
  return plan.filter((row) => row.status === 'proposed-closure').sort((a, b) => (since(a) < since(b) ? -1 : since(a) > since(b) ? 1 : comparePlanRows(a, b)));
}

/** The actions past their target, most overdue first (by the day each falls due), then in plan order. */
export function overdueFirst(plan: readonly PlanRow[]): PlanRow[] {
  const due = (row: PlanRow) => (row.timescale.target ? targetDueDate(row.timescale.target) : '');
  return plan.filter((row) => row.overdue).sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : comparePlanRows(a, b)));
}
