import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import type { Action } from '../../functions/core/model/action.js';
import type { Person } from '../../functions/core/model/person.js';
import type { Repository } from '../../functions/core/ports.js';
import { runReminders } from '../../functions/core/reminders/run-reminders.js';
import type { BackoffPolicy } from '../../functions/core/reminders/send-with-backoff.js';
import { makeAction, makePerson, makeRunReport, makeUpdate } from '../support/make-action.js';
import { sandboxRejection } from './run-fixture.js';
import { failSends, StandIns } from './stand-ins-fixture.js';

const config = parseForceConfig(
  { id: 'test', name: 'Testshire Police', baseUrl: 'https://actions.testshire.example', sender: 'actions@testshire.example', admins: ['admin@testshire.example'], sendRatePerSecond: 50 },
  'test',
);
const at = new Date('2026-11-24T09:00:00Z');
const dayMs = 86_400_000;
const daysAgo = (days: number) => new Date(at.getTime() - days * dayMs).toISOString();
const fastBackoff: BackoffPolicy = { maxAttempts: 10, baseMs: 5, capMs: 40 };

const owners: Person[] = Array.from({ length: 8 }, (_, i) => makePerson({ id: `owner-${i}`, name: `Supt Owner ${i}`, email: `owner${i}@testshire.example` }));
const bouncedOwner = makePerson({ id: 'gone', name: 'Insp Gone', email: 'gone@testshire.example', mailStatus: 'bounced' });
const sro = makePerson({ id: 'sro', name: 'ACC Casey Shaw', email: 'casey@testshire.example' });
const secret = (i: number) => ({ text: `SECRET RECOMMENDATION ${i}`, plan: `SECRET PLAN ${i}`, latestProgress: `SECRET PROGRESS ${i}`, confidenceNarrative: `SECRET NARRATIVE ${i}` });

function actions(): Action[] {
  return [
    ...owners.map((o, i) => makeAction({ id: `a-${i}`, ref: `1.0${i}`, sroId: 'sro', ownerIds: [o.id], lastUpdatedAt: daysAgo(40 + i), ...secret(i) })),
    makeAction({ id: 'shared', ref: '2.01', sroId: 'sro', ownerIds: ['owner-0', 'owner-1'], lastUpdatedAt: null, createdAt: daysAgo(90), ...secret(9) }),
    makeAction({ id: 'of-gone', ref: '3.01', sroId: 'sro', ownerIds: ['gone'], lastUpdatedAt: daysAgo(61), ...secret(10) }),
    makeAction({ id: 'fresh', ref: '4.01', sroId: 'sro', ownerIds: ['owner-2'], lastUpdatedAt: daysAgo(3), ...secret(11) }),
    // The SRO owns one too: reminded and escalated to in one email.
    makeAction({ id: 'of-sro', ref: '5.01', sroId: 'sro', ownerIds: ['sro'], lastUpdatedAt: daysAgo(30), ...secret(12) }),
  ];
}

async function seed(repository: Repository): Promise<void> {
  for (const person of [...owners, bouncedOwner, sro]) await repository.putPerson(person);
  for (const action of actions()) await repository.putAction(action, null);
  // owner-7 has ignored two reminders about a-7: its SRO hears about it.
  for (const days of [14, 7]) {
    const claimedAt = daysAgo(days);
    await repository.claimReminder({ personId: 'owner-7', period: claimedAt.slice(0, 10), kind: 'reminder', state: 'sent', actionIds: ['a-7'], claimedAt, completedAt: claimedAt, error: null });
  }
}

const everyone = [...owners.map((o) => o.email), sro.email];
let standIns: StandIns;
beforeAll(async () => {
  standIns = await StandIns.start();
});
afterAll(() => standIns?.stop());

async function expectExactlyOnceEach(): Promise<void> {
  const counts = await standIns.countsByAddress();
  expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(everyone.map((e) => [e, 1])));
}

