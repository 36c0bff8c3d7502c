import type { Action } from '../../../functions/core/model/action.js';
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../functions/adapters/memory/memory-audit-log.js';
import { MemoryLinkTokenStore } from '../../../functions/adapters/memory/memory-link-token-store.js';
import { MemoryRepository } from '../../../functions/adapters/memory/memory-repository.js';
import { MemoryRunReportStore } from '../../../functions/adapters/memory/memory-run-report-store.js';
import { RunReport } from '../../../functions/core/reminders/run-report.js';
import { classifySendFailure } from '../../../functions/core/send-failure.js';
import type { AdminSession } from '../../../web/admin/admin-env.js';
import { sendFailureWords } from '../../../web/admin/reminders/failed-sends.js';
import { createReminderRoutes } from '../../../web/admin/reminders/reminder-routes.js';
import { memoryDeps } from '../../support/memory-deps.js';
import { coOwner, config, daysBefore, owner, sro, staleAction, tuesday } from '../../reminders/policy-fixture.js';
import { RecordingMailer, sandboxRejection, seed } from '../../reminders/run-fixture.js';
import { makeRunReport } from '../../support/make-action.js';
import { adminSession, adminTestApp, boardSession } from '../support/admin-test-app.js';

const defaultActions = [
  staleAction({ id: 'a-1', ref: '1.01', ownerIds: ['owner'], text: 'SECRET TEXT ONE' }),
  staleAction({ id: 'a-2', ref: '1.02', ownerIds: ['co-owner'], lastUpdatedAt: daysBefore(tuesday, 50) }),
  staleAction({ id: 'a-3', ref: '1.03', ownerIds: ['owner'], lastUpdatedAt: daysBefore(tuesday, 2) }),
];
const waitingClosure = staleAction({ id: 'c-1', ref: '3.01', status: 'proposed-closure', lastUpdatedAt: daysBefore(tuesday, 35), text: 'SECRET CLOSURE' });

