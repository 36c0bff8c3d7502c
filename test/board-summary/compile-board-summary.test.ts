import { describe, expect, it } from 'vitest';
import { compileBoardSummary, type CompileInput } from '../../functions/core/board-summary/compile-board-summary.js';
import { overdueFirst } from '../../functions/core/board-summary/figures.js';
import { endOfMonth, startOfMonth } from '../../functions/core/board-summary/month.js';
import { Movement, type Snapshot } from '../../functions/core/board-summary/snapshot.js';
import { buildUpdate } from '../../functions/core/owner/submit-owner-update.js';
import { applyUpdate } from '../../functions/core/rules/apply-update.js';
import type { Action } from '../../functions/core/model/action.js';
import type { Update } from '../../functions/core/model/update.js';
import { makePerson, makeUpdate } from '../support/make-action.js';
import { action, change, config, octoberHistory, progress, timescale } from './history-fixtures.js';

const now = new Date('2026-11-02T07:30:00.000Z');
const people = [
  makePerson({ id: 'p-okafor', name: 'Supt Okafor' }),
  makePerson({ id: 'p-bell', name: 'C/Supt Bell', email: 'bell@example.police.uk' }),
  // The owners of the stale-owner tests: each a person of their own only while the directory holds them.
  ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((x) => makePerson({ id: `p-${x}`, name: `Insp ${x.toUpperCase()}`, email: `${x}@example.police.uk` })),
];

function compile(month: string, input: Pick<CompileInput, 'actions' | 'updates'>, previous: Snapshot | null = null): Snapshot {
  return compileBoardSummary({ ...input, people, previous, month, now, config });
}

const refs = (list: { ref: string }[]) => list.map((item) => item.ref);

/** What moved in October 2026 for these actions and their history, September compiled first. */
const movedInOctober = (actions: Action[], updates: Update[]) => compile('2026-10', { actions, updates }, compile('2026-09', { actions, updates })).summary.movement;

