import type { Action } from '../../functions/core/model/action.js';
import { describe, expect, it } from 'vitest';
import type { ReminderPlan } from '../../functions/core/reminders/reminder-plan.js';
import { makePerson } from '../support/make-action.js';
import { coOwner, daysBefore, owner, plan, sentReminder, sro, staleAction, tuesday } from './policy-fixture.js';

const remindedIds = (p: ReminderPlan) => p.reminders.map((d) => d.person.id);
const escalatedTo = (p: ReminderPlan) => p.escalations.map((d) => d.person.id);
const skipsOf = (p: ReminderPlan) => p.skipped.map((s) => ({ reason: s.reason, personId: s.personId, kind: s.kind }));

describe('planReminders: who is reminded', () => {
  it('reminds an owner once the action is past staleAfterDays, not on the day it reaches it', () => {
    expect(plan({ actions: [staleAction({ lastUpdatedAt: daysBefore(tuesday, 28) })] }).reminders).toEqual([]);
    const p = plan({ actions: [staleAction({ lastUpdatedAt: daysBefore(tuesday, 29) })] });
    expect(remindedIds(p)).toEqual(['owner']);
    expect(p.reminders[0]!.lines).toEqual([{ actionId: 'a-1', ref: '1.01', ageDays: 29, neverUpdated: false }]);
    expect(p).toMatchObject({ period: '2026-11-24', workingDay: true, staleActions: 1, owners: 1 });
  });

  it('follows the configured threshold', () => {
    const action = staleAction({ lastUpdatedAt: daysBefore(tuesday, 15) });
    expect(plan({ actions: [action] }).reminders).toEqual([]);
    expect(remindedIds(plan({ actions: [action], config: { staleAfterDays: 14 } }))).toEqual(['owner']);
  });

  it('counts a never-updated action, aged from its creation', () => {
    const p = plan({ actions: [staleAction({ lastUpdatedAt: null, createdAt: daysBefore(tuesday, 61) })] });
    expect(p.reminders[0]!.lines[0]).toMatchObject({ ageDays: 61, neverUpdated: true });
  });

  it('sends one digest per person with every stale action they lead or co-own, oldest first', () => {
    const p = plan({
      actions: [
        staleAction({ id: 'a-1', ref: '1.01', ownerIds: ['owner'], lastUpdatedAt: daysBefore(tuesday, 30) }),
        staleAction({ id: 'a-2', ref: '1.02', ownerIds: ['co-owner', 'owner'], lastUpdatedAt: daysBefore(tuesday, 90) }),
        staleAction({ id: 'a-3', ref: '1.03', ownerIds: ['co-owner'], lastUpdatedAt: daysBefore(tuesday, 45) }),
      ],
    });
    // Sorted by name: Ch Insp Blake Reid, then Supt Alex Morgan.
    expect(p.reminders.map((d) => [d.person.id, d.lines.map((l) => l.ref)])).toEqual([
      ['co-owner', ['1.02', '1.03']],
      ['owner', ['1.02', '1.01']],
    ]);
    expect(p.owners).toBe(2);
  });

  it('ignores actions that are not open even if handed in', () => {
    expect(plan({ actions: [staleAction({ status: 'proposed-closure' })] }).staleActions).toBe(0);
  });
});

