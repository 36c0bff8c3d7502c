import { Action } from '../../functions/core/model/action.js';
import { Person } from '../../functions/core/model/person.js';
import { ReminderRecord } from '../../functions/core/model/reminder.js';
import { Update } from '../../functions/core/model/update.js';
import { RunReport } from '../../functions/core/reminders/run-report.js';

/**
 * Schema-valid fixtures: a plain open action, person, update or reminder record, with overrides.
 * Each result is parsed, so an override that breaks the schema fails where it is written.
 */
export function makeAction(overrides: Partial<Action> = {}): Action {
  return Action.parse({
    id: 'a-1',
    kind: 'recommendation',
    area: 'Effectiveness',
    ref: 'R1',
    evidence: null,
    text: 'The force should improve how it records crime.',
    accepted: { value: true, rationale: null },
    sroId: null,
    ownerIds: [],
    unmatchedNames: [],
    plan: null,
    timescale: { text: null, target: null, originalTarget: null, revisions: [] },
    confidence: 'not-set',
    confidenceNarrative: null,
    latestProgress: null,
    lastUpdatedAt: null,
    status: 'open',
    version: 1,
    createdAt: '2025-01-06T09:00:00.000Z',
    ...overrides,
  });
}

export function makePerson(overrides: Partial<Person> = {}): Person {
  return Person.parse({
    id: 'p-1',
    name: 'Supt Alex Morgan',
    role: null,
    email: 'alex.morgan@example.police.uk',
    aliases: [],
    active: true,
    mailStatus: 'ok',
    ...overrides,
  });
}

/** An update by default records progress on action `a-1`, producing version 2. */
export function makeUpdate(overrides: Partial<Update> = {}): Update {
  return Update.parse({
    actionId: 'a-1',
    version: 2,
    at: '2025-02-03T10:00:00.000Z',
    by: 'p-1',
    onBehalfOf: null,
    via: 'link',
    patch: { latestProgress: 'Training delivered to all response teams.' },
    changes: [{ field: 'latestProgress', from: null, to: 'Training delivered to all response teams.' }],
    countsAsProgress: true,
    ...overrides,
  });
}

export function makeReminder(overrides: Partial<ReminderRecord> = {}): ReminderRecord {
  return ReminderRecord.parse({
    personId: 'p-1',
    period: '2025-02-03',
    kind: 'reminder',
    state: 'claimed',
    actionIds: ['a-1'],
    claimedAt: '2025-02-03T07:00:00.000Z',
    completedAt: null,
    error: null,
    ...overrides,
  });
}

/** A reminder run's report: a working day's run that reminded one person and failed for nobody. */
export function makeRunReport(overrides: Partial<RunReport> = {}): RunReport {
  return RunReport.parse({
    job: 'reminders',
    runId: 'run-1',
    startedAt: '2026-11-26T09:00:00.000Z',
    finishedAt: '2026-11-26T09:00:05.000Z',
    period: '2026-11-26',
    workingDay: true,
    dryRun: false,
    staleActions: 2,
    owners: 1,
    peopleReminded: 1,
    escalations: 0,
    recovered: 0,
    claimedElsewhere: 0,
    unconfirmed: 0,
    skipped: {},
    failures: 0,
    failed: [],
    ...overrides,
  });
}
