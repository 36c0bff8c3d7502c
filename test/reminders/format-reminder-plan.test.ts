import { describe, expect, it } from 'vitest';
import { formatReminderPlan } from '../../functions/core/reminders/format-reminder-plan.js';
import { skipWords } from '../../functions/core/reminders/skip-words.js';
import { makePerson } from '../support/make-action.js';
import { coOwner, daysBefore, owner, plan, sentReminder, sro, staleAction, tuesday } from './policy-fixture.js';

const days = { staleAfterDays: 28, remindEveryDays: 7 };

describe('formatReminderPlan (the dry run)', () => {
  it('says who would get what, refs and ages only, starting with the line the CLI test reads', () => {
    const actions = [
      staleAction({ id: 'a-1', ref: '1.01', text: 'SECRET TEXT ONE', lastUpdatedAt: daysBefore(tuesday, 61) }),
      staleAction({ id: 'a-2', ref: '1.02', ownerIds: ['co-owner'], text: 'SECRET TEXT TWO', lastUpdatedAt: null, createdAt: daysBefore(tuesday, 30) }),
    ];
    const bounced = makePerson({ ...coOwner, mailStatus: 'bounced' });
    const p = plan({ actions, people: [owner, bounced, sro], history: [14, 7].map((d) => sentReminder('owner', tuesday, d, ['a-1'])) });
    const text = formatReminderPlan(p, days);
    expect(text.split('\n')).toEqual([
      '2 stale actions for 2 people (not updated in 28 days):',
      'ACC Casey Shaw <casey@testshire.example>: escalation: 1 owned by Ch Insp Blake Reid (bounced): 1.02 (never updated, added 30 days ago); 1 owned by Supt Alex Morgan (ignored 2 reminders): 1.01 (last updated 61 days ago)',
      'Supt Alex Morgan <alex@testshire.example>: reminder, 1 stale: 1.01 (last updated 61 days ago)',
      'Ch Insp Blake Reid <blake@testshire.example>: not emailed: their address bounces; their SRO is told, if the action has one who can be emailed: 1.02',
    ]);
    expect(text).not.toContain('SECRET');
  });

  it("tells an admin who looks after a failed send that today's digest did not go, not that it was sent", () => {
    const action = staleAction({ id: 'a-1', ref: '1.01', lastUpdatedAt: daysBefore(tuesday, 40) });
    const p = plan({ actions: [action], people: [owner, sro], history: [sentReminder('owner', tuesday, 0, ['a-1'], { state: 'failed' })] });
    expect(formatReminderPlan(p, days).split('\n')[1]).toBe(
      "Supt Alex Morgan <alex@testshire.example>: not today: today's digest did not reach them (it failed, or bounced); the next working day tries again: 1.01",
    );
  });

  it('lists the closures waiting for their SRO, even when nothing is stale', () => {
    const closure = staleAction({ id: 'c-1', ref: '3.01', status: 'proposed-closure', text: 'SECRET CLOSURE', lastUpdatedAt: daysBefore(tuesday, 35) });
    expect(formatReminderPlan(plan({ actions: [], closures: [closure] }), days).split('\n')).toEqual([
      '0 stale actions for 0 people (not updated in 28 days):',
      "1 proposed closure waiting as long for their SRO's sign-off.",
      'ACC Casey Shaw <casey@testshire.example>: escalation: 1 closure awaiting sign-off: 3.01 (waiting 35 days for sign-off)',
    ]);
  });

  it('agrees its counts with their nouns: one action, one person, one day, one reminder', () => {
    const actions = [staleAction({ id: 'a-1', ref: '1.01', lastUpdatedAt: daysBefore(tuesday, 3) })];
    const p = plan({ actions, people: [owner, sro], history: [sentReminder('owner', tuesday, 2, ['a-1'])], config: { staleAfterDays: 1, remindEveryDays: 1, escalateAfterReminders: 1 } });
    const text = formatReminderPlan(p, { staleAfterDays: 1, remindEveryDays: 1 });
    expect(text.split('\n')[0]).toBe('1 stale action for 1 person (not updated in 1 day):');
    expect(text).toContain('(ignored 1 reminder)');
    expect(formatReminderPlan(plan({ actions: [] }), { staleAfterDays: 1, remindEveryDays: 1 })).toBe('No stale actions: every open action was updated in the last 1 day.');
  });

  it('lists the escalations of an action with no SRO under "Actions with no SRO"', () => {
    const action = staleAction({ id: 'a-1', ref: '1.01', sroId: null, lastUpdatedAt: daysBefore(tuesday, 61) });
    const p = plan({ actions: [action], people: [owner], history: [14, 7].map((d) => sentReminder('owner', tuesday, d, ['a-1'])) });
    expect(formatReminderPlan(p, days).split('\n')).toContain('Actions with no SRO: escalation nobody to escalate to: the action has no SRO who can be emailed: 1.01');
  });

  it('says an age past a year in years, as a row imported from an old sheet has it', () => {
    const ages = [364, 366, 731, 3501];
    const actions = ages.map((age, i) => staleAction({ id: `a-${i}`, ref: `1.0${i}`, lastUpdatedAt: daysBefore(tuesday, age) }));
    const reminder = formatReminderPlan(plan({ actions, people: [owner, sro] }), days).split('\n')[1];
    expect(reminder).toBe('Supt Alex Morgan <alex@testshire.example>: reminder, 4 stale: 1.03 (last updated over 9 years ago), 1.02 (last updated over 2 years ago), 1.01 (last updated over a year ago), 1.00 (last updated 364 days ago)');
  });

  it('says when nothing is stale', () => {
    expect(formatReminderPlan(plan({ actions: [] }), days)).toBe('No stale actions: every open action was updated in the last 28 days.');
  });

  it('says "1 day has passed" for a daily reminder interval, as the config allows', () => {
    expect(skipWords(1)['recently-reminded']).toBe('already reminded in the last 1 day, today included; reminded again once 1 day has passed');
    expect(skipWords(7)['recently-reminded']).toBe('already reminded in the last 7 days, today included; reminded again once 7 days have passed');
  });
});