describe('planReminders: cadence', () => {
  const action = staleAction();
  it('does not remind again within remindEveryDays', () => {
    const p = plan({ actions: [action], history: [sentReminder('owner', tuesday, 6, ['a-1'])] });
    expect(p.reminders).toEqual([]);
    expect(skipsOf(p)).toEqual([{ reason: 'recently-reminded', personId: 'owner', kind: 'reminder' }]);
  });

  it('reminds again after remindEveryDays, and follows the configured interval', () => {
    expect(remindedIds(plan({ actions: [action], history: [sentReminder('owner', tuesday, 7, ['a-1'])] }))).toEqual(['owner']);
    expect(plan({ actions: [action], history: [sentReminder('owner', tuesday, 7, ['a-1'])], config: { remindEveryDays: 14 } }).reminders).toEqual([]);
  });

  it('counts a reminder about other actions too: the cadence is per person', () => {
    const p = plan({ actions: [action], history: [sentReminder('owner', tuesday, 2, ['other'])] });
    expect(p.reminders).toEqual([]);
  });

  it("holds back while today's marker is claimed, failed or bounced, saying which, and never sends twice in a day", () => {
    const reasons = { claimed: 'claimed-today', failed: 'failed-today', bounced: 'failed-today', sent: 'recently-reminded' } as const;
    for (const [state, reason] of Object.entries(reasons) as [keyof typeof reasons, string][]) {
      const p = plan({ actions: [action], history: [sentReminder('owner', tuesday, 0, ['a-1'], { state })] });
      expect(p.reminders).toEqual([]);
      expect(p.skipped[0]!.reason, state).toBe(reason);
    }
  });

  it('retries the next working day after a failure, and recovers a digest a crashed run left claimed', () => {
    const failed = plan({ actions: [action], history: [sentReminder('owner', tuesday, 1, ['a-1'], { state: 'failed' })] });
    expect(failed.reminders.map((d) => [d.person.id, d.recovering])).toEqual([['owner', false]]);
    const crashed = plan({ actions: [action], history: [sentReminder('owner', tuesday, 1, ['a-1'], { state: 'claimed', completedAt: null })] });
    expect(crashed.reminders.map((d) => [d.person.id, d.recovering])).toEqual([['owner', true]]);
  });
});