async function harness(options: { session?: AdminSession; now?: Date; actions?: Action[] } = {}) {
  const repository = new MemoryRepository();
  await seed(repository, { people: [owner, coOwner, sro], actions: options.actions ?? defaultActions });
  const mailer = new RecordingMailer();
  let mailerAsked = 0;
  const runReports = new MemoryRunReportStore();
  const audit = new MemoryAuditLog();
  const linkTokens = new MemoryLinkTokenStore();
  const now = options.now ?? tuesday;
  const deps = memoryDeps({ config, repository, runReports, audit, linkTokens, clock: { now: () => now }, getMailer: async () => (mailerAsked++, mailer) });
  const app = adminTestApp(deps, createReminderRoutes(), '/admin/reminders', options.session ?? adminSession);
  const snapshot = async () => ({
    reminders: [...(await repository.listReminders('owner')), ...(await repository.listReminders('co-owner')), ...(await repository.listReminders('sro'))],
    reports: await runReports.listRecent(10),
    audit: [...audit.entries],
    mailerAsked,
    sent: mailer.sent.length,
  });
  const post = (fields: Record<string, string>) =>
    app.request('/admin/reminders/send', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  return { app, mailer, runReports, audit, snapshot, post };
}

describe('reminders: preview, send now, log', () => {
  it("previews today's run, who would get what by ref and age, and sends and writes nothing", async () => {
    const h = await harness();
    const before = await h.snapshot();
    const res = await h.app.request('/admin/reminders');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('2 actions of 2 owners not updated in');
    expect(html).toContain('<strong>Supt Alex Morgan</strong> (alex@testshire.example): 1 stale action: 1.01 (last updated 40 days ago)');
    expect(html).toContain('<strong>Ch Insp Blake Reid</strong> (blake@testshire.example): 1 stale action: 1.02 (last updated 50 days ago)');
    expect(html).not.toContain('SECRET TEXT');
    expect(html).toContain('href="/admin/reminders/send">Send 2 emails now</a>');
    expect(html).toContain('The reminder job has not run yet.');
    expect((await h.app.request('/admin/reminders/send')).status).toBe(200);
    expect(await h.snapshot()).toEqual(before);
    expect(before).toMatchObject({ reminders: [], reports: [], audit: [], mailerAsked: 0, sent: 0 });
  });

  it('previews the closures waiting for their SRO, with or without stale actions', async () => {
    const both = await (await (await harness({ actions: [...defaultActions, waitingClosure] })).app.request('/admin/reminders')).text();
    expect(both).toContain('2 actions of 2 owners not updated in 28 days, and 1 proposed closure waiting as long for their SRO&#39;s sign-off.');
    expect(both).toContain('<strong>ACC Casey Shaw</strong> (casey@testshire.example): 1 closure awaiting their sign-off: 3.01 (waiting 35 days for sign-off)');
    expect(both).toContain('Send 3 emails now');
    const ownsOne = staleAction({ id: 'a-4', ref: '1.04', ownerIds: ['sro'] });
    const sroOwnsOne = await (await (await harness({ actions: [...defaultActions, waitingClosure, ownsOne] })).app.request('/admin/reminders')).text();
    expect(sroOwnsOne).toContain('Send 3 emails now');
    const sendPage = await (await (await harness({ actions: [...defaultActions, waitingClosure, ownsOne] })).app.request('/admin/reminders/send')).text();
    expect(sendPage).toContain('This sends 3 reminders and 1 escalation in 3 emails now');
    const onlyClosure = await (await (await harness({ actions: [waitingClosure] })).app.request('/admin/reminders')).text();
    expect(onlyClosure).not.toContain('Nothing to chase');
    expect(await (await (await harness({ actions: [] })).app.request('/admin/reminders')).text()).toContain('Nothing to chase: every open action was updated in the last 28 days');
    expect(onlyClosure).toContain('1 closure awaiting their sign-off: 3.01 (waiting 35 days for sign-off)');
    for (const html of [both, onlyClosure]) expect(html).not.toContain('SECRET');
  });

  it('sends nothing without the confirmation ticked', async () => {
    const h = await harness();
    const res = await h.post({});
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<title>Error: Send reminders now');
    expect(html).toContain('href="#confirm">Tick the box to confirm you want to send the emails now</a>');
    expect(await h.snapshot()).toMatchObject({ reminders: [], reports: [], audit: [], mailerAsked: 0, sent: 0 });
  });

  it('sends once confirmed, records the run report and an audit entry, and shows both', async () => {
    const h = await harness();
    const res = await h.post({ confirm: 'yes' });
    expect(res.status).toBe(303);
    expect(h.mailer.sent.map((e) => e.to).sort()).toEqual([['alex@testshire.example'], ['blake@testshire.example']]);
    const [report] = await h.runReports.listRecent(10);
    expect(report).toMatchObject({ dryRun: false, peopleReminded: 2, failures: 0 });
    expect(res.headers.get('location')).toBe(`/admin/reminders?sent=${report!.runId}`);
    expect(h.audit.entries).toMatchObject([{ by: 'admin@northshire.example', change: 'send-reminders', target: { type: 'reminders', id: report!.runId } }]);

    const html = await (await h.app.request(res.headers.get('location')!)).text();
    expect(html).toMatch(/<div class="notification-success"[^>]*><h2[^>]*>Reminders sent<\/h2>/);
    expect(html).toContain('2 reminders and 0 escalations sent.');
    expect(html).toContain('<td data-label="People reminded">2</td>');
    // Those just emailed are listed apart from anyone nobody reaches, in words that say why, with the force's interval.
    expect(html).toContain('Reminded lately, so not emailed again today (2)');
    expect(html).not.toContain('Not emailed today');
    expect(html).toContain('already reminded in the last 7 days, today included; reminded again once 7 days have passed');
    // Today's digests are claimed: a second press sends nothing more.
    expect(html).not.toContain('emails now</a>');
    await h.post({ confirm: 'yes' });
    expect(h.mailer.sent).toHaveLength(2);
  });

  it('names whom a run could not email, says why in plain words and what happens next', async () => {
    const h = await harness();
    h.mailer.failFor.add('blake@testshire.example');
    const res = await h.post({ confirm: 'yes' });
    const html = await (await h.app.request(res.headers.get('location')!)).text();
    expect(html).toContain('1 email failed and will be tried again on the next working day');
    // Not the green of a plain success: the title says at once that something failed.
    expect(html).toMatch(/<div class="notification-important"[^>]*><h2[^>]*>Reminders sent, but 1 email failed<\/h2>/);
    expect(html).not.toContain('notification-success');
    expect(html).toMatch(/Not sent, as far as is known, in the run of [^<]+, and tried again on the next working day:/);
    // SES's sandbox answer ("not verified") is the account's set-up, for IT, not the person's address.
    expect(html).toContain('<li>Ch Insp Blake Reid: the email service may only send to verified addresses, or the sender domain is not verified yet: ask IT');
    expect(html).not.toContain('co-owner');
    // SES's text named Blake's address: the stored report keeps only why.
    expect(JSON.stringify(await h.runReports.listRecent(1))).not.toMatch(/blake@|not verified/);
  });

  it('says beside a run whom it emailed without recording it, who may be emailed again', async () => {
    const h = await harness();
    await h.runReports.save(makeRunReport({ peopleReminded: 3, unconfirmed: 1 }));
    const html = await (await h.app.request('/admin/reminders')).text();
    expect(html).toContain('<td data-label="People reminded">3, and 1 not recorded as sent, who may be emailed again</td>');
  });

  it('says why a send failed in words an admin can act on', () => {
    const words = (error: string) => sendFailureWords[classifySendFailure(error)];
    expect(words('TooManyRequestsException: Maximum sending rate exceeded.')).toBe('the email service was busy');
    expect(words('MessageRejected: Email address is not verified. The following identities failed the check')).toMatch(/^the email service may only send to verified addresses/);
    expect(words('MailFromDomainNotVerifiedException: not verified')).toMatch(/ask IT/);
    expect(words('AccountSendingPausedException: sending paused')).toMatch(/^this account may not send email/);
    expect(words('MessageRejected: Address blacklisted.')).toBe('the email service refused the address: check it on their People page');
    expect(words('socket hang up')).toBe('something else went wrong: if it was the email service failing or not answering, the email may still have gone, and they may have it twice');
    expect(words('TimeoutError: a request has exceeded the configured 2500 ms requestTimeout.')).toMatch(/not answering, the email may still have gone/);
  });

  it('still reads a run stored with SES\'s text, showing its reason and never the text', async () => {
    const h = await harness();
    const text = `MessageRejected: ${sandboxRejection('blake@testshire.example').message}`;
    await h.runReports.save(RunReport.parse({ ...makeRunReport(), failures: 1, failed: [{ personId: 'co-owner', kind: 'reminder', error: text }] }));
    const html = await (await h.app.request('/admin/reminders')).text();
    expect(html).toContain('<li>Ch Insp Blake Reid: the email service may only send to verified addresses');
    expect(html).not.toContain('failed the check');
  });

  it('says a non-working day sends nothing, offers no button, and shows what the next working day\'s run would send', async () => {
    const h = await harness({ now: new Date('2026-11-28T09:00:00Z') });
    const html = await (await h.app.request('/admin/reminders')).text();
    expect(html).toContain('Today (28 November 2026) is not a working day');
    expect(html).not.toContain('href="/admin/reminders/send"');
    // Saturday: Monday's run, with ages as they will be then.
    expect(html).toContain('<h2>The next run, 30 November 2026</h2>');
    expect(html).toContain('This is what a run would send if it ran on that day and nothing changed before then (this page sends nothing).');
    expect(html).toContain('<strong>Supt Alex Morgan</strong> (alex@testshire.example): 1 stale action: 1.01 (last updated 46 days ago)');
    expect(await h.snapshot()).toMatchObject({ reminders: [], reports: [], sent: 0 });
  });

  it('refuses a board member everywhere, sending nothing', async () => {
    const h = await harness({ session: boardSession });
    const answers = [await h.app.request('/admin/reminders'), await h.app.request('/admin/reminders/send'), await h.post({ confirm: 'yes' })];
    expect(answers.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(await h.snapshot()).toMatchObject({ reminders: [], reports: [], audit: [], mailerAsked: 0, sent: 0 });
  });
});
