import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { recordMailEvent } from '../../functions/core/mail-events/record-mail-event.js';
import { runReminders } from '../../functions/core/reminders/run-reminders.js';
import type { ReminderRecord } from '../../functions/core/model/reminder.js';
import type { Repository } from '../../functions/core/ports.js';
import { makePerson, makeReminder } from '../support/make-action.js';
import { daysBefore, sentReminder, staleAction, tuesday } from './policy-fixture.js';
import { linkExpiresAt, RecordingMailer, runDeps, seed, smallForce } from './run-fixture.js';

const wednesday = new Date('2026-11-25T09:00:00Z');
const crash = () => {
  throw new Error('simulated crash');
};

/** Two reminders about the action, a week apart and unanswered: enough for the default policy to escalate. */
async function ignoredTwice(repository: Repository, personId: string, actionId: string): Promise<void> {
  for (const days of [14, 7]) await repository.claimReminder(sentReminder(personId, tuesday, days, [actionId]));
}

describe('runReminders on in-memory fakes', () => {
  it('sends each owner one digest with a fresh link, records it as sent, and logs and stores one report', async () => {
    const { deps, repository, mailer, runReports, logs, links } = runDeps();
    await seed(repository, smallForce(3));
    const { report } = await runReminders(deps, { dryRun: false });

    expect(mailer.sent.map((e) => e.to[0]).sort()).toEqual(['owner0@testshire.example', 'owner1@testshire.example', 'owner2@testshire.example']);
    expect(links).toHaveLength(3);
    for (const [i, link] of links.entries()) expect(mailer.sent[i]!.text).toContain(link);
    expect(await repository.listReminders('p0')).toEqual([
      expect.objectContaining({ period: '2026-11-24', kind: 'reminder', state: 'sent', actionIds: ['a0'], completedAt: expect.any(String) }),
    ]);
    expect(report).toMatchObject({ staleActions: 3, owners: 3, peopleReminded: 3, escalations: 0, failures: 0, skipped: {}, dryRun: false, workingDay: true });
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0]!)).toMatchObject({ level: 'info', job: 'reminders', peopleReminded: 3 });
    expect(await runReports.listRecent(5)).toEqual([report]);
  });

  it('a dry run sends, records and mints nothing', async () => {
    const { deps, repository, mailer, runReports, links } = runDeps();
    await seed(repository, smallForce(3));
    const { plan, report } = await runReminders(deps, { dryRun: true });
    expect(plan.reminders).toHaveLength(3);
    expect(report).toMatchObject({ dryRun: true, peopleReminded: 3 });
    expect([mailer.sent.length, links.length, (await repository.listReminders('p0')).length, (await runReports.listRecent(5)).length]).toEqual([0, 0, 0, 0]);
  });

  it('a second run the same day sends nothing; the reminders are counted as recently sent', async () => {
    const { deps, repository, mailer } = runDeps();
    await seed(repository, smallForce(3));
    await runReminders(deps, { dryRun: false });
    const { report } = await runReminders(deps, { dryRun: false });
    expect(mailer.sent).toHaveLength(3);
    expect(report).toMatchObject({ peopleReminded: 0, skipped: { 'recently-reminded': 3 } });
  });

  it('judges staleness and the period at the scheduled time, not when a retry happens to run', async () => {
    const { deps, repository, mailer } = runDeps({ now: new Date('2026-11-25T02:00:00Z') });
    await seed(repository, smallForce(1));
    const { report } = await runReminders(deps, { dryRun: false, at: tuesday });
    expect(report.period).toBe('2026-11-24');
    expect(mailer.sent).toHaveLength(1);
  });

  it('records a permanent failure for one person and still sends to the others', async () => {
    const mailer = new RecordingMailer();
    mailer.failFor.add('owner1@testshire.example');
    const { deps, repository, logs, runReports } = runDeps({ mailer });
    await seed(repository, smallForce(3));
    const { report } = await runReminders(deps, { dryRun: false });
    expect(mailer.sent.map((e) => e.to[0]).sort()).toEqual(['owner0@testshire.example', 'owner2@testshire.example']);
    expect(await repository.listReminders('p1')).toEqual([expect.objectContaining({ state: 'failed', error: expect.stringMatching(/^MessageRejected: Email address is not verified\./) })]);
    expect(report).toMatchObject({ peopleReminded: 2, failures: 1, failed: [{ personId: 'p1', kind: 'reminder', reason: 'unverified' }] });
    expect(JSON.parse(logs[0]!).level).toBe('warn');
    // SES's text names the address: the log line and the stored report keep the reason, not the text.
    for (const kept of [logs[0]!, JSON.stringify(await runReports.listRecent(5))]) expect(kept).not.toMatch(/owner1@|not verified/);
    // The next working day tries that person again.
    const next = runDeps({ repository, mailer: new RecordingMailer(), now: wednesday });
    expect((await runReminders(next.deps, { dryRun: false })).report.peopleReminded).toBe(1);
    expect(next.mailer.countTo('owner1@testshire.example')).toBe(1);
  });

  it('retries throttled sends until they go, none twice', async () => {
    const mailer = new RecordingMailer();
    let calls = 0;
    mailer.throttle = () => calls++ % 3 === 0;
    const { deps, repository } = runDeps({ mailer });
    await seed(repository, smallForce(10));
    const { report } = await runReminders(deps, { dryRun: false });
    expect(report).toMatchObject({ peopleReminded: 10, failures: 0 });
    for (let i = 0; i < 10; i++) expect(mailer.countTo(`owner${i}@testshire.example`)).toBe(1);
  });

  it('gives up on a person SES throttles every time, records it, and goes on', async () => {
    const mailer = new RecordingMailer();
    mailer.throttle = (email) => email.to[0] === 'owner0@testshire.example';
    const { deps, repository } = runDeps({ mailer, backoff: { maxAttempts: 3, baseMs: 1, capMs: 1 } });
    await seed(repository, smallForce(2));
    const { report } = await runReminders(deps, { dryRun: false });
    expect(report).toMatchObject({ peopleReminded: 1, failures: 1, failed: [{ personId: 'p0', reason: 'throttled' }] });
  });

  it('three concurrent runs, then one more: exactly one email per person', async () => {
    const repository = new MemoryRepository();
    const mailer = new RecordingMailer();
    await seed(repository, smallForce(8));
    const runs = [0, 1, 2, 3].map(() => runDeps({ repository, mailer, concurrency: 3 }));
    const reports = await Promise.all(runs.slice(0, 3).map(({ deps }) => runReminders(deps, { dryRun: false })));
    await runReminders(runs[3]!.deps, { dryRun: false });
    for (let i = 0; i < 8; i++) expect(mailer.countTo(`owner${i}@testshire.example`)).toBe(1);
    expect(reports.reduce((n, r) => n + r.report.peopleReminded, 0)).toBe(8);
  });

  it('a crash after k of n sends, then a rerun: every person exactly one email', async () => {
    const repository = new MemoryRepository();
    const mailer = new RecordingMailer();
    await seed(repository, smallForce(6));
    let sends = 0;
    const crashing = runDeps({ repository, mailer, concurrency: 1, hooks: { afterSend: () => (++sends === 4 ? crash() : undefined) } });
    await expect(runReminders(crashing.deps, { dryRun: false })).rejects.toThrow('simulated crash');
    expect(mailer.sent).toHaveLength(4);

    const rerun = runDeps({ repository, mailer });
    const { report } = await runReminders(rerun.deps, { dryRun: false });
    for (let i = 0; i < 6; i++) expect(mailer.countTo(`owner${i}@testshire.example`)).toBe(1);
    // The one caught between send and completion is held back today, not sent twice.
    expect(report).toMatchObject({ peopleReminded: 2, skipped: { 'recently-reminded': 3, 'claimed-today': 1 } });
  });

  it('a crash between claim and send is not silently dropped: the next working day sends it', async () => {
    const repository = new MemoryRepository();
    const mailer = new RecordingMailer();
    await seed(repository, smallForce(3));
    const crashing = runDeps({ repository, mailer, concurrency: 1, hooks: { afterClaim: (d) => (d.person.id === 'p1' ? crash() : undefined) } });
    await expect(runReminders(crashing.deps, { dryRun: false })).rejects.toThrow('simulated crash');
    await runReminders(runDeps({ repository, mailer }).deps, { dryRun: false });
    expect(mailer.countTo('owner1@testshire.example')).toBe(0);

    const nextDay = runDeps({ repository, mailer, now: wednesday });
    const { report } = await runReminders(nextDay.deps, { dryRun: false });
    expect(mailer.countTo('owner1@testshire.example')).toBe(1);
    expect(report).toMatchObject({ peopleReminded: 1, recovered: 1 });
    for (const i of [0, 2]) expect(mailer.countTo(`owner${i}@testshire.example`)).toBe(1);
  });

  it('escalates to the SRO after ignored reminders, and flags unreachable owners there', async () => {
    const { deps, repository, mailer } = runDeps();
    const force = smallForce(2);
    force.people[1] = makePerson({ ...force.people[1]!, mailStatus: 'bounced' });
    await seed(repository, force);
    await ignoredTwice(repository, 'p0', 'a0');
    const { report } = await runReminders(deps, { dryRun: false });
    expect(report).toMatchObject({ peopleReminded: 1, escalations: 1, skipped: { bounced: 1 } });
    const toSro = mailer.sent.find((e) => e.to[0] === 'casey@testshire.example')!;
    expect(toSro.text).toContain('1 action owned by Supt Owner 0 has had no update for 40 days');
    expect(toSro.text).toContain('Email to Supt Owner 1 bounced');
    expect(await repository.listReminders('sro')).toEqual([expect.objectContaining({ kind: 'escalation', state: 'sent', actionIds: ['a0', 'a1'] })]);
  });

  it('does not count a digest that bounced: reminded at the next run once the address works, and the SRO told only of reminders that arrived', async () => {
    const repository = new MemoryRepository();
    const mailer = new RecordingMailer();
    await seed(repository, smallForce(1));
    const run = async (day: string) => (await runReminders(runDeps({ repository, mailer, now: new Date(`${day}T09:00:00Z`) }).deps, { dryRun: false })).report;
    await run('2026-11-24');
    const bounced = mailer.sent[0]!;
    expect(bounced.tags).toEqual({ 'reminder-period': '2026-11-24' });
    await recordMailEvent(repository, { kind: 'bounce', permanent: true, recipients: bounced.to, reminderPeriod: bounced.tags!['reminder-period']! });
    // The next morning an admin marks the address working again (the person's page does this).
    await repository.markMailStatus('p0', 'owner0@testshire.example', 'ok', ['bounced']);
    expect(await run('2026-11-25')).toMatchObject({ peopleReminded: 1, escalations: 0 });
    expect(await run('2026-12-02')).toMatchObject({ peopleReminded: 1, escalations: 0 });
    expect(await run('2026-12-09')).toMatchObject({ escalations: 1 });
    const toSro = mailer.sent.find((e) => e.to[0] === 'casey@testshire.example')!;
    expect(toSro.text).toContain('Supt Owner 0 has been reminded twice about it without updating it');
    expect((await repository.listReminders('p0')).map((r) => `${r.period} ${r.state}`)).toEqual(['2026-11-24 bounced', '2026-11-25 sent', '2026-12-02 sent', '2026-12-09 sent']);
  });

  it('an SRO who owns a stale action too gets one email holding both, and both parts are recorded', async () => {
    const { deps, repository, mailer, links } = runDeps();
    const force = smallForce(1);
    force.actions.push(staleAction({ id: 'own', ref: 'S1', ownerIds: ['sro'], lastUpdatedAt: daysBefore(tuesday, 35) }));
    await seed(repository, force);
    await ignoredTwice(repository, 'p0', 'a0');
    const { report } = await runReminders(deps, { dryRun: false });

    expect(mailer.countTo('casey@testshire.example')).toBe(1);
    const email = mailer.sent.find((e) => e.to[0] === 'casey@testshire.example')!;
    expect(email.subject).toBe('1 action needs an update, and 1 action in your portfolio needs your attention');
    expect(email.text).toContain('- S1: last updated 35 days ago');
    expect(email.text).toContain('1 action owned by Supt Owner 0 has had no update for 40 days');
    expect(links).toHaveLength(2);
    const records = await repository.listReminders('sro');
    expect(records.map((r) => [r.kind, r.state, r.actionIds]).sort()).toEqual([['escalation', 'sent', ['a0']], ['reminder', 'sent', ['own']]]);
    expect(report).toMatchObject({ peopleReminded: 2, escalations: 1, claimedElsewhere: 0, failures: 0 });
  });

  it('counts an email that failed once, though it held a reminder and an escalation', async () => {
    const mailer = new RecordingMailer();
    mailer.failFor.add('casey@testshire.example');
    const { deps, repository } = runDeps({ mailer });
    const force = smallForce(1);
    force.actions.push(staleAction({ id: 'own', ref: 'S1', ownerIds: ['sro'], lastUpdatedAt: daysBefore(tuesday, 35) }));
    await seed(repository, force);
    await ignoredTwice(repository, 'p0', 'a0');
    const { report } = await runReminders(deps, { dryRun: false });
    expect(report).toMatchObject({ peopleReminded: 1, escalations: 0, failures: 1, failed: [{ personId: 'sro', kind: 'reminder', reason: 'unverified' }] });
    expect((await repository.listReminders('sro')).map((r) => [r.kind, r.state]).sort()).toEqual([['escalation', 'failed'], ['reminder', 'failed']]);
  });

  it('two runs racing for the parts of one digest still send that person one email', async () => {
    const repository = new MemoryRepository();
    const force = smallForce(1);
    force.actions.push(staleAction({ id: 'own', ref: 'S1', ownerIds: ['sro'], lastUpdatedAt: daysBefore(tuesday, 35) }));
    await seed(repository, force);
    await ignoredTwice(repository, 'p0', 'a0');
    // Without one claim per person and day, run A wins the reminder and run B, losing it, wins the escalation first.
    const slowed = (delays: Partial<Record<'reminder' | 'escalation', number>>): Repository =>
      Object.assign(Object.create(repository) as Repository, {
        claimReminder: async (record: ReminderRecord) => {
          await new Promise((resolve) => setTimeout(resolve, delays[record.kind] ?? 0));
          return repository.claimReminder(record);
        },
      });
    const mailer = new RecordingMailer();
    const runs = [slowed({ escalation: 30 }), slowed({ reminder: 10 })].map((r) => runDeps({ repository: r, mailer }).deps);
    const reports = await Promise.all(runs.map((deps) => runReminders(deps, { dryRun: false })));

    expect(mailer.countTo('casey@testshire.example')).toBe(1);
    expect(mailer.sent.find((e) => e.to[0] === 'casey@testshire.example')!.subject).toContain(', and ');
    expect((await repository.listReminders('sro')).map((r) => [r.kind, r.state]).sort()).toEqual([['escalation', 'sent'], ['reminder', 'sent']]);
    expect(reports.map((r) => r.report.escalations).sort()).toEqual([0, 1]);
  });

  it('sends only the part it could claim when a record of the other is there already', async () => {
    const repository = new MemoryRepository();
    const { deps, mailer } = runDeps({
      repository,
      // A record claimed between this run's plan and its claims, as by a run from before the day's email was claimed.
      issueLink: async (person) => {
        if (person.id === 'sro') await repository.claimReminder(makeReminder({ personId: 'sro', period: '2026-11-24', kind: 'escalation', state: 'claimed', actionIds: ['a0'] }));
        return { url: `https://actions.testshire.example/u/token-for-${person.id}`, expiresAt: linkExpiresAt };
      },
    });
    const force = smallForce(1);
    force.actions.push(staleAction({ id: 'own', ref: 'S1', ownerIds: ['sro'], lastUpdatedAt: daysBefore(tuesday, 35) }));
    await seed(repository, force);
    await ignoredTwice(repository, 'p0', 'a0');
    const { report } = await runReminders(deps, { dryRun: false });

    const email = mailer.sent.find((e) => e.to[0] === 'casey@testshire.example')!;
    expect(email.subject).toBe('1 action needs an update');
    expect(email.text).not.toContain('Supt Owner 0');
    expect(report).toMatchObject({ peopleReminded: 2, escalations: 0, claimedElsewhere: 1 });
    expect((await repository.listReminders('sro')).map((r) => [r.kind, r.state]).sort()).toEqual([['escalation', 'claimed'], ['reminder', 'sent']]);
  });

  it('does nothing on a weekend but report it', async () => {
    const { deps, repository, mailer, runReports } = runDeps({ now: new Date('2026-11-28T09:00:00Z') });
    await seed(repository, smallForce(2));
    const { report } = await runReminders(deps, { dryRun: false });
    expect(mailer.sent).toEqual([]);
    expect(report).toMatchObject({ workingDay: false, staleActions: 2, skipped: { 'not-working-day': 1 } });
    expect(await runReports.listRecent(1)).toHaveLength(1);
  });
});
