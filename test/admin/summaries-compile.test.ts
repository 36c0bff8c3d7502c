import { describe, expect, it } from 'vitest';
import { MemorySummaryStore } from '../../functions/adapters/memory/memory-summary-store.js';
import { MemoryAuditLog } from '../../functions/adapters/memory/memory-audit-log.js';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { personIdFromEmail } from '../../functions/core/model/person.js';
import type { OutgoingEmail } from '../../functions/core/ports.js';
import { createSummaryRoutes } from '../../web/summaries/summary-routes.js';
import { makeAction, makePerson } from '../support/make-action.js';
import { memoryDeps } from '../support/memory-deps.js';
import { adminTestApp, boardSession } from './support/admin-test-app.js';
import { sesRejection, sesServerError } from '../support/ses-rejection.js';

const config = parseForceConfig(
  {
    id: 'testshire',
    name: 'Testshire Police',
    baseUrl: 'https://actions.testshire.example',
    sender: 'plan@testshire.example',
    admins: ['admin@northshire.example'],
    board: ['chief@testshire.example', 'pcc@testshire.example'],
  },
  'test',
);
const now = new Date('2026-11-27T10:00:00Z');
/** SES's message ids, unique across harnesses: a bounce is matched to its send by its id. */
let messageCount = 0;

interface HarnessOptions {
  session?: typeof boardSession;
  /** Whether the mail service turns an email down, as SES does an address it will not send to. */
  refuse?: (email: OutgoingEmail) => boolean;
  /** Whether SES takes the email and its answer is lost (a 5xx). */
  loseAnswer?: (email: OutgoingEmail) => boolean;
  board?: string[];
  /** Another harness's store: the same table read under another config or session. */
  summaries?: MemorySummaryStore;
  /** Addresses the people directory holds for people who have left. */
  left?: string[];
  /** Addresses the people directory holds for people who marked our email as spam. */
  spam?: string[];
  /** Addresses the people directory marks as bounced. */
  bounced?: string[];
  /** The app's clock. */
  at?: Date;
  /** Whether the mail client cannot be had at all (the run throws rather than counting a failed send). */
  mailerDown?: boolean;
}

async function harness({ session, refuse = () => false, loseAnswer = () => false, board = config.board, summaries = new MemorySummaryStore(), left = [], spam = [], bounced = [], at = now, mailerDown = false }: HarnessOptions = {}) {
  const repository = new MemoryRepository();
  for (const email of left) await repository.putPerson(makePerson({ id: personIdFromEmail(email), name: `Left ${email}`, email, active: false }));
  for (const email of spam) await repository.putPerson(makePerson({ id: personIdFromEmail(email), name: `Spam ${email}`, email, mailStatus: 'complained' }));
  for (const email of bounced) await repository.putPerson(makePerson({ id: personIdFromEmail(email), name: `Bounced ${email}`, email, mailStatus: 'bounced' }));
  await repository.putAction(makeAction({ id: 'a-1', ref: '101', text: 'SECRET recommendation', createdAt: '2026-01-05T09:00:00.000Z' }), null);
  const sent: OutgoingEmail[] = [];
  const audit = new MemoryAuditLog();
  const deps = memoryDeps({
    config: { ...config, board },
    repository,
    summaries,
    audit,
    clock: { now: () => at },
    getMailer: async () => {
      if (mailerDown) throw new Error('The mail client could not be loaded');
      return {
        send: async (email) => {
          if (refuse(email)) throw sesRejection(email.to[0]!);
          if (loseAnswer(email)) throw sesServerError();
          sent.push(email);
          return { messageId: `m-${++messageCount}` };
        },
      };
    },
  });
  const app = adminTestApp(deps, createSummaryRoutes(), '/admin/summaries', session);
  const compile = (month: string) =>
    app.request('/admin/summaries/compile', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ month }).toString() });
  const sendAfterBounce = (month: string, recipient: string) =>
    app.request(`/admin/summaries/${month}/send-after-bounce`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ recipient }).toString() });
  return { app, compile, sendAfterBounce, sent, summaries, audit, repository };
}

