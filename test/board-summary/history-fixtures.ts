import { compileBoardSummary } from '../../functions/core/board-summary/compile-board-summary.js';
import type { Snapshot } from '../../functions/core/board-summary/snapshot.js';
import type { Action, Confidence, Timescale } from '../../functions/core/model/action.js';
import type { ActionPatch, Update } from '../../functions/core/model/update.js';
import { makeAction, makePerson, makeUpdate } from '../support/make-action.js';

export const config = { timeZone: 'Europe/London', staleAfterDays: 28 };

export const timescale = (target: string | null): Timescale => ({ text: null, target, originalTarget: target, revisions: [] });

/** One update that changes one field, recording what it was, as the use cases write them. */
export function change<K extends keyof ActionPatch>(
  action: Action,
  version: number,
  at: string,
  field: K,
  from: ActionPatch[K],
  to: ActionPatch[K],
  countsAsProgress = true,
): Update {
  return makeUpdate({ actionId: action.id, version, at, patch: { [field]: to }, changes: [{ field, from, to }], countsAsProgress });
}

export function progress(action: Action, version: number, at: string): Update {
  return makeUpdate({ actionId: action.id, version, at, patch: { latestProgress: `Progress at ${at}` }, changes: [] });
}

export function action(id: string, ref: string, overrides: Partial<Action> = {}): Action {
  return makeAction({ id, ref, createdAt: '2026-01-05T09:00:00.000Z', lastUpdatedAt: '2026-09-25T09:00:00.000Z', ...overrides });
}

export const rated = (confidence: Confidence) => ({ confidence });

/** Each action below moves in one way during October 2026; the current state is after every update. */
export function octoberHistory() {
  const unchanged = action('a-steady', 'S1', { version: 3, lastUpdatedAt: '2026-10-20T09:00:00.000Z', confidence: 'high', timescale: timescale('2027-06') });
  const created = action('a-new', 'N1', { createdAt: '2026-10-10T09:00:00.000Z', lastUpdatedAt: '2026-10-10T09:00:00.000Z' });
  const closed = action('a-closed', 'C1', { status: 'closed', version: 2, lastUpdatedAt: '2026-10-15T09:00:00.000Z' });
  const retimed = action('a-retimed', 'T1', { timescale: timescale('2027-03'), version: 2, lastUpdatedAt: '2026-10-20T09:00:00.000Z' });
  const dropped = action('a-dropped', 'D1', { confidence: 'low', version: 2, lastUpdatedAt: '2026-10-21T09:00:00.000Z' });
  const goneStale = action('a-stale', 'G1', { ownerIds: ['p-okafor'], lastUpdatedAt: '2026-09-20T09:00:00.000Z' });
  // Due in October: not overdue at the end of September, overdue at the end of October.
  const goneOverdue = action('a-overdue', 'O1', { timescale: timescale('2026-10'), lastUpdatedAt: '2026-10-05T09:00:00.000Z' });
  const updates = [
    progress(unchanged, 2, '2026-09-25T09:00:00.000Z'),
    progress(unchanged, 3, '2026-10-20T09:00:00.000Z'),
    change(closed, 2, '2026-10-15T09:00:00.000Z', 'status', 'open', 'closed'),
    change(retimed, 2, '2026-10-20T09:00:00.000Z', 'timescale', timescale('2026-12'), timescale('2027-03')),
    change(dropped, 2, '2026-10-21T09:00:00.000Z', 'confidence', 'high', 'low'),
  ];
  return { actions: [unchanged, created, closed, retimed, dropped, goneStale, goneOverdue], updates };
}

export const people = [
  makePerson({ id: 'p-okafor', name: 'Supt Okafor' }),
  makePerson({ id: 'p-bell', name: 'C/Supt Bell', email: 'bell@example.police.uk' }),
];

/** The first working day of November 2026, when October's summary is compiled. */
const novemberRun = new Date('2026-11-02T07:30:00.000Z');

/** September then October 2026 compiled from octoberHistory: October has one action in each movement. */
export function octoberSnapshot(): Snapshot {
  const history = octoberHistory();
  const september = compileBoardSummary({ ...history, people, previous: null, month: '2026-09', now: novemberRun, config });
  return compileBoardSummary({ ...history, people, previous: september, month: '2026-10', now: novemberRun, config });
}

/** October with a second stale action, Q1, that nobody owns: on no owners list. */
export function ownerlessStaleSnapshot(): Snapshot {
  const history = octoberHistory();
  const quiet = action('a-quiet', 'Q1', { lastUpdatedAt: '2026-08-03T09:00:00.000Z' });
  return compileBoardSummary({ actions: [...history.actions, quiet], updates: history.updates, people, previous: null, month: '2026-10', now: novemberRun, config });
}

/** Targets re-timed on 20 October 2026, R1 to R5, mostly day targets ("31 March 2027" in the sheet). */
export function retimedHistory() {
  const retimings = [
    ['2027-03-10', '2027-03-31'],
    ['2027-03-31', '2027-03-15'],
    ['2027-03-31', '2027-04-01'],
    ['2026-12', '2027-03'],
    ['2027-03', '2027-03-31'],
  ] as const;
  const actions = retimings.map(([, to], i) => action(`a-retimed-${i + 1}`, `R${i + 1}`, { timescale: timescale(to), version: 2, lastUpdatedAt: '2026-10-20T09:00:00.000Z' }));
  const updates = retimings.map(([from, to], i) => change(actions[i]!, 2, '2026-10-20T09:00:00.000Z', 'timescale', timescale(from), timescale(to)));
  return { actions, updates };
}

/** October 2026 compiled from retimedHistory, the first summary kept. */
export const retimedSnapshot = (): Snapshot => compileBoardSummary({ ...retimedHistory(), people, previous: null, month: '2026-10', now: novemberRun, config });

/**
 * October 2026 for a plan first loaded on 30 October: one action past its September target, one
 * without a target. Nothing before it to compare with.
 */
export const loadedMonthSnapshot = (): Snapshot =>
  compileBoardSummary({
    actions: [
      action('a-1', 'R1', { createdAt: '2026-10-30T17:00:00.000Z', timescale: timescale('2026-09') }),
      action('a-2', 'R2', { createdAt: '2026-10-30T17:00:00.000Z' }),
    ],
    updates: [],
    people,
    previous: null,
    month: '2026-10',
    now: novemberRun,
    config,
  });