describe('compileBoardSummary: movement since last month', () => {
  const history = octoberHistory();
  const september = compile('2026-09', history);
  const october = compile('2026-10', history, september);
  const { movement, figures } = october.summary;

  it('lists new actions', () => expect(refs(movement.newActions)).toEqual(['N1']));
  it('lists closed actions and counts them as closed this month', () => {
    expect(refs(movement.closed)).toEqual(['C1']);
    expect(figures.closedThisMonth).toBe(1);
  });
  it('lists re-timed actions with how many months they moved', () => {
    expect(movement.retimed).toEqual([{ id: 'a-retimed', ref: 'T1', area: 'Effectiveness', from: '2026-12', to: '2027-03' }]);
  });
  it('lists an action reopened, not accepted or superseded in the month, so that the counts by status reconcile', () => {
    const reopened = action('a-reopened', 'A1', { version: 2 });
    const superseded = action('a-superseded', 'X1', { status: 'superseded', version: 2 });
    const refused = action('a-refused', 'Y1', { status: 'not-accepted', version: 2 });
    const updates = [
      change(reopened, 1, '2026-09-10T09:00:00.000Z', 'status', 'open', 'closed'),
      change(reopened, 2, '2026-10-03T09:00:00.000Z', 'status', 'closed', 'open'),
      change(superseded, 2, '2026-10-12T09:00:00.000Z', 'status', 'open', 'superseded'),
      change(refused, 2, '2026-10-13T09:00:00.000Z', 'status', 'open', 'not-accepted'),
    ];
    const moved = movedInOctober([reopened, superseded, refused], updates);
    expect(moved.reopened).toEqual([{ id: 'a-reopened', ref: 'A1', area: 'Effectiveness', from: 'closed', to: 'open' }]);
    expect(moved.setAside).toEqual([
      { id: 'a-superseded', ref: 'X1', area: 'Effectiveness', to: 'superseded' },
      { id: 'a-refused', ref: 'Y1', area: 'Effectiveness', to: 'not-accepted' },
    ]);
    expect(moved.closed).toEqual([]);
  });

  it("lists an action its owners proposed for closure in the month, the month's progress before any sign-off, once", () => {
    const proposed = action('a-proposed', 'P1', { status: 'proposed-closure', version: 2 });
    const earlier = action('a-earlier', 'P2', { status: 'proposed-closure', version: 2 });
    const signed = action('a-signed', 'P3', { status: 'closed', version: 3 });
    const updates = [
      change(proposed, 2, '2026-10-12T09:00:00.000Z', 'status', 'open', 'proposed-closure'),
      change(earlier, 2, '2026-09-12T09:00:00.000Z', 'status', 'open', 'proposed-closure'),
      change(signed, 2, '2026-10-05T09:00:00.000Z', 'status', 'open', 'proposed-closure'),
      change(signed, 3, '2026-10-20T09:00:00.000Z', 'status', 'proposed-closure', 'closed'),
    ];
    const moved = movedInOctober([proposed, earlier, signed], updates);
    // P2 was proposed in September and still waits; P3, proposed and signed off within October, is closed.
    expect(moved.proposedClosure).toEqual([{ id: 'a-proposed', ref: 'P1', area: 'Effectiveness' }]);
    expect(refs(moved.closed)).toEqual(['P3']);
  });

  it('reads a summary kept while reopened listed only closed to open, and one kept before it listed anything', () => {
    const { movement } = compile('2026-10', octoberHistory()).summary;
    const { reopened: _, setAside: __, proposedClosure: ___, ...before } = movement;
    expect(Movement.parse(before)).toMatchObject({ reopened: [], setAside: [], proposedClosure: [] });
    const kept = Movement.parse({ ...movement, reopened: [{ id: 'a-1', ref: 'A1', area: 'Effectiveness' }] });
    expect(kept.reopened).toEqual([{ id: 'a-1', ref: 'A1', area: 'Effectiveness', from: 'closed', to: 'open' }]);
  });

  it('takes closed then superseded as set aside, not reopened, and a superseded action opened again as reopened', () => {
    const retired = action('a-retired', 'B1', { status: 'superseded', version: 2 });
    const revived = action('a-revived', 'B2', { version: 2 });
    const updates = [
      change(retired, 1, '2026-09-10T09:00:00.000Z', 'status', 'open', 'closed'),
      change(retired, 2, '2026-10-05T09:00:00.000Z', 'status', 'closed', 'superseded'),
      change(revived, 1, '2026-09-10T09:00:00.000Z', 'status', 'open', 'superseded'),
      change(revived, 2, '2026-10-06T09:00:00.000Z', 'status', 'superseded', 'open'),
    ];
    const moved = movedInOctober([retired, revived], updates);
    expect(moved.setAside).toEqual([{ id: 'a-retired', ref: 'B1', area: 'Effectiveness', to: 'superseded' }]);
    expect(moved.reopened).toEqual([{ id: 'a-revived', ref: 'B2', area: 'Effectiveness', from: 'superseded', to: 'open' }]);
  });

  it('lists confidence drops', () => {
    expect(movement.confidenceDropped).toEqual([{ id: 'a-dropped', ref: 'D1', area: 'Effectiveness', from: 'high', to: 'low' }]);
  });
  it('lists actions that became stale', () => expect(refs(movement.becameStale)).toEqual(['G1']));
  it("lists actions that became overdue: a target of the summary's own month has run out at its end", () => {
    expect(september.plan.find((row) => row.ref === 'O1')?.overdue).toBe(false);
    expect(refs(movement.becameOverdue)).toEqual(['O1']);
  });
  it("counts as overdue in the summary an open action due in the summary's own month, whether by its month or its last day, but not one due next month", () => {
    const due = [action('a-month', 'M1', { timescale: timescale('2026-10') }), action('a-day', 'M2', { timescale: timescale('2026-10-31') }), action('a-next', 'M3', { timescale: timescale('2026-11') })];
    const summary = compile('2026-10', { actions: due, updates: [] });
    expect(overdueFirst(summary.plan).map((row) => row.ref)).toEqual(['M1', 'M2']);
    expect(summary.summary.figures.overdue).toBe(2);
    // The same month so far (compiled during it) judges them by the day it is.
    const soFar = compileBoardSummary({ actions: due, updates: [], people, previous: null, month: '2026-10', now: new Date('2026-10-31T12:00:00.000Z'), config });
    expect(soFar.summary.figures.overdue).toBe(0);
  });
  it('keeps the refs the email names: past their target, most overdue first, and awaiting sign-off', () => {
    expect(october.summary.needsBoard).toEqual({ overdue: ['O1'], awaitingSignOff: [] });
  });
  it('takes last month from the snapshot', () => {
    expect(movement.basis).toBe('previous-snapshot');
    expect(movement.planLoadedAt).toBeUndefined();
  });

  it('gives the headline figures as at month end', () => {
    expect(figures).toEqual({ total: 7, open: 6, proposedClosure: 0, closed: 1, notAcceptedOrSuperseded: 0, closedThisMonth: 1, stale: 1, overdue: 1, noTimescale: 3, noConfidence: 4 });
    expect(october.summary.asAt).toBe(endOfMonth('2026-10', 'Europe/London').toISOString());
  });

  it('keeps the plan as it stood in September in the September snapshot', () => {
    const row = (ref: string) => september.plan.find((r) => r.ref === ref);
    expect(row('N1')).toBeUndefined();
    expect(row('C1')?.status).toBe('open');
    expect(row('T1')?.timescale.target).toBe('2026-12');
    expect(row('D1')?.confidence).toBe('high');
    expect(row('S1')?.lastUpdatedAt).toBe('2026-09-25T09:00:00.000Z');
  });

  it('counts open actions by area and confidence, and names the owners with most stale actions', () => {
    expect(october.summary.confidenceByArea).toEqual([{ area: 'Effectiveness', counts: { high: 1, medium: 0, low: 1, 'not-set': 4 }, total: 6 }]);
    expect(october.summary.staleOwners).toEqual([{ id: 'p-okafor', name: 'Supt Okafor', count: 1, refs: ['G1'] }]);
  });
});