describe('compiling a board summary on demand', () => {
  it('keeps the month, emails the board once, records who did it, and shows the summary', async () => {
    const { app, compile, sent, summaries, audit } = await harness();
    const response = await compile('2026-10');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/summaries/2026-10?sent=2&already=0&pending=0&failed=0&unknown=0&bounced=0');
    const page = await (await app.request(response.headers.get('location')!)).text();
    expect(page).toContain('Kept and sent to 2 board members');
    expect(await summaries.getSnapshot('2026-10')).not.toBeNull();
    expect(sent.flatMap((e) => e.to).sort()).toEqual(['chief@testshire.example', 'pcc@testshire.example']);
    expect(sent.every((e) => !e.html.includes('SECRET') && !e.text.includes('SECRET'))).toBe(true);
    expect(audit.entries).toEqual([expect.objectContaining({ by: 'admin@northshire.example', change: 'compile-summary', target: { type: 'summary', id: '2026-10' } })]);

    // Again: nobody is emailed twice, and the page says so rather than looking like a fresh send.
    const again = await compile('2026-10');
    expect(again.status).toBe(303);
    expect(sent).toHaveLength(2);
    const againPage = await (await app.request(again.headers.get('location')!)).text();
    expect(againPage).toContain('Nobody was emailed this time');
    expect(againPage).toContain('2 board members had it already, and were not sent it again.');
    // The log tells the second press from the compile: it kept nothing.
    expect(audit.entries.map((e) => e.change)).toEqual(['compile-summary', 'send-summary-again']);
    expect(audit.entries[1]).toMatchObject({ target: { type: 'summary', id: '2026-10' }, after: { kept: 'before', sent: [] } });
    // A hand-made address shows the summary without a banner.
    expect(await (await app.request('/admin/summaries/2026-10?sent=lots')).text()).not.toContain('notification-success');
  });

  it.each(['October 2026', 'Oct-26', ' 2026-10 '])('reads %j as October 2026, as plans write months', async (month) => {
    const { compile } = await harness();
    expect((await compile(month)).headers.get('location')).toMatch(/^\/admin\/summaries\/2026-10\?/);
  });

  it.each([
    ['October', 'Enter the month to compile, like October 2026'],
    ['', 'Enter the month to compile, like October 2026'],
    ['2026-11', 'Enter a month that has ended'],
    ['2027-01', 'There is no summary for January 2027: the month has not begun.'],
  ])('refuses %j with the GOV.UK error pattern, keeping what was typed and writing nothing', async (month, message) => {
    const { compile, sent, summaries, audit } = await harness();
    const response = await compile(month);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/<title>Error: Board summaries/);
    expect(html).toContain(`<a href="#month">${message}</a>`);
    expect(html).toContain(`value="${month}"`);
    expect(sent).toEqual([]);
    expect(await summaries.listSummaries()).toEqual([]);
    expect(audit.entries).toEqual([]);
  });

  it('previews a month before sending it: nothing kept, nobody emailed, nothing audited, with the button to send it', async () => {
    const { app, sent, summaries, audit } = await harness();
    // The list's form only previews: a month is sent from its preview, having been seen.
    const list = await (await app.request('/admin/summaries')).text();
    expect(list).toContain('<form method="get" action="/admin/summaries/preview"');
    expect(list).not.toContain('action="/admin/summaries/compile"');
    const response = await app.request('/admin/summaries/preview?month=October+2026');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Board summary, October 2026</h1>');
    expect(html).toContain('Preview: this summary is not kept, and the board has not been sent it.');
    expect(html).toContain('<input type="hidden" name="month" value="2026-10"/>');
    expect(html).toMatch(/Compile and send October 2026 to 2 board members\s*<\/button>/);
    expect(html).toContain('<p class="break-anywhere">It goes to: chief@testshire.example, pcc@testshire.example.</p>');
    expect(html).not.toContain('board-pack.xlsx');
    expect(sent).toEqual([]);
    expect(await summaries.listSummaries()).toEqual([]);
    expect(audit.entries).toEqual([]);
    // A month not understood: the list page, with the GOV.UK error.
    const bad = await app.request('/admin/summaries/preview?month=soon');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<a href="#month">Enter the month to preview, like October 2026</a>');
  });

  it('offers no summary of a month before the plan had any actions, a mistyped year or the first after go-live', async () => {
    const { app, compile, sent, summaries } = await harness();
    const preview = await app.request('/admin/summaries/preview?month=Oct-25');
    expect(preview.status).toBe(400);
    const html = await preview.text();
    expect(html).toContain('<a href="#month">There is no summary for October 2025: the plan had no actions by its end.');
    expect(html).not.toContain('Compile and send');
    // Nor does a compile posted for it keep or send anything.
    expect((await compile('2025-10')).status).toBe(400);
    expect(await summaries.listSummaries()).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('previews a month not ended yet as its figures so far, saying when it is sent, with no button the compile would refuse', async () => {
    const { app, compile, sent, summaries, audit } = await harness({ at: new Date('2026-12-10T10:00:00Z') });
    const response = await app.request('/admin/summaries/preview?month=December+2026');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Board summary, December 2026 so far</h1>');
    expect(html).toContain('<title>Board summary, December 2026 so far');
    expect(html).toContain('1 action in the plan as at 10 December 2026.');
    expect(html).toContain(
      '<p>December 2026 has not ended yet: these are its figures so far, as at 10 December 2026. Nothing is kept, and the board has not been sent it.</p>' +
        // 1 January 2027 is a bank holiday: the schedule sends it on the Monday after.
        '<p>It is compiled and sent to the board automatically on 4 January 2027, the first working day after the month ends. ' +
        'You can compile and send it by hand from 1 January 2027, once the month has ended.</p>',
    );
    expect(html).not.toContain('action="/admin/summaries/compile"');
    expect(html).not.toContain('Compile and send');
    expect(sent).toEqual([]);
    expect(await summaries.listSummaries()).toEqual([]);
    expect(audit.entries).toEqual([]);
    // What the button would have done: refused.
    expect((await compile('December 2026')).status).toBe(400);
  });

  it.each([
    // Its last instant in London (GMT in November): not ended, and the 1st of December is a Tuesday.
    ['2026-11-30T23:59:59.999Z', 'It is compiled and sent to the board automatically on 1 December 2026, the first working day after the month ends. You can compile and send it by hand from 1 December 2026'],
    // Begun a moment ago: what the plan is now, said as such.
    ['2026-11-01T00:00:00Z', 'these are its figures so far, as at 1 November 2026'],
  ])('at %s, says November 2026 has not ended yet and offers no button', async (at, words) => {
    const html = await (await (await harness({ at: new Date(at) })).app.request('/admin/summaries/preview?month=2026-11')).text();
    expect(html).toContain('November 2026 has not ended yet');
    expect(html).toContain(words);
    expect(html).not.toContain('Compile and send');
  });

  it('previews no month that has not begun, whose figures would be today\'s under its name', async () => {
    const response = await (await harness({ at: new Date('2026-10-31T23:59:59Z') })).app.request('/admin/summaries/preview?month=2026-11');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<a href="#month">There is no summary for November 2026: the month has not begun.</a>');
  });

  it('offers the button from the first instant after the month ends, in the force’s time zone', async () => {
    const html = await (await (await harness({ at: new Date('2026-12-01T00:00:00Z') })).app.request('/admin/summaries/preview?month=2026-11')).text();
    expect(html).toContain('<h1>Board summary, November 2026</h1>');
    expect(html).not.toContain('has not ended yet');
    expect(html).toMatch(/Compile and send November 2026 to 2 board members\s*<\/button>/);
  });

  it('says a month not ended yet is kept, not sent, when the config lists no board members', async () => {
    const html = await (await (await harness({ board: [] })).app.request('/admin/summaries/preview?month=2026-11')).text();
    expect(html).toContain('It is compiled and kept automatically on 1 December 2026, the first working day after the month ends. You can compile and keep it by hand from 1 December 2026');
    expect(html).toContain('lists no board members, so keeping it emails nobody');
    expect(html).not.toContain('Compile and keep');
  });

  it('shows a preview of a month kept already with who has had it, offering to send it only to whoever has not', async () => {
    const { app, compile, sent, summaries } = await harness();
    await compile('2026-10');
    const html = await (await app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(html).toContain('This month is kept already: this is the summary as it was kept. Every board member has had it (2).');
    expect(html).not.toContain('Compile and send');
    // Nobody is left to send it to: no button that would send nothing.
    expect(html).not.toContain('who has not had it');
    expect(sent).toHaveLength(2);
    // The compile run behind the button sends nobody a second copy.
    expect((await compile('2026-10')).headers.get('location')).toBe('/admin/summaries/2026-10?sent=0&already=2&pending=0&failed=0&unknown=0&bounced=0&kept=before');
    expect(sent).toHaveLength(2);

    // A board member added to the config since: counted, and the button goes to them alone.
    const grown = await harness({ board: [...config.board, 'dcc@testshire.example'], summaries });
    const grownPage = await (await grown.app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(grownPage).toContain('2 of the 3 board members have had it.');
    expect(grownPage).toContain('1 board member has not had it, as far as is known (dcc@testshire.example): one it could not be sent to, one whose email the email service did not confirm (ask them first), or one added to the board list since.');
    expect(grownPage).toMatch(/Send October 2026 to the 1 board member who has not had it\s*<\/button>/);
    expect((await grown.compile('2026-10')).headers.get('location')).toBe('/admin/summaries/2026-10?sent=1&already=2&pending=0&failed=0&unknown=0&bounced=0&kept=before');
    expect(grown.sent.flatMap((e) => e.to)).toEqual(['dcc@testshire.example']);
  });

  it('says whose email bounced, as SES reports with the tag the summary went with, and sends the month to a corrected address', async () => {
    const { compile, sent, summaries } = await harness();
    await compile('2026-10');
    // The tag SES gives back with a bounce: which month it was, never any item text.
    expect(sent.map((e) => e.tags)).toEqual([{ 'board-summary': '2026-10' }, { 'board-summary': '2026-10' }]);
    await summaries.markBounced('2026-10', 'pcc@testshire.example');
    const page = await (await (await harness({ summaries })).app.request('/admin/summaries/2026-10')).text();
    expect(page).toContain('1 of the 2 board members has had it.');
    expect(page).toContain(
      'The email to 1 board member bounced, as the email service reported, so they have not had it (pcc@testshire.example). Check the address with them. If an address is wrong, ask whoever deploys the system to correct the config’s board list, then send the month to the corrected address from here. If it is right, ask IT to take it off the email service’s suppression list (or every later month bounces too), then send the month to it again:',
    );
    // The same address would bounce again: only a button that says it goes to that address, for an admin who knows it is right now.
    expect(page).not.toContain('who has not had it');
    expect(page).toMatch(/<input type="hidden" name="recipient" value="pcc@testshire.example"\/>\s*<button type="submit" class="button button-secondary break-anywhere">\s*Send October 2026 again to pcc@testshire.example\s*<\/button>/);

    // Sent to the same address again, it is neither sent nor counted as had.
    const again = await (await harness({ summaries })).compile('2026-10');
    expect(again.headers.get('location')).toBe('/admin/summaries/2026-10?sent=0&already=1&pending=0&failed=0&unknown=0&bounced=1&kept=before');
    expect(await (await (await harness({ summaries })).app.request(again.headers.get('location')!)).text()).toContain(
      'The email to 1 board member bounced when it was sent before, so it was not sent to the same address again: <a href="/admin/summaries/2026-10">see whose address to check</a>.',
    );

    const corrected = await harness({ board: ['chief@testshire.example', 'pcc.office@testshire.example'], summaries });
    const correctedPage = await (await corrected.app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(correctedPage).toMatch(/Send October 2026 to the 1 board member who has not had it\s*<\/button>/);
    await corrected.compile('2026-10');
    expect(corrected.sent.flatMap((e) => e.to)).toEqual(['pcc.office@testshire.example']);
  });

  it('sends a bounced month again to that address alone once an admin knows it is right, once however often pressed, and audits it', async () => {
    const first = await harness();
    await first.compile('2026-10');
    await first.summaries.markBounced('2026-10', 'pcc@testshire.example');
    // A member added to the list since has not had it either, but the button is for the bounced address.
    const { app, sendAfterBounce, sent, summaries, audit } = await harness({ board: [...config.board, 'dcc@testshire.example'], summaries: first.summaries });
    const response = await sendAfterBounce('2026-10', 'PCC@Testshire.example');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/summaries/2026-10?sent=1&already=0&pending=0&failed=0&unknown=0&bounced=0&kept=before');
    expect(sent.flatMap((e) => e.to)).toEqual(['pcc@testshire.example']);
    expect(sent[0]!.tags).toEqual({ 'board-summary': '2026-10' });
    // Kept before: the banner says it was sent, not kept.
    expect(await (await app.request(response.headers.get('location')!)).text()).toMatch(/<h2[^>]*>Sent to 1 board member<\/h2>/);
    expect(await summaries.listSendClaims('2026-10')).toEqual(
      expect.arrayContaining([expect.objectContaining({ recipient: 'pcc@testshire.example', sent: true, bounced: false })]),
    );
    expect(audit.entries).toEqual([
      expect.objectContaining({ change: 'send-summary-after-bounce', target: { type: 'summary', id: '2026-10' }, before: { bounced: ['pcc@testshire.example'] }, after: { sent: ['pcc@testshire.example'], failed: [] } }),
    ]);
    const page = await (await app.request('/admin/summaries/2026-10')).text();
    expect(page).not.toContain('bounced, as the email service reported');
    expect(page).toContain('2 of the 3 board members have had it.');

    // Pressed again (a second admin, a reload): not bounced any more, so nothing is sent or audited, and the page says so.
    const again = await sendAfterBounce('2026-10', 'pcc@testshire.example');
    expect(again.headers.get('location')).toBe('/admin/summaries/2026-10?resent=had');
    const notAgain = await (await app.request(again.headers.get('location')!)).text();
    expect(notAgain).toMatch(/<h2[^>]*>Not sent again<\/h2>/);
    expect(notAgain).toContain('has sent the month to it again already');
    for (const plain of ['', '?resent=nonsense']) expect(await (await app.request(`/admin/summaries/2026-10${plain}`)).text()).not.toContain('Not sent again');
    expect(sent).toHaveLength(1);
    expect(audit.entries).toHaveLength(1);
    // A late or repeated bounce event about the first send does not mark the second.
    expect(await summaries.markBounced('2026-10', 'pcc@testshire.example', { messageId: 'm-earlier', sentAt: new Date('2026-11-02T07:30:01Z') })).toBe(false);
    expect(await (await app.request('/admin/summaries/2026-10')).text()).not.toContain('bounced, as the email service reported');
  });

  it('sends a bounced month once when pressed twice at once (a double click), and keeps the other bounced address on the page', async () => {
    const first = await harness();
    await first.compile('2026-10');
    await first.summaries.markBounced('2026-10', 'pcc@testshire.example');
    await first.summaries.markBounced('2026-10', 'chief@testshire.example');
    const { app, sendAfterBounce, sent, audit } = await harness({ summaries: first.summaries });
    const answers = await Promise.all([sendAfterBounce('2026-10', 'pcc@testshire.example'), sendAfterBounce('2026-10', 'pcc@testshire.example')]);
    expect(sent.flatMap((e) => e.to)).toEqual(['pcc@testshire.example']);
    expect(audit.entries).toHaveLength(1);
    expect(answers.map((a) => a.headers.get('location')).sort()).toEqual(['/admin/summaries/2026-10?resent=being-sent', '/admin/summaries/2026-10?sent=1&already=0&pending=0&failed=0&unknown=0&bounced=0&kept=before']);
    for (const answer of answers) {
      const page = await (await app.request(answer.headers.get('location')!)).text();
      expect(page).not.toMatch(/nobody was emailed/i);
      // Under the banner too: the other address that bounced, with its own button.
      expect(page).toContain('Send October 2026 again to chief@testshire.example');
      expect(page).not.toContain('again to pcc@testshire.example');
    }
    // The second press lands while the first sends: its page says so rather than nothing.
    expect(await (await app.request('/admin/summaries/2026-10?resent=being-sent')).text()).toContain('an earlier press, or another admin, is sending the month to it now: open this page again in a minute to see that it went.');
  });

  it('sends a bounced month again only where it may go: a bounced address on the board list, emailable as People says, a kept month, by an admin', async () => {
    const first = await harness({ board: [...config.board, 'left@testshire.example', 'dcc@testshire.example'] });
    await first.compile('2026-10');
    await first.summaries.markBounced('2026-10', 'pcc@testshire.example');
    await first.summaries.markBounced('2026-10', 'chief@testshire.example');
    await first.summaries.markBounced('2026-10', 'left@testshire.example');
    await first.summaries.releaseSent('2026-10', 'dcc@testshire.example');
    // People marks the chief's address too (the same bounce marked both): put right there first.
    const { app, sendAfterBounce, sent, audit } = await harness({
      board: [...config.board, 'left@testshire.example', 'dcc@testshire.example'],
      summaries: first.summaries,
      spam: ['chief@testshire.example'],
      left: ['left@testshire.example'],
    });
    const page = await (await app.request('/admin/summaries/2026-10')).text();
    expect(page).toContain('People marks chief@testshire.example as bounced or as spam too: once it works, mark it as working on their page in People, then send the month to it again from here.');
    expect(page).not.toContain('again to chief@testshire.example');
    expect(page).toContain('Send October 2026 again to pcc@testshire.example');
    const refused = await sendAfterBounce('2026-10', 'chief@testshire.example');
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('People marks chief@testshire.example as bounced or as spam. Once the address works, mark it as working on their page in People; then send the month to it from the month’s page.');
    const leaver = await sendAfterBounce('2026-10', 'left@testshire.example');
    expect(leaver.status).toBe(409);
    expect(await leaver.text()).toContain('left@testshire.example has left, as People says, so the summary is not sent to them');
    const offList = await sendAfterBounce('2026-10', 'someone@elsewhere.example');
    expect(offList.status).toBe(409);
    expect(await offList.text()).toContain('someone@elsewhere.example is not on the config’s board list, so the summary is not sent to it.');
    // Never bounced (not had it): this button is not how it is sent, so nothing is sent or audited.
    expect((await sendAfterBounce('2026-10', 'dcc@testshire.example')).headers.get('location')).toBe('/admin/summaries/2026-10');
    expect((await sendAfterBounce('2026-09', 'pcc@testshire.example')).status).toBe(404);
    expect((await sendAfterBounce('not-a-month', 'pcc@testshire.example')).status).toBe(404);

    const board = await harness({ session: boardSession, summaries: first.summaries });
    expect((await board.sendAfterBounce('2026-10', 'pcc@testshire.example')).status).toBe(403);
    expect(await (await board.app.request('/admin/summaries/2026-10')).text()).not.toContain('Send October 2026 again');
    expect([...sent, ...board.sent]).toEqual([]);
    expect(audit.entries).toEqual([]);
    expect(await first.summaries.listSendClaims('2026-10')).toEqual(expect.arrayContaining([expect.objectContaining({ recipient: 'pcc@testshire.example', bounced: true })]));
  });

  it('gives the bounce back and says so in the audit log when the send after it fails', async () => {
    const first = await harness();
    await first.compile('2026-10');
    await first.summaries.markBounced('2026-10', 'pcc@testshire.example');
    const { app, sendAfterBounce, audit } = await harness({ summaries: first.summaries, refuse: () => true });
    const response = await sendAfterBounce('2026-10', 'pcc@testshire.example');
    expect(response.headers.get('location')).toBe('/admin/summaries/2026-10?sent=0&already=0&pending=0&failed=1&unknown=0&bounced=0&kept=before');
    expect(audit.entries).toEqual([expect.objectContaining({ change: 'send-summary-after-bounce', before: { bounced: ['pcc@testshire.example'] }, after: { sent: [], failed: ['pcc@testshire.example'] } })]);
    // Not had it now, and offered with the others who have not.
    expect(await (await app.request('/admin/summaries/2026-10')).text()).toMatch(/Send October 2026 to the 1 board member who has not had it\s*<\/button>/);

    // A run that stops with an error (no mail client at all): the bounce given back is in the log all the same.
    const stopped = await harness({ summaries: first.summaries, mailerDown: true });
    await first.summaries.markBounced('2026-10', 'chief@testshire.example');
    expect((await stopped.sendAfterBounce('2026-10', 'chief@testshire.example')).status).toBe(500);
    expect(stopped.audit.entries).toEqual([expect.objectContaining({ before: { bounced: ['chief@testshire.example'] }, after: { error: 'The mail client could not be loaded' } })]);
  });

  it('says a kept month is being sent by another run, and offers no button while it may be', async () => {
    const { compile, summaries } = await harness({ board: ['chief@testshire.example'] });
    await compile('2026-10');
    // A second board member whom another run claimed a minute ago and has not confirmed yet.
    await summaries.claimSend('2026-10', 'pcc@testshire.example', new Date(now.getTime() - 60_000));
    const page = await (await (await harness({ summaries })).app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(page).toContain('1 of the 2 board members has had it.');
    expect(page).toContain('1 board member is being sent it by another run, or by one that stopped: if they do not get it, send it again from here in 15 minutes.');
    expect(page).not.toContain('who has not had it');
  });

  it('says a kept month went to nobody when the config lists no board members', async () => {
    const { app, compile } = await harness({ board: [] });
    await compile('2026-10');
    const html = await (await app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(html).toContain('This month is kept already: this is the summary as it was kept.');
    expect(html).toContain('lists no board members, so keeping it emails nobody');
    expect(html).not.toContain('has had it');
    expect(html).not.toContain('who has not had it');
  });

  it('after a send that failed for one board member, offers to send it again, and that sends it to them alone', async () => {
    const failOnce = new Set(['pcc@testshire.example']);
    const failing = await harness({ refuse: (email) => email.to.some((to) => failOnce.delete(to)) });
    const first = await failing.compile('2026-10');
    expect(first.headers.get('location')).toBe('/admin/summaries/2026-10?sent=1&already=0&pending=0&failed=1&unknown=0&bounced=0');
    const page = await (await failing.app.request(first.headers.get('location')!)).text();
    expect(page).toContain('It could not be sent to 1 board member: send it again from here to retry; nobody who had it is sent it twice.');
    // Not the green of a plain success: the title says at once that it did not reach everyone.
    expect(page).toMatch(/<div class="notification-important"[^>]*><h2[^>]*>Kept and sent to 1 board member, but not to everyone<\/h2>/);
    // Nobody has had it: no "0 of 2" sentence, the count of those who have not says it.
    const noneHadIt = await harness({ refuse: () => true });
    await noneHadIt.compile('2026-10');
    const noneHadItPage = await (await noneHadIt.app.request('/admin/summaries/2026-10')).text();
    expect(noneHadItPage).toContain('Not every board member on the list has had this summary.</p>');
    expect(noneHadItPage).toContain('2 board members have not had it');
    expect(noneHadItPage).not.toMatch(/0 of/);
    expect(await (await failing.app.request('/admin/summaries/2026-10?sent=0&already=0&pending=0&failed=2&unknown=0')).text()).toMatch(
      /<div class="notification-important"[^>]*><h2[^>]*>Kept, but it could not be sent<\/h2>/,
    );
    expect(page).toContain('<input type="hidden" name="month" value="2026-10"/>');
    expect(page).toMatch(/Send October 2026 to any board member who has not had it\s*<\/button>/);
    // Without a failure the banner has no such button.
    expect(await (await failing.app.request('/admin/summaries/2026-10?sent=2&already=0&pending=0&failed=0&unknown=0')).text()).not.toContain('who has not had it');
    // Nor while another run may still be sending: pressing it then would send nothing.
    expect(await (await failing.app.request('/admin/summaries/2026-10?sent=1&already=0&pending=1&failed=0&unknown=0')).text()).not.toContain('who has not had it');

    // A board member given the same address reads the banner without a button that would refuse them.
    const board = await harness({ session: boardSession });
    await board.summaries.putSnapshot((await failing.summaries.getSnapshot('2026-10'))!);
    const boardPage = await (await board.app.request(first.headers.get('location')!)).text();
    expect(boardPage).toContain('It could not be sent to 1 board member: an admin can send it again to retry');
    expect(boardPage).not.toContain('who has not had it');
    expect(await (await board.app.request('/admin/summaries/2026-10')).text()).not.toContain('has had it');

    // Opened later without the banner's counts (a scheduled run's failure looks the same), the month says so too.
    const monthPage = await (await failing.app.request('/admin/summaries/2026-10')).text();
    expect(monthPage).toContain('Not every board member on the list has had this summary. 1 of the 2 board members has had it.');
    expect(monthPage).toMatch(/Send October 2026 to the 1 board member who has not had it\s*<\/button>/);
    // The month's preview says the same, and its button names how many it goes to.
    const preview = await (await failing.app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(preview).toContain('1 of the 2 board members has had it.');
    expect(preview).toMatch(/Send October 2026 to the 1 board member who has not had it\s*<\/button>/);

    const retry = await failing.compile('2026-10');
    expect(retry.headers.get('location')).toBe('/admin/summaries/2026-10?sent=1&already=1&pending=0&failed=0&unknown=0&bounced=0&kept=before');
    expect(failing.sent.flatMap((e) => e.to)).toEqual(['chief@testshire.example', 'pcc@testshire.example']);
    // Everyone has had it now: the month's page has nothing to ask.
    expect(await (await failing.app.request('/admin/summaries/2026-10')).text()).not.toContain('has had it');
  });

  it('sends nothing to a board member who has left, and says why they are not sent it', async () => {
    const { app, compile, sent } = await harness({ left: ['pcc@testshire.example'] });
    const preview = await (await app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(preview).toMatch(/Compile and send October 2026 to 1 board member\s*<\/button>/);
    expect(preview).toContain('1 board member on the config’s list has left, as the People page says, and is not sent it (pcc@testshire.example): ask whoever deploys the system to take them off the list.');
    expect((await compile('2026-10')).headers.get('location')).toBe('/admin/summaries/2026-10?sent=1&already=0&pending=0&failed=0&unknown=0&bounced=0');
    expect(sent.flatMap((e) => e.to)).toEqual(['chief@testshire.example']);
    const kept = await (await app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(kept).toContain('Every board member has had it (1).');
    expect(kept).not.toContain('who has not had it');
    expect(kept).not.toContain('lists no board members');

    // Everyone on the list has left: said so, not that the config lists nobody.
    const allLeft = await harness({ left: config.board });
    const page = await (await allLeft.app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(page).toContain('2 board members on the config’s list have left');
    expect(page).not.toContain('lists no board members');
  });

  it('sends nothing to a board member whose address cannot be emailed, says so, and offers it once the address is put right', async () => {
    const { app, compile, sent, repository } = await harness({ spam: ['pcc@testshire.example'] });
    const note =
      '1 board member on the config’s list cannot be emailed: People marks their address as bounced or as spam, so they are not sent it (pcc@testshire.example). Put the address right on their page in People, then send the month to them from here.';
    const preview = await (await app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(preview).toMatch(/Compile and send October 2026 to 1 board member\s*<\/button>/);
    expect(preview).toContain(note);
    await compile('2026-10');
    expect(sent.flatMap((e) => e.to)).toEqual(['chief@testshire.example']);
    const kept = await (await app.request('/admin/summaries/2026-10')).text();
    expect(kept).toContain('Not every board member on the list has had this summary. 1 of the 2 board members has had it.');
    expect(kept).toContain(note);
    expect(kept).not.toContain('who has not had it');

    const person = (await repository.getPerson(personIdFromEmail('pcc@testshire.example')))!;
    await repository.markMailStatus(person.id, person.email, 'ok', ['complained']);
    const mended = await (await app.request('/admin/summaries/2026-10')).text();
    expect(mended).not.toContain('cannot be emailed');
    expect(mended).toMatch(/Send October 2026 to the 1 board member who has not had it\s*<\/button>/);
  });

  it('says when the email service took a send without confirming it, and offers no send again until the claim has timed out', async () => {
    const { compile, app, audit } = await harness({ loseAnswer: (email) => email.to.includes('pcc@testshire.example') });
    const response = await compile('2026-10');
    expect(response.headers.get('location')).toBe('/admin/summaries/2026-10?sent=1&already=0&pending=0&failed=0&unknown=1&bounced=0');
    const page = await (await app.request(response.headers.get('location')!)).text();
    expect(page).toContain('Kept and sent to 1 board member, but not to everyone');
    expect(page).toContain('For 1 board member the email service did not say whether it took the email, so they may have it. Ask them before sending it again');
    expect(page).not.toContain('who has not had it');
    expect(audit.entries.at(-1)).toMatchObject({ after: { sent: ['chief@testshire.example'], failed: [], notKnownIfSent: ['pcc@testshire.example'] } });
  });

  it('counts each board mailbox once on the button, and says when the config lists none', async () => {
    const twice = await harness({ board: ['chief@testshire.example', ' Chief@Testshire.example', 'pcc@testshire.example'] });
    expect(await (await twice.app.request('/admin/summaries/preview?month=2026-10')).text()).toMatch(/Compile and send October 2026 to 2 board members\s*<\/button>/);
    const none = await harness({ board: [] });
    const html = await (await none.app.request('/admin/summaries/preview?month=2026-10')).text();
    expect(html).toContain('lists no board members, so keeping it emails nobody');
    expect(html).toMatch(/Compile and keep October 2026\s*<\/button>/);
    expect(html).not.toContain('0 board members');
  });

  it('offers the form to admins only, and refuses a board member’s POST', async () => {
    const admin = await harness();
    expect(await (await admin.app.request('/admin/summaries')).text()).toContain('Compile a month now');
    const board = await harness({ session: boardSession });
    expect((await board.app.request('/admin/summaries/preview?month=2026-10')).status).toBe(403);
    expect(await (await board.app.request('/admin/summaries')).text()).not.toContain('Compile a month now');
    expect((await board.compile('2026-10')).status).toBe(403);
    expect(board.sent).toEqual([]);
  });
});

describe('the list of summaries before any is kept', () => {
  it('says when the schedule keeps one, and tells an admin (not a board member) that an ended month can be compiled now', async () => {
    const admin = await (await (await harness()).app.request('/admin/summaries')).text();
    expect(admin).toContain('No summary has been kept yet. Each month is compiled and kept on the first working day after it ends, and emailed to the board. A month that has ended can be compiled now, below.');
    expect(admin).not.toContain('next month');
    const board = await (await (await harness({ session: boardSession })).app.request('/admin/summaries')).text();
    expect(board).toContain('emailed to the board.</p>');
    expect(board).not.toContain('compiled now');
  });
});