describe('planReminders: escalation', () => {
  const action = staleAction({ lastUpdatedAt: daysBefore(tuesday, 61) });
  const twoIgnored = [sentReminder('owner', tuesday, 14, ['a-1']), sentReminder('owner', tuesday, 7, ['a-1'])];

  it('escalates to the SRO after escalateAfterReminders ignored reminders, with the owner still reminded', () => {
    const p = plan({ actions: [action], history: twoIgnored });
    expect(remindedIds(p)).toEqual(['owner']);
    expect(escalatedTo(p)).toEqual(['sro']);
    expect(p.escalations[0]!.groups).toEqual([
      { ownerId: 'owner', ownerName: 'Supt Alex Morgan', ownerCount: 1, flag: 'ignored', ignoredReminders: 2, lines: [{ actionId: 'a-1', ref: '1.01', ageDays: 61, neverUpdated: false }] },
    ]);
  });

  it('lists an action whose co-owners both went quiet once, under the pair, with its own actions apart', () => {
    const shared = staleAction({ id: 'a-2', ref: '1.02', ownerIds: ['owner', 'co-owner'], lastUpdatedAt: daysBefore(tuesday, 61) });
    const history = [
      ...[14, 7].map((days) => sentReminder('owner', tuesday, days, ['a-1', 'a-2'])),
      ...[14, 7].map((days) => sentReminder('co-owner', tuesday, days, ['a-2'])),
    ];
    // The same pair leads the other way round on 1.03: still one group.
    const reversed = staleAction({ id: 'a-3', ref: '1.03', ownerIds: ['co-owner', 'owner'], lastUpdatedAt: daysBefore(tuesday, 61) });
    const p = plan({ actions: [action, shared, reversed], history: history.map((r) => ({ ...r, actionIds: [...r.actionIds, 'a-3'] })) });
    expect(p.escalations[0]!.groups.map((g) => [g.ownerName, g.ownerCount, g.lines.map((l) => l.ref)])).toEqual([
      ['Ch Insp Blake Reid and Supt Alex Morgan', 2, ['1.02', '1.03']],
      ['Supt Alex Morgan', 1, ['1.01']],
    ]);
  });

  it('does not escalate before the threshold, nor before the owner had a full interval to answer', () => {
    expect(plan({ actions: [action], history: twoIgnored.slice(1) }).escalations).toEqual([]);
    expect(plan({ actions: [action], history: twoIgnored, config: { escalateAfterReminders: 3 } }).escalations).toEqual([]);
    const answeredLate = [sentReminder('owner', tuesday, 10, ['a-1']), sentReminder('owner', tuesday, 3, ['a-1'])];
    expect(plan({ actions: [action], history: answeredLate }).escalations).toEqual([]);
  });

  it('does not count reminders sent before the last update, nor failed or unconfirmed ones', () => {
    const updatedSince = staleAction({ lastUpdatedAt: daysBefore(tuesday, 30) });
    const old = [sentReminder('owner', tuesday, 60, ['a-1']), sentReminder('owner', tuesday, 45, ['a-1'])];
    expect(plan({ actions: [updatedSince], history: old }).escalations).toEqual([]);
    const unsent = [sentReminder('owner', tuesday, 14, ['a-1'], { state: 'failed' }), sentReminder('owner', tuesday, 7, ['a-1'], { state: 'claimed' })];
    expect(plan({ actions: [action], history: unsent }).escalations).toEqual([]);
  });

  it('gives a reopened action a fresh start: not stale at once, and reminders from before it closed not counted as ignored', () => {
    const ignoredThenClosed = [sentReminder('owner', tuesday, 90, ['a-1']), sentReminder('owner', tuesday, 83, ['a-1'])];
    const reopened = staleAction({ lastUpdatedAt: daysBefore(tuesday, 120), reopenedAt: daysBefore(tuesday, 3) });
    expect(plan({ actions: [reopened], history: ignoredThenClosed })).toMatchObject({ staleActions: 0, reminders: [], escalations: [] });
    // Past the threshold again: reminded, aged from the last real update, but not escalated for reminders before it closed.
    const quietSinceReopening = staleAction({ lastUpdatedAt: daysBefore(tuesday, 120), reopenedAt: daysBefore(tuesday, 30) });
    const p = plan({ actions: [quietSinceReopening], history: ignoredThenClosed });
    expect(p.reminders[0]!.lines).toEqual([{ actionId: 'a-1', ref: '1.01', ageDays: 120, neverUpdated: false }]);
    expect(p.escalations).toEqual([]);
  });

  it("groups an SRO's escalations by owner in one digest", () => {
    const actions = [
      action,
      staleAction({ id: 'a-2', ref: '1.02', lastUpdatedAt: daysBefore(tuesday, 70) }),
      staleAction({ id: 'a-3', ref: '2.01', ownerIds: ['co-owner'], lastUpdatedAt: daysBefore(tuesday, 80) }),
    ];
    const history = [
      ...[14, 7].map((d) => sentReminder('owner', tuesday, d, ['a-1', 'a-2'])),
      ...[14, 7].map((d) => sentReminder('co-owner', tuesday, d, ['a-3'])),
    ];
    const p = plan({ actions, history });
    expect(p.escalations).toHaveLength(1);
    expect(p.escalations[0]!.groups.map((g) => [g.ownerName, g.lines.map((l) => l.ref)])).toEqual([
      ['Ch Insp Blake Reid', ['2.01']],
      ['Supt Alex Morgan', ['1.02', '1.01']],
    ]);
  });

  it('escalates to an SRO at most once per remindEveryDays', () => {
    const recent = { ...sentReminder('sro', tuesday, 3, ['a-1']), kind: 'escalation' as const };
    const p = plan({ actions: [action], history: [...twoIgnored, recent] });
    expect(p.escalations).toEqual([]);
    expect(skipsOf(p)).toContainEqual({ reason: 'recently-reminded', personId: 'sro', kind: 'escalation' });
  });

  it('does not tell an SRO about their own actions, but lists one they left quiet as escalated to nobody', () => {
    const own = staleAction({ ownerIds: ['sro'], lastUpdatedAt: daysBefore(tuesday, 61) });
    const p = plan({ actions: [own], history: [14, 7].map((d) => sentReminder('sro', tuesday, d, ['a-1'])) });
    expect(remindedIds(p)).toEqual(['sro']);
    expect(p.escalations).toEqual([]);
    expect(skipsOf(p)).toEqual([{ reason: 'sro-ignores-own', personId: 'sro', kind: 'escalation' }]);
    // Co-owned with someone who ignored it too: it reaches the SRO under them, so not "escalated to nobody".
    const shared = staleAction({ ownerIds: ['owner', 'sro'], lastUpdatedAt: daysBefore(tuesday, 61) });
    const both = plan({ actions: [shared], history: ['owner', 'sro'].flatMap((id) => [14, 7].map((d) => sentReminder(id, tuesday, d, ['a-1']))) });
    expect(escalatedTo(both)).toEqual(['sro']);
    expect(skipsOf(both).filter((s) => s.reason === 'sro-ignores-own')).toEqual([]);
  });
});

