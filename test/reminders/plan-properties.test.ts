import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReminderRecord } from '../../functions/core/model/reminder.js';
import { planReminders } from '../../functions/core/reminders/plan-reminders.js';
import { unreachableReason } from '../../functions/core/reminders/reminder-history.js';
import { makeAction, makePerson } from '../support/make-action.js';
import { config, daysBefore, tuesday } from './policy-fixture.js';

const ids = ['p0', 'p1', 'p2', 'p3', 'p4'];
const person = fc.record({ id: fc.constantFrom(...ids), active: fc.boolean(), mailStatus: fc.constantFrom('ok', 'ok', 'bounced', 'complained') as fc.Arbitrary<'ok' | 'bounced' | 'complained'> });
const action = fc.record({
  owners: fc.uniqueArray(fc.constantFrom(...ids, 'nobody'), { maxLength: 3 }),
  sro: fc.option(fc.constantFrom(...ids), { nil: null }),
  age: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  proposed: fc.boolean(),
});
const record = fc.record({ personId: fc.constantFrom(...ids), daysAgo: fc.integer({ min: 0, max: 40 }), kind: fc.constantFrom('reminder', 'escalation') as fc.Arbitrary<'reminder' | 'escalation'>, state: fc.constantFrom('claimed', 'sent', 'sent', 'failed') as fc.Arbitrary<ReminderRecord['state']> });

describe('planReminders: properties over random plans', () => {
  it('at most one digest of each kind per person, never to someone unreachable, and every stale action and waiting closure accounted for', () => {
    fc.assert(
      fc.property(fc.uniqueArray(person, { selector: (p) => p.id }), fc.array(action, { maxLength: 12 }), fc.array(record, { maxLength: 20 }), (people, specs, records) => {
        const directory = people.map((p) => makePerson({ id: p.id, name: `Name ${p.id}`, email: `${p.id}@t.example`, active: p.active, mailStatus: p.mailStatus }));
        const actions = specs.map((s, i) =>
          makeAction({ id: `a${i}`, ref: `R${i}`, ownerIds: s.owners, sroId: s.sro, lastUpdatedAt: s.age === null ? null : daysBefore(tuesday, s.age), status: s.proposed ? 'proposed-closure' : 'open' }),
        );
        const [closures, open] = [actions.filter((a) => a.status === 'proposed-closure'), actions.filter((a) => a.status === 'open')];
        const history = new Map<string, ReminderRecord[]>();
        const seen = new Set<string>();
        for (const r of records) {
          const claimedAt = daysBefore(tuesday, r.daysAgo);
          const key = `${r.personId}|${claimedAt.slice(0, 10)}|${r.kind}`;
          if (seen.has(key)) continue; // one record per person, period and kind, as the table's key enforces
          seen.add(key);
          const rec: ReminderRecord = { personId: r.personId, period: claimedAt.slice(0, 10), kind: r.kind, state: r.state, actionIds: actions.map((a) => a.id), claimedAt, completedAt: null, error: null };
          history.set(r.personId, [...(history.get(r.personId) ?? []), rec]);
        }
        const plan = planReminders({ now: tuesday, config, staleActions: open, waitingClosures: closures, people: directory, history });

        for (const digests of [plan.reminders, plan.escalations]) {
          const to = digests.map((d) => d.person.id);
          expect(new Set(to).size).toBe(to.length);
          for (const d of digests) expect(unreachableReason(d.person)).toBeNull();
        }
        const accounted = new Set([
          ...plan.reminders.flatMap((d) => d.lines.map((l) => l.actionId)),
          ...plan.escalations.flatMap((d) => d.groups.flatMap((g) => g.lines.map((l) => l.actionId))),
          ...plan.skipped.flatMap((s) => s.actionIds),
        ]);
        const quiet = (a: (typeof actions)[number]) => a.lastUpdatedAt === null || Date.parse(a.lastUpdatedAt) < tuesday.getTime() - config.staleAfterDays * 86_400_000;
        // A closure of the SRO's own action is left to an admin (the dashboard lists it), not emailed to them.
        const ownClosure = (a: (typeof actions)[number]) => a.status === 'proposed-closure' && a.sroId !== null && a.ownerIds.includes(a.sroId);
        for (const a of actions) if (quiet(a) && !ownClosure(a)) expect(accounted.has(a.id)).toBe(true);
        // A closure is the SRO's to sign off: never in an owner's reminder.
        const reminded = new Set(plan.reminders.flatMap((d) => d.lines.map((l) => l.actionId)));
        for (const a of closures) expect(reminded.has(a.id)).toBe(false);
        // Nobody reminded whose reminder was sent within the interval.
        for (const d of plan.reminders) {
          const recent = (history.get(d.person.id) ?? []).filter((r) => r.kind === 'reminder' && r.state === 'sent' && tuesday.getTime() - Date.parse(r.claimedAt) < config.remindEveryDays * 86_400_000);
          expect(recent).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