describe('compileBoardSummary: the owners with the most stale actions', () => {
  /** One stale action each for the owners given, repeated as often as they appear. */
  const staleFor = (...owners: string[]) => ({
    actions: owners.map((owner, i) => action(`a-${i}`, `S${i}`, { ownerIds: [owner], lastUpdatedAt: '2026-08-01T09:00:00.000Z' })),
    updates: [],
  });

  it('lists five and counts the owners left off, so a tie at the cut is not dropped unseen', () => {
    const { summary } = compile('2026-10', staleFor('p-a', 'p-a', 'p-a', 'p-b', 'p-b', 'p-c', 'p-d', 'p-e', 'p-f', 'p-g'));
    expect(summary.staleOwners.map((o) => `${o.id} ${o.count}`)).toEqual(['p-a 3', 'p-b 2', 'p-c 1', 'p-d 1', 'p-e 1']);
    expect(summary.otherStaleOwners).toEqual({ owners: 2, fewest: 1, most: 1 });
  });

  it('gives the fewest and most stale actions of those left off', () => {
    const five = ['p-a', 'p-b', 'p-c', 'p-d', 'p-e'].flatMap((o) => [o, o, o]);
    expect(compile('2026-10', staleFor(...five, 'p-f', 'p-f', 'p-g')).summary.otherStaleOwners).toEqual({ owners: 2, fewest: 1, most: 2 });
  });

  it('names an owner neither by id (made from an address) nor by a whole cell of notes', () => {
    const cell = 'Head of PVP with Children’s Services re SCR learning, and the partnership board review';
    const { summary } = compile('2026-10', {
      actions: [
        action('a-gone', 'S1', { ownerIds: ['gone.at.example.police.uk'], lastUpdatedAt: '2026-08-01T09:00:00.000Z' }),
        action('a-cell', 'S2', { ownerIds: [], unmatchedNames: [cell], lastUpdatedAt: '2026-08-01T09:00:00.000Z' }),
      ],
      updates: [],
    });
    const names = summary.staleOwners.map((o) => o.name);
    expect(names).toContain('Someone no longer in the people directory');
    expect(names.join(' ')).not.toContain('gone.at.example');
    expect(names).toContain('Head of PVP with Children’s Services re SCR learning, and t…');
  });

  it('counts the owners the directory no longer holds as one, each of their actions once, whoever else there is', () => {
    const quiet = { lastUpdatedAt: '2026-08-01T09:00:00.000Z' };
    const { summary } = compile('2026-10', {
      actions: [
        action('a-1', 'S1', { ...quiet, ownerIds: ['gone.one', 'p-a'] }),
        action('a-2', 'S2', { ...quiet, ownerIds: ['gone.two', 'gone.one'] }),
        action('a-3', 'S3', { ...quiet, ownerIds: ['gone.three'] }),
      ],
      updates: [],
    });
    expect(summary.staleOwners).toEqual([
      { id: null, name: 'Someone no longer in the people directory', count: 3, refs: ['S1', 'S2', 'S3'] },
      { id: 'p-a', name: 'Insp A', count: 1, refs: ['S1'] },
    ]);
  });

  it('counts nobody left off when five or fewer own stale actions', () => {
    const { summary } = compile('2026-10', staleFor('p-a', 'p-b', 'p-c', 'p-d', 'p-e'));
    expect(summary.staleOwners).toHaveLength(5);
    expect(summary).not.toHaveProperty('otherStaleOwners');
  });
});