describe("planReminders: closures awaiting the SRO's sign-off", () => {
  const closure = (overrides: Partial<Action> = {}) => staleAction({ id: 'c-1', ref: '3.01', status: 'proposed-closure', ...overrides });

  it('chases the SRO once a closure has waited past staleAfterDays, and never its owners', () => {
    expect(plan({ actions: [], closures: [closure({ lastUpdatedAt: daysBefore(tuesday, 28) })] }).escalations).toEqual([]);
    const p = plan({ actions: [], closures: [closure({ lastUpdatedAt: daysBefore(tuesday, 29) })] });
    expect(remindedIds(p)).toEqual([]);
    expect(escalatedTo(p)).toEqual(['sro']);
    expect(p.escalations[0]!.groups).toEqual([
      { ownerId: null, ownerName: '', ownerCount: 1, flag: 'awaiting-sign-off', ignoredReminders: 0, lines: [{ actionId: 'c-1', ref: '3.01', ageDays: 29, neverUpdated: false }] },
    ]);
    expect(p).toMatchObject({ staleActions: 0, waitingClosures: 1 });
  });

  it("puts an SRO's waiting closures first in the same digest as the owners they chase, oldest first", () => {
    const stale = staleAction({ lastUpdatedAt: daysBefore(tuesday, 61) });
    const history = [14, 7].map((d) => sentReminder('owner', tuesday, d, ['a-1']));
    const closures = [closure({ lastUpdatedAt: daysBefore(tuesday, 35) }), closure({ id: 'c-2', ref: '3.02', ownerIds: ['co-owner'], lastUpdatedAt: daysBefore(tuesday, 50) })];
    const p = plan({ actions: [stale], closures, history });
    expect(p.escalations).toHaveLength(1);
    expect(p.escalations[0]!.groups.map((g) => [g.flag, g.lines.map((l) => l.ref)])).toEqual([
      ['awaiting-sign-off', ['3.02', '3.01']],
      ['ignored', ['1.01']],
    ]);
  });

  it('follows the escalation cadence, and says why a closure is held back', () => {
    const recent = { ...sentReminder('sro', tuesday, 3, ['c-1']), kind: 'escalation' as const };
    const p = plan({ actions: [], closures: [closure()], history: [recent] });
    expect(p.escalations).toEqual([]);
    expect(p.skipped).toContainEqual(expect.objectContaining({ reason: 'recently-reminded', personId: 'sro', kind: 'escalation', refs: ['3.01'] }));
  });

  it('does not email an SRO about the closure of an action they own, and says it is for an admin to sign off', () => {
    const p = plan({ actions: [], closures: [closure({ ownerIds: ['owner', 'sro'] })] });
    expect(p.escalations).toEqual([]);
    expect(p.skipped).toEqual([expect.objectContaining({ reason: 'sro-owns-it', personId: 'sro', kind: 'escalation', refs: ['3.01'] })]);
  });

  it('skips, with a reason, a closure with no SRO who can be emailed', () => {
    const bounced = makePerson({ ...sro, mailStatus: 'bounced' });
    for (const p of [plan({ actions: [], closures: [closure({ sroId: null })] }), plan({ actions: [], closures: [closure()], people: [owner, bounced] })]) {
      expect(p.escalations).toEqual([]);
      expect(p.skipped).toContainEqual(expect.objectContaining({ reason: 'no-sro', kind: 'escalation', refs: ['3.01'] }));
    }
  });

  it('ignores what is not a proposed closure even if handed in as one', () => {
    expect(plan({ actions: [], closures: [closure({ status: 'open' }), closure({ status: 'closed' })] })).toMatchObject({ waitingClosures: 0, escalations: [] });
  });

  it('sends nothing on a day off, and lists the closure with the stale actions', () => {
    const p = plan({ actions: [staleAction()], closures: [closure()], now: new Date('2026-11-28T09:00:00Z') });
    expect(p.escalations).toEqual([]);
    expect(p.skipped).toEqual([expect.objectContaining({ reason: 'not-working-day', actionIds: ['a-1', 'c-1'] })]);
  });
});