describe('the reminder job on dynalite and aws-ses-v2-local', () => {
  it('a full run: one digest per owner, one escalation, nothing to the bounced owner, records and report stored', async () => {
    const force = await standIns.force(config);
    await seed(force.repository);
    const { report } = await runReminders(force.deps({ backoff: fastBackoff }), { dryRun: false, at });

    await expectExactlyOnceEach();
    const mail = await standIns.sent();
    const toOwner0 = mail.find((e) => e.destination.to[0] === 'owner0@testshire.example')!;
    expect(toOwner0.subject).toBe('2 actions need an update');
    expect(toOwner0.body.text).toMatch(/- 2\.01: never updated \(added 90 days ago\)\n- 1\.00: last updated 40 days ago/);
    expect(toOwner0.body.text).toMatch(/https:\/\/actions\.testshire\.example\/u\/[A-Za-z0-9_-]{43}\n/);
    // The link just issued, 21 days from the run, in the words the other link emails use.
    expect(toOwner0.body.text).toContain('\n\nThe link works until 15 December 2026. It is personal: do not forward it.');
    expect(toOwner0.body.html).toContain('The link works until 15 December 2026.');
    const toSro = mail.find((e) => e.destination.to[0] === sro.email)!;
    expect(toSro.subject).toBe('1 action needs an update, and 2 actions in your portfolio need your attention');
    expect(toSro.body.text).toContain('- 5.01: last updated 30 days ago');
    expect(toSro.body.text).toContain('1 action owned by Insp Gone has had no update for 61 days.');
    // Whom to ask: the config's first admin, by address.
    expect(toSro.body.text).toContain("Insp Gone bounced, so they are not being reminded. Please ask the plan's admin (admin@testshire.example) to correct their address or reassign it.");
    expect(toSro.body.text).toContain('1 action owned by Supt Owner 7 has had no update for 47 days.');
    for (const email of mail) expect(JSON.stringify(email)).not.toMatch(/SECRET/);

    expect(report).toMatchObject({ staleActions: 11, peopleReminded: 9, escalations: 1, failures: 0, skipped: { bounced: 1 } });
    expect(await force.repository.listReminders('owner-3')).toEqual([expect.objectContaining({ period: '2026-11-24', state: 'sent', actionIds: ['a-3'] })]);
    expect(await force.deps().runReports.listRecent(5)).toEqual([report]);
  });

  it('the same run three times at once, then once more: exactly one email per person', async () => {
    const force = await standIns.force(config);
    await seed(force.repository);
    const reports = await Promise.all([1, 2, 3].map(() => runReminders(force.deps({ backoff: fastBackoff }), { dryRun: false, at })));
    const last = await runReminders(force.deps({ backoff: fastBackoff }), { dryRun: false, at });
    await expectExactlyOnceEach();
    expect(reports.reduce((n, { report }) => n + report.peopleReminded + report.escalations, 0)).toBe(10);
    // Skips count people: the SRO's reminder and escalation are one.
    expect(last.report).toMatchObject({ peopleReminded: 0, escalations: 0, skipped: { 'recently-reminded': 9 } });
  });

  it('a crash after k of n sends, then a rerun: every person exactly one email', async () => {
    const force = await standIns.force(config);
    await seed(force.repository);
    let sends = 0;
    const crashing = force.deps({ backoff: fastBackoff, concurrency: 1, hooks: { afterSend: () => {
      if (++sends === 5) throw new Error('simulated crash');
    } } });
    await expect(runReminders(crashing, { dryRun: false, at })).rejects.toThrow('simulated crash');
    expect((await standIns.sent()).length).toBe(5);

    const { report } = await runReminders(force.deps({ backoff: fastBackoff }), { dryRun: false, at });
    await expectExactlyOnceEach();
    // The SRO's email went first (names in order) and held both parts; skips count people.
    expect(report).toMatchObject({ skipped: { 'recently-reminded': 4, 'claimed-today': 1 } });
    expect(report.peopleReminded + report.escalations).toBe(4);
  });

  it('30% of sends throttled: all delivered, none twice', async () => {
    const force = await standIns.force(config);
    await seed(force.repository);
    let calls = 0;
    let throttled = 0;
    failSends(force.sesClient, 'throttle30', () => {
      // Every call whose position is 0, 3 or 6 in each run of ten: 30%, deterministic.
      if (![0, 3, 6].includes(calls++ % 10)) return null;
      throttled++;
      return Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException', $retryable: { throttling: true } });
    });
    const { report } = await runReminders(force.deps({ backoff: fastBackoff }), { dryRun: false, at });
    await expectExactlyOnceEach();
    expect(throttled).toBeGreaterThanOrEqual(3);
    expect(report).toMatchObject({ peopleReminded: 9, escalations: 1, failures: 0 });
  });

  it('a failure for one address: the others still sent, the failure recorded and reported, the address in neither log nor report', async () => {
    const force = await standIns.force(config);
    await seed(force.repository);
    failSends(force.sesClient, 'reject-one', (to) => (to.includes('owner4@testshire.example') ? sandboxRejection('owner4@testshire.example') : null));
    const logs: string[] = [];
    const { report } = await runReminders(force.deps({ backoff: fastBackoff, log: (line) => logs.push(line) }), { dryRun: false, at });
    const counts = await standIns.countsByAddress();
    expect(counts.get('owner4@testshire.example')).toBeUndefined();
    expect([...counts.values()]).toEqual(Array(8).fill(1));
    expect(report).toMatchObject({ peopleReminded: 8, failures: 1, failed: [{ personId: 'owner-4', kind: 'reminder', reason: 'unverified' }] });
    expect(await force.repository.listReminders('owner-4')).toEqual([expect.objectContaining({ state: 'failed', error: expect.stringContaining('not verified') })]);
    const stored = await force.deps().runReports.listRecent(5);
    expect(stored).toEqual([report]);
    for (const kept of [...logs, JSON.stringify(stored)]) expect(kept).not.toMatch(/owner4@|not verified/);
    // Who failed is in the stored report for the console; the log line counts reasons, since ids are made from addresses.
    expect(JSON.parse(logs[0]!)).toMatchObject({ failures: 1, failedReasons: { unverified: 1 } });
    expect(logs[0]).not.toContain('owner-4');
  });

  it('a report stored before failures were classified still reads from the table: its reason kept, SES\'s text dropped', async () => {
    const force = await standIns.force(config);
    const error = `MessageRejected: ${sandboxRejection('owner4@testshire.example').message}`;
    const old = { ...makeRunReport({ failures: 1 }), failed: [{ personId: 'owner-4', kind: 'reminder', error }] };
    await standIns.dynamo.doc.send(new PutCommand({ TableName: force.tableName, Item: { ...old, pk: 'RUN#reminders', sk: `${old.startedAt}#${old.runId}` } }));
    const [read] = await force.deps().runReports.listRecent(5);
    expect(read!.failed).toEqual([{ personId: 'owner-4', kind: 'reminder', reason: 'unverified' }]);
    expect(JSON.stringify(read)).not.toMatch(/owner4@|not verified/);
  });

  it("a closure left waiting: its SRO is chased to sign it off, its owner is not, and a fresh one waits", async () => {
    const force = await standIns.force(config);
    for (const person of [owners[0]!, owners[1]!, sro]) await force.repository.putPerson(person);
    const propose = async (id: string, ref: string, ownerId: string, proposedDaysAgo: number) => {
      await force.repository.putAction(makeAction({ id, ref, sroId: 'sro', ownerIds: [ownerId], lastUpdatedAt: daysAgo(90), ...secret(0) }), null);
      await force.repository.saveUpdate(makeUpdate({ actionId: id, version: 2, at: daysAgo(proposedDaysAgo), by: ownerId, patch: { status: 'proposed-closure' } }));
    };
    await propose('waiting', '5.01', 'owner-0', 35);
    await propose('fresh', '5.02', 'owner-1', 5);

    const { report } = await runReminders(force.deps({ backoff: fastBackoff }), { dryRun: false, at });
    const mail = await standIns.sent();
    expect(mail.map((e) => e.destination.to[0])).toEqual([sro.email]);
    expect(mail[0]!.body.text).toContain('1 action proposed for closure has waited 35 days for your sign-off.\nIts owners believe it is complete');
    expect(mail[0]!.body.text).toContain('- 5.01: waiting 35 days');
    expect(mail[0]!.body.text).not.toContain('5.02');
    expect(JSON.stringify(mail)).not.toMatch(/SECRET/);
    expect(report).toMatchObject({ staleActions: 0, peopleReminded: 0, escalations: 1 });
    expect(await force.repository.listReminders('sro')).toEqual([expect.objectContaining({ kind: 'escalation', state: 'sent', actionIds: ['waiting'] })]);
  });

  it('issues no Scan, in any of the runs above', () => {
    expect(standIns.dynamo.commandCounts.get('QueryCommand')).toBeGreaterThan(0);
    expect(standIns.dynamo.commandCounts.has('ScanCommand')).toBe(false);
  });
});