describe('compileBoardSummary: the first summary, with no previous snapshot', () => {
  it('replays the history to last month end and finds the same movement', () => {
    const history = octoberHistory();
    const withSnapshot = compile('2026-10', history, compile('2026-09', history));
    const first = compile('2026-10', history, null);
    expect(first.summary.movement.basis).toBe('history');
    expect({ ...first.summary.movement, basis: 'x' }).toEqual({ ...withSnapshot.summary.movement, basis: 'x' });
    expect(first.plan).toEqual(withSnapshot.plan);
  });

  describe('in the month the plan was loaded', () => {
    // Loaded on 30 October from a sheet whose R1 was overdue, R2 closed and R3 never updated.
    const loaded = (at: string) => ({ createdAt: at, lastUpdatedAt: null });
    const imported = [
      action('a-1', 'R1', { ...loaded('2026-10-30T17:00:00.000Z'), timescale: timescale('2026-09') }),
      action('a-2', 'R2', { ...loaded('2026-10-30T17:00:00.000Z'), status: 'closed' }),
      action('a-3', 'R3', loaded('2026-10-30T17:05:00.000Z')),
    ];
    const quiet = { basis: 'history', newActions: [], proposedClosure: [], closed: [], reopened: [], setAside: [], retimed: [], confidenceDropped: [], becameStale: [], becameOverdue: [] };

    it('compares with nothing, rather than calling every action new, and says when it was loaded', () => {
      const { movement, figures } = compile('2026-10', { actions: imported, updates: [] }).summary;
      expect(movement).toEqual({ ...quiet, planLoadedAt: '2026-10-30T17:00:00.000Z' });
      // What stands now is still counted: it was never in question.
      expect(figures).toMatchObject({ total: 3, open: 2, closed: 1, closedThisMonth: 0, overdue: 1, stale: 2 });
    });

    it('compares with nothing when last month was kept before the plan was loaded', () => {
      const september = compile('2026-09', { actions: imported, updates: [] });
      expect(september.plan).toEqual([]);
      const { movement } = compile('2026-10', { actions: imported, updates: [] }, september).summary;
      expect(movement).toEqual({ ...quiet, basis: 'previous-snapshot', planLoadedAt: '2026-10-30T17:00:00.000Z' });
    });

    it('compares as ever the month after', () => {
      const later = { actions: [...imported, action('a-4', 'R4', { createdAt: '2026-11-01T10:00:00.000Z' })], updates: [] };
      const { movement } = compile('2026-11', later, compile('2026-10', later)).summary;
      expect(movement).toEqual({ ...quiet, basis: 'previous-snapshot', newActions: [{ id: 'a-4', ref: 'R4', area: 'Effectiveness' }] });
    });
  });

  it('refuses a previous snapshot that is not from the month before', () => {
    const history = octoberHistory();
    expect(() => compile('2026-10', history, compile('2026-08', history))).toThrow(/previous snapshot is for 2026-08/);
  });
});

