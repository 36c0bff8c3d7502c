import { parseForceConfig, type ForceConfig } from '../../functions/core/config/force-config.js';
import type { Action } from '../../functions/core/model/action.js';
import type { Person } from '../../functions/core/model/person.js';
import type { ReminderRecord } from '../../functions/core/model/reminder.js';
import { planReminders } from '../../functions/core/reminders/plan-reminders.js';
import { makeAction, makePerson, makeReminder } from '../support/make-action.js';

export const config: ForceConfig = parseForceConfig(
  { id: 'test', name: 'Testshire Police', baseUrl: 'https://actions.testshire.example', sender: 'actions@testshire.example', admins: ['admin@testshire.example'] },
  'test',
);

/** Tuesday 24 November 2026, 09:00 in London (GMT). */
export const tuesday = new Date('2026-11-24T09:00:00Z');
const dayMs = 86_400_000;
export const daysBefore = (now: Date, days: number): string => new Date(now.getTime() - days * dayMs).toISOString();

export const owner = makePerson({ id: 'owner', name: 'Supt Alex Morgan', email: 'alex@testshire.example' });
export const coOwner = makePerson({ id: 'co-owner', name: 'Ch Insp Blake Reid', email: 'blake@testshire.example' });
export const sro = makePerson({ id: 'sro', name: 'ACC Casey Shaw', email: 'casey@testshire.example' });

export function staleAction(overrides: Partial<Action> = {}): Action {
  return makeAction({ id: 'a-1', ref: '1.01', sroId: 'sro', ownerIds: ['owner'], lastUpdatedAt: daysBefore(tuesday, 40), ...overrides });
}

/** A reminder `days` local days before `now`, claimed at 09:00 that day. */
export function sentReminder(personId: string, now: Date, days: number, actionIds: string[], overrides: Partial<ReminderRecord> = {}): ReminderRecord {
  const claimedAt = daysBefore(now, days);
  return makeReminder({ personId, period: claimedAt.slice(0, 10), kind: 'reminder', state: 'sent', actionIds, claimedAt, completedAt: claimedAt, ...overrides });
}

export function plan(options: {
  actions: Action[];
  closures?: Action[];
  people?: Person[];
  history?: ReminderRecord[];
  now?: Date;
  config?: Partial<ForceConfig>;
}) {
  const history = new Map<string, ReminderRecord[]>();
  for (const record of options.history ?? []) history.set(record.personId, [...(history.get(record.personId) ?? []), record]);
  return planReminders({
    now: options.now ?? tuesday,
    config: { ...config, ...options.config },
    staleActions: options.actions,
    waitingClosures: options.closures ?? [],
    people: options.people ?? [owner, coOwner, sro],
    history,
  });
}