describe('planReminders: owners who cannot be reached', () => {
  it.each([
    ['bounced', { mailStatus: 'bounced' as const }],
    ['complained', { mailStatus: 'complained' as const }],
  ])('does not email a %s owner: their actions go to the SRO at once, flagged, though a co-owner is reminded', (reason, overrides) => {
    const gone = makePerson({ ...owner, ...overrides });
    const p = plan({ actions: [staleAction({ ownerIds: ['owner', 'co-owner'] })], people: [gone, coOwner, sro] });
    expect(remindedIds(p)).toEqual(['co-owner']);
    expect(skipsOf(p)).toContainEqual({ reason, personId: 'owner', kind: 'reminder' });
    expect(p.escalations[0]!.groups).toEqual([expect.objectContaining({ ownerId: 'owner', flag: reason, lines: [expect.objectContaining({ ref: '1.01' })] })]);
  });

  it('does not email an owner who has left: their actions go to the SRO at once, flagged, unless a co-owner is reminded', () => {
    const gone = makePerson({ ...owner, active: false });
    const alone = plan({ actions: [staleAction({ ownerIds: ['owner'] })], people: [gone, coOwner, sro] });
    expect(alone.reminders).toEqual([]);
    expect(alone.escalations[0]!.groups).toEqual([expect.objectContaining({ ownerId: 'owner', flag: 'inactive', lines: [expect.objectContaining({ ref: '1.01' })] })]);
    const shared = plan({ actions: [staleAction({ ownerIds: ['owner', 'co-owner'] })], people: [gone, coOwner, sro] });
    expect(remindedIds(shared)).toEqual(['co-owner']);
    expect(skipsOf(shared)).toContainEqual({ reason: 'inactive', personId: 'owner', kind: 'reminder' });
    expect(shared.escalations).toEqual([]);
  });

  it('flags owners who matched nobody in the directory, and actions with no owner', () => {
    const p = plan({
      actions: [
        staleAction({ id: 'a-1', ref: '1.01', ownerIds: [], unmatchedNames: ['DCI Unknown'] }),
        staleAction({ id: 'a-2', ref: '1.02', ownerIds: ['left-the-directory'] }),
        staleAction({ id: 'a-3', ref: '1.03', ownerIds: [] }),
      ],
    });
    expect(p.reminders).toEqual([]);
    expect(p.escalations[0]!.groups.map((g) => [g.flag, g.ownerName])).toEqual([
      ['not-in-directory', 'DCI Unknown'],
      ['no-owner', 'No owner'],
      // Not the id, which is made from their address: the SRO's email never carries one.
      ['not-in-directory', 'someone no longer in the people directory'],
    ]);
    expect(p.skipped.filter((s) => s.reason === 'no-address')).toHaveLength(2);
  });

  it("names an unmatched owner to the SRO as a name's worth of the cell, on one line, never the whole cell", () => {
    const notes = 'DCI Unknown\n(on secondment to the ROCU until the misconduct hearing concludes; ask HR)';
    const exact = 'Detective Chief Superintendent Alexandra Montgomery-Whitfeld';
    const p = plan({ actions: [staleAction({ ownerIds: [], unmatchedNames: [notes, exact, 'Insp  J.\tBloggs'] })] });
    const names = p.escalations[0]!.groups.map((g) => g.ownerName);
    expect(names).toEqual(['DCI Unknown (on secondment to the ROCU until the misconduct…', exact, 'Insp J. Bloggs']);
    expect(exact).toHaveLength(60);
    expect([...names[0]!]).toHaveLength(60);
  });

  it('skips, with a reason, what has no reachable SRO', () => {
    const bounced = makePerson({ ...sro, mailStatus: 'bounced' });
    const noSro = plan({ actions: [staleAction({ sroId: null, ownerIds: [], unmatchedNames: ['X'] })] });
    const unreachableSro = plan({ actions: [staleAction({ ownerIds: [], unmatchedNames: ['X'] })], people: [owner, bounced] });
    for (const p of [noSro, unreachableSro]) {
      expect(p.escalations).toEqual([]);
      expect(p.skipped.map((s) => s.reason)).toContain('no-sro');
    }
  });
});