describe('compileBoardSummary: month boundaries in Europe/London', () => {
  it('starts and ends months at local midnight, in summer and winter time', () => {
    expect(startOfMonth('2026-10', 'Europe/London').toISOString()).toBe('2026-09-30T23:00:00.000Z');
    expect(endOfMonth('2026-10', 'Europe/London').toISOString()).toBe('2026-10-31T23:59:59.999Z');
    expect(startOfMonth('2026-04', 'Europe/London').toISOString()).toBe('2026-03-31T23:00:00.000Z');
  });

  it('puts an update at 23:30 on 31 October local time in October', () => {
    const current = action('a-late', 'L1', { confidence: 'low', version: 2, lastUpdatedAt: '2026-10-31T23:30:00.000Z' });
    const late = change(current, 2, '2026-10-31T23:30:00.000Z', 'confidence', 'high', 'low');
    const october = compile('2026-10', { actions: [current], updates: [late] });
    expect(october.plan[0]?.confidence).toBe('low');
    expect(october.plan[0]?.lastUpdatedAt).toBe('2026-10-31T23:30:00.000Z');
    expect(october.summary.movement.confidenceDropped.map((d) => d.ref)).toEqual(['L1']);
  });

  it('puts an update at 00:30 on 1 October BST (23:30 UTC on 30 September) in October, not September', () => {
    const current = action('a-early', 'E1', { status: 'closed', version: 3, lastUpdatedAt: '2026-09-30T23:30:00.000Z' });
    const early = change(current, 3, '2026-09-30T23:30:00.000Z', 'status', 'open', 'closed');
    const history = { actions: [current], updates: [progress(current, 2, '2026-09-25T09:00:00.000Z'), early] };
    const september = compile('2026-09', history);
    expect(september.plan[0]?.status).toBe('open');
    expect(september.plan[0]?.lastUpdatedAt).toBe('2026-09-25T09:00:00.000Z');
    expect(compile('2026-10', history, september).summary.movement.closed.map((c) => c.ref)).toEqual(['E1']);
  });

  it('undoes updates made after the month end, such as on the morning of the run', () => {
    const current = action('a-after', 'X1', { confidence: 'low', version: 2, lastUpdatedAt: '2026-11-01T08:00:00.000Z' });
    const after = change(current, 2, '2026-11-01T08:00:00.000Z', 'confidence', 'medium', 'low');
    const history = { actions: [current], updates: [after] };
    const september = compile('2026-09', { actions: [action('a-after', 'X1', { confidence: 'medium' })], updates: [] });
    const october = compile('2026-10', history, september);
    expect(october.plan[0]).toMatchObject({ confidence: 'medium', lastUpdatedAt: '2026-09-25T09:00:00.000Z' });
    expect(october.summary.movement.confidenceDropped).toEqual([]);
  });

  it('undoes an admin edit of the recommendation text made after the month end, as for any patched field', () => {
    const current = action('a-edit', 'T1', { text: 'The force should, as reworded in November.', version: 2 });
    const edit = change(current, 2, '2026-11-02T10:00:00.000Z', 'text', 'The force should, as written in October.', current.text, false);
    const october = compile('2026-10', { actions: [current], updates: [edit] });
    expect(october.plan[0]?.text).toBe('The force should, as written in October.');
  });

  it('undoes an import made after the month end, with the Last Updated it brought from the sheet', () => {
    // Imported on 3 November from a sheet whose Last Updated says October: on 31 October nobody had said so.
    const current = action('a-import', 'I1', { plan: 'Plan as re-imported.', version: 2, lastUpdatedAt: '2026-10-01T00:00:00.000Z' });
    const imported = makeUpdate({
      actionId: current.id, version: 2, at: '2026-11-03T10:00:00.000Z', via: 'import', countsAsProgress: false,
      patch: { plan: current.plan, lastUpdatedAt: current.lastUpdatedAt },
      changes: [{ field: 'plan', from: 'Plan as first imported.', to: current.plan }, { field: 'lastUpdatedAt', from: '2026-08-01T00:00:00.000Z', to: current.lastUpdatedAt }],
    });
    const october = compile('2026-10', { actions: [current], updates: [imported] });
    expect(october.plan[0]).toMatchObject({ plan: 'Plan as first imported.', lastUpdatedAt: '2026-08-01T00:00:00.000Z', stale: true });
  });

  it('winds a progress update after the month end back to the last-updated time it replaced, with no snapshot to go on', () => {
    // Imported with the sheet's Last Updated of 20 October; the owner's first update came on 1 November.
    const imported = action('a-after', 'X1', { version: 1, lastUpdatedAt: '2026-10-20T00:00:00.000Z' });
    const input = { version: 1, progress: 'Audit done.', confidence: 'high', confidenceNarrative: null, target: imported.timescale.target, timescaleReason: null, complete: false } as const;
    const update = buildUpdate(imported, people[0]!, input, new Date('2026-11-01T08:00:00.000Z'));
    const current = applyUpdate(imported, update);
    const october = compile('2026-10', { actions: [current], updates: [update] });
    expect(october.plan[0]).toMatchObject({ lastUpdatedAt: '2026-10-20T00:00:00.000Z', stale: false });
    expect(compile('2026-11', { actions: [current], updates: [update] }).plan[0]?.lastUpdatedAt).toBe('2026-11-01T08:00:00.000Z');
  });

  it('counts a closure returned in October as not stale at the month end, though its last update is older', () => {
    const proposed = action('a-returned', 'R1', { status: 'proposed-closure', version: 1, lastUpdatedAt: '2026-08-01T09:00:00.000Z' });
    const returned = change(proposed, 2, '2026-10-20T09:00:00.000Z', 'status', 'proposed-closure', 'open', false);
    const october = compile('2026-10', { actions: [applyUpdate(proposed, returned)], updates: [returned] });
    expect(october.plan[0]).toMatchObject({ status: 'open', lastUpdatedAt: '2026-08-01T09:00:00.000Z', stale: false });
  });

  it('winds a reopening after the month end back to the one before it', () => {
    // Reopened on 1 September and quiet since; proposed and returned in November.
    const closed = action('a-reopened', 'R2', { status: 'closed', lastUpdatedAt: '2026-05-01T09:00:00.000Z' });
    const updates = [
      change(closed, 2, '2026-09-01T09:00:00.000Z', 'status', 'closed', 'open', false),
      change(closed, 3, '2026-11-02T09:00:00.000Z', 'status', 'open', 'proposed-closure', false),
      change(closed, 4, '2026-11-03T09:00:00.000Z', 'status', 'proposed-closure', 'open', false),
    ];
    const current = updates.reduce(applyUpdate, closed);
    expect(current).toMatchObject({ status: 'open', reopenedAt: '2026-11-03T09:00:00.000Z' });
    expect(compile('2026-10', { actions: [current], updates }).plan[0]).toMatchObject({ status: 'open', lastUpdatedAt: '2026-05-01T09:00:00.000Z', stale: true });
  });

  it('takes an action as never updated when an older history entry did not record the time it replaced and no snapshot has it', () => {
    // Entries saved before progress updates noted the lastUpdatedAt they replaced.
    const current = action('a-after', 'X1', { version: 2, lastUpdatedAt: '2026-11-01T08:00:00.000Z' });
    const october = compile('2026-10', { actions: [current], updates: [progress(current, 2, '2026-11-01T08:00:00.000Z')] });
    expect(october.plan[0]).toMatchObject({ lastUpdatedAt: null, stale: true });
  });

  it('describes a month not over yet as it stands now', () => {
    const summary = compile('2026-11', octoberHistory()).summary;
    expect(summary.asAt).toBe(now.toISOString());
  });
});

describe('overdueFirst: the order the dashboard and the month’s page list what is past its target', () => {
  it('puts the earliest due first, a month target falling due at its end, then plan order', () => {
    const { plan } = compileBoardSummary({
      actions: [
        action('m', 'R3', { timescale: timescale('2026-09') }),
        action('d', 'R9', { timescale: timescale('2026-09-15') }),
        action('e', 'R1', { timescale: timescale('2026-09-30') }),
        action('o', 'R2', { timescale: timescale('2026-08') }),
        action('later', 'R4', { timescale: timescale('2027-03') }),
      ],
      updates: [],
      people: [],
      previous: null,
      month: '2026-10',
      now: new Date('2026-11-02T07:30:00.000Z'),
      config,
    });
    expect(overdueFirst(plan).map((row) => row.ref)).toEqual(['R2', 'R9', 'R1', 'R3']);
  });
});