describe('planReminders: the calendar', () => {
  const action = staleAction({ lastUpdatedAt: '2026-01-01T09:00:00Z' });
  it.each([
    ['Saturday', '2026-11-28T09:00:00Z'],
    ['Sunday', '2026-11-29T09:00:00Z'],
    ['Christmas Day', '2026-12-25T09:00:00Z'],
    ['the Boxing Day substitute Monday', '2026-12-28T09:00:00Z'],
    ['Good Friday', '2026-04-03T08:00:00Z'],
  ])('sends nothing on %s', (_, at) => {
    const p = plan({ actions: [action], now: new Date(at) });
    expect(p).toMatchObject({ workingDay: false, reminders: [], escalations: [] });
    expect(p.skipped).toEqual([{ reason: 'not-working-day', personId: null, name: null, email: null, kind: null, actionIds: ['a-1'], refs: ['1.01'] }]);
  });

  it('reads the day in the force time zone: 00:30 BST on a Monday is Monday, though UTC says Sunday', () => {
    const p = plan({ actions: [action], now: new Date('2026-06-07T23:30:00Z') });
    expect(p).toMatchObject({ period: '2026-06-08', workingDay: true });
    expect(remindedIds(p)).toEqual(['owner']);
  });

  it('spring forward: a week after a 09:00 GMT reminder, 09:00 BST (6 days 23 hours later) is due', () => {
    const history = [sentReminder('owner', new Date('2026-03-26T09:00:00Z'), 0, ['a-1'])];
    expect(remindedIds(plan({ actions: [action], history, now: new Date('2026-04-02T08:00:00Z') }))).toEqual(['owner']);
    expect(plan({ actions: [action], history, now: new Date('2026-04-01T08:00:00Z') }).reminders).toEqual([]);
  });

  it('fall back: a week after a 09:00 BST reminder, 09:00 GMT (7 days 1 hour later) is due once, and a second run that day is not', () => {
    const history = [sentReminder('owner', new Date('2026-10-22T08:00:00Z'), 0, ['a-1'])];
    const first = plan({ actions: [action], history, now: new Date('2026-10-29T09:00:00Z') });
    expect(first).toMatchObject({ period: '2026-10-29' });
    expect(remindedIds(first)).toEqual(['owner']);
    expect(plan({ actions: [action], history, now: new Date('2026-10-28T09:00:00Z') }).reminders).toEqual([]);
    const today = sentReminder('owner', new Date('2026-10-29T09:00:00Z'), 0, ['a-1']);
    expect(plan({ actions: [action], history: [...history, today], now: new Date('2026-10-29T23:30:00Z') }).reminders).toEqual([]);
  });

  it('after a bank holiday weekend, the first working day catches up', () => {
    // Reminded on Friday 18 Dec; the next working days are 21-24 Dec, then 29 Dec.
    const history = [sentReminder('owner', new Date('2026-12-18T09:00:00Z'), 0, ['a-1'])];
    expect(plan({ actions: [action], history, now: new Date('2026-12-24T09:00:00Z') }).reminders).toEqual([]);
    expect(remindedIds(plan({ actions: [action], history, now: new Date('2026-12-29T09:00:00Z') }))).toEqual(['owner']);
  });
});
