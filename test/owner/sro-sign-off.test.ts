import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import type { Action } from '../../functions/core/model/action.js';
import { startDynamoFixture, type DynamoFixture } from '../adapters/dynamo-fixture.js';
import { makeAction, makePerson } from '../support/make-action.js';
import { sendFreshLink } from '../../functions/core/owner/request-fresh-link.js';
import { closureEmailsPerDay, notifyOfClosure } from '../../functions/core/owner/notify-of-closure.js';
import { addUpdateOnBehalf } from '../../functions/core/admin/actions/add-update-on-behalf.js';
import { alex, blake, config, ownerHarness, planActions, postForm, startNow, type OwnerHarness } from './owner-fixture.js';

/**
 * Blake is SRO of 3.01 (Alex proposes closure), 3.02 (Alex's, open and stale), 3.03 (Blake's own, so
 * not in his portfolio) and 3.04 (closed, so not either).
 */
function sroPlan(): Action[] {
  return [
    ...planActions(),
    makeAction({ id: '301', ref: '3.01', area: 'Leadership', ownerIds: ['alex'], sroId: 'blake', text: 'Publish the leadership charter.', status: 'proposed-closure', lastUpdatedAt: '2026-11-25T10:00:00.000Z', version: 4 }),
    makeAction({ id: '302', ref: '3.02', area: 'Leadership', ownerIds: ['alex'], sroId: 'blake', text: 'Review the promotion process.', lastUpdatedAt: '2026-08-01T10:00:00.000Z' }),
    makeAction({ id: '303', ref: '3.03', area: 'Leadership', ownerIds: ['blake'], sroId: 'blake', text: 'Blake owns this one.', lastUpdatedAt: '2026-11-20T10:00:00.000Z' }),
    makeAction({ id: '304', ref: '3.04', area: 'Leadership', ownerIds: ['alex'], sroId: 'blake', text: 'Already closed.', status: 'closed', lastUpdatedAt: '2026-10-01T10:00:00.000Z' }),
  ];
}

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';

describe('the SRO opening or deciding a closure that is no longer theirs to decide', () => {
  it('is told it is not open to them, with a way back, and keeps a typed reason when the action moved meanwhile', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const token = await h.linkFor('blake');
    for (const id of ['303', '304', 'nope']) {
      const response = await h.app.request(`/u/${token}/sign-off/${id}`);
      expect(response.status, id).toBe(404);
      const html = await response.text();
      expect(titleOf(html), id).toMatch(/^This action is no longer open to you/);
      expect(html, id).toContain(`<a href="/u/${token}">Go to your actions</a>`);
      // An SRO's own earlier decision, from another tab or an old email, lands here too.
      expect(html, id).toContain('(perhaps by you, in another tab or from an earlier email)');
    }
    // Given to another SRO while Blake wrote why he is returning it.
    const moved = (await h.repository.getAction('301'))!;
    await h.repository.putAction({ ...moved, sroId: 'alex', version: moved.version + 1 }, moved.version);
    const response = await postForm(h.app, `/u/${token}/sign-off/301/return`, { version: '4', returnReason: 'BLAKE WROTE THIS REASON' });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(titleOf(html)).toMatch(/^This action is no longer open to you/);
    expect(html).toContain('BLAKE WROTE THIS REASON');
  });
});

describe('the SRO on their own link', () => {
  it('sees their portfolio under their own actions: closures to sign off first, with the owners named', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const html = await (await h.app.request(`/u/${await h.linkFor('blake')}`)).text();
    const portfolio = html.slice(html.indexOf('Your portfolio as senior responsible officer'));
    expect(portfolio).toContain('2 actions owned by others: 1 awaiting your sign-off, 1 overdue or needing an update.');
    expect(portfolio.indexOf('3.01')).toBeLessThan(portfolio.indexOf('3.02'));
    expect(portfolio).toContain('<dt>Owner</dt><dd>Supt Alex Morgan</dd>');
    expect(portfolio).toMatch(/class="button" href="\/u\/[^/]+\/sign-off\/301"/);
    // Any other action of the portfolio can be read, with no button to decide anything.
    const readLink = /<a href="(\/u\/[^/]+\/sign-off\/302)">Read 3.02’s plan and latest updates<\/a>/.exec(portfolio);
    expect(readLink).not.toBeNull();
    const readOnly = await (await h.app.request(readLink![1]!)).text();
    expect(readOnly).toContain('Owned by Supt Alex Morgan. It is not awaiting your sign-off.');
    expect(titleOf(readOnly)).toMatch(/^3\.02: plan and latest updates – /);
    expect(readOnly).toContain('Review the promotion process.');
    expect(readOnly).not.toContain('<form method="post"');
    expect(portfolio).not.toContain('3.03');
    expect(html).not.toContain('3.04');
    // One updated lately needs nothing from the SRO: it is folded away below the two that do.
    const calm = await ownerHarness({ actions: [...sroPlan(), makeAction({ id: '309', ref: '3.09', ownerIds: ['alex'], sroId: 'blake', lastUpdatedAt: '2026-11-25T10:00:00.000Z' })] });
    const folded = await (await calm.app.request(`/u/${await calm.linkFor('blake')}`)).text();
    expect(folded).toContain('3 actions owned by others: 1 awaiting your sign-off, 1 overdue or needing an update.');
    expect(folded).toMatch(/<details class="change-section"><summary>See the other one, which needs nothing from you now<\/summary><ul class="action-list"><li class="action-card"><h3 class="action-card-title">3\.09/);
    expect(folded.indexOf('<details')).toBeGreaterThan(folded.indexOf('sign-off/302'));
    // His own action is in his own list, with the update button.
    expect(html.slice(0, html.indexOf('Your portfolio'))).toContain('3.03');

    const alexPage = await (await h.app.request(`/u/${await h.linkFor('alex')}`)).text();
    expect(alexPage).not.toContain('Your portfolio');
    // The owner's own closure awaits its SRO: it is not counted as open.
    expect(alexPage).toContain('Supt Alex Morgan: 4 open actions and 1 awaiting sign-off. Of these, 3 need an update.');
  });

  it('is told of their portfolio in the email with a fresh link, as well as of their own actions', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    await sendFreshLink(h.deps, blake, startNow);
    expect(h.sent.at(-1)!.text).toMatch(/You have \d+ actions \([^)]*3\.03[^)]*\)/);
    expect(h.sent.at(-1)!.text).toContain('As senior responsible officer, you have 2 actions owned by others in your portfolio; 1 awaits your sign-off.');
    await sendFreshLink(h.deps, alex, startNow);
    expect(h.sent.at(-1)!.text).not.toContain('senior responsible officer');
    // An SRO who owns nothing is sent a link to their portfolio, not to update actions they do not have.
    await h.repository.putPerson(makePerson({ id: 'casey', name: 'ACC Casey Lane', email: 'casey.lane@testshire.example' }));
    await h.repository.putAction(makeAction({ id: '308', ref: '3.08', ownerIds: ['alex'], sroId: 'casey' }), null);
    await sendFreshLink(h.deps, (await h.repository.getPerson('casey'))!, startNow);
    expect(h.sent.at(-1)).toMatchObject({ subject: 'Your link to your portfolio' });
    expect(h.sent.at(-1)!.text).toContain('you have 1 action owned by others in your portfolio; none awaits your sign-off.');
    expect(h.sent.at(-1)!.text).toContain('Open your personal link to see your portfolio:');
  });

  it('opens the sign-off page, never cached, writing nothing on GET or HEAD', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const token = await h.linkFor('blake');
    const writes = h.repository.writes;
    const response = await h.app.request(`/u/${token}/sign-off/301`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(titleOf(html)).toMatch(/^Sign off 3\.01 – /);
    expect(html).toContain('Owned by Supt Alex Morgan, who believes it is complete.');
    expect(html).toContain('Publish the leadership charter.');
    expect(html).toContain('<input type="hidden" name="version" value="4"/>');
    expect((await h.app.request(`/u/${token}/sign-off/301`, { method: 'HEAD' })).status).toBe(200);
    expect(h.repository.writes).toBe(writes);
  });

  it('signs off: the action is closed, its history says by the SRO via link, and the page confirms it', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const token = await h.linkFor('blake');
    const response = await postForm(h.app, `/u/${token}/sign-off/301`, { version: '4' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/u/${token}?signed-off=301&at=${h.clock.now().getTime()}`);
    const action = await h.repository.getAction('301');
    expect(action).toMatchObject({ status: 'closed', version: 5, lastUpdatedAt: '2026-11-25T10:00:00.000Z' });
    expect(await h.repository.listUpdates('301')).toEqual([
      expect.objectContaining({ by: 'blake', via: 'link', countsAsProgress: false, changes: [{ field: 'status', from: 'proposed-closure', to: 'closed' }] }),
    ]);
    const page = await (await h.app.request(response.headers.get('location')!)).text();
    expect(page).toContain('3.01 signed off: it is closed');
    expect(page).not.toContain('/sign-off/301');
    // The same address opened a day later says nothing it did not just do.
    h.clock.set(new Date(h.clock.now().getTime() + 86_400_000));
    expect(await (await h.app.request(response.headers.get('location')!)).text()).not.toContain('signed off: it is closed');
  });

  it('does not tell the SRO they signed off a closure an admin signed off since the page was opened', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const token = await h.linkFor('blake');
    const action = (await h.repository.getAction('301'))!;
    await h.repository.saveUpdate({
      actionId: '301', version: 5, at: '2026-11-26T09:00:00.000Z', by: 'admin@t.example', onBehalfOf: null, via: 'admin',
      patch: { status: 'closed' }, changes: [{ field: 'status', from: action.status, to: 'closed' }], countsAsProgress: false,
    });
    const response = await postForm(h.app, `/u/${token}/sign-off/301`, { version: '4' });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('This action is no longer open to you');
    expect(html).not.toContain('signed off: it is closed');
    expect(await h.repository.listUpdates('301')).toHaveLength(1);
    expect(h.sent).toEqual([]);
  });

  it('tells the owners their closure was signed off: the ref, who and a fresh link, never the text; a second click tells nobody again', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const token = await h.linkFor('blake');
    await postForm(h.app, `/u/${token}/sign-off/301`, { version: '4' });
    expect(h.sent.map((e) => [e.to, e.subject])).toEqual([[[alex.email], 'Action 3.01 is signed off and closed']]);
    const [email] = h.sent;
    expect(email!.text).toContain(`${blake.name} has signed off action 3.01`);
    expect(email!.text).toMatch(/\/u\/[A-Za-z0-9_-]{43}\n/);
    for (const part of [email!.text, email!.html]) expect(part).not.toContain('leadership charter');
    await postForm(h.app, `/u/${token}/sign-off/301`, { version: '4' });
    expect(h.sent).toHaveLength(1);
  });

  it('lets nobody else sign off: the owner, another SRO and a stranger get "not found", and nothing is written', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const writes = h.repository.writes;
    const alexToken = await h.linkFor('alex');
    expect((await h.app.request(`/u/${alexToken}/sign-off/301`)).status).toBe(404);
    expect((await postForm(h.app, `/u/${alexToken}/sign-off/301`, { version: '4' })).status).toBe(404);
    const blakeToken = await h.linkFor('blake');
    for (const id of ['101', 'nope']) expect((await postForm(h.app, `/u/${blakeToken}/sign-off/${id}`, { version: '1' })).status).toBe(404);
    // One of his closed already, not by his own sign-off: no longer his to decide, and nothing written.
    expect((await postForm(h.app, `/u/${blakeToken}/sign-off/304`, { version: '1' })).status).toBe(404);
    expect((await postForm(h.app, `/u/${'x'.repeat(43)}/sign-off/301`, { version: '4' })).status).toBe(404);
    expect((await postForm(h.app, `/u/${blakeToken}/sign-off/301`, { version: '4' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect(h.repository.writes).toBe(writes);
    expect((await h.repository.getAction('301'))!.status).toBe('proposed-closure');
  });

  it('lets no SRO decide the closure of an action they own or co-own, which is an admin\'s to sign off', async () => {
    const ownClosures = [
      ...sroPlan(),
      makeAction({ id: '306', ref: '3.06', ownerIds: ['blake'], sroId: 'blake', status: 'proposed-closure', lastUpdatedAt: '2026-11-25T10:00:00.000Z', version: 2 }),
      makeAction({ id: '307', ref: '3.07', ownerIds: ['alex', 'blake'], sroId: 'blake', status: 'proposed-closure', lastUpdatedAt: '2026-11-25T10:00:00.000Z', version: 2 }),
    ];
    const h = await ownerHarness({ actions: ownClosures });
    const token = await h.linkFor('blake');
    const writes = h.repository.writes;
    for (const id of ['306', '307']) {
      expect((await h.app.request(`/u/${token}/sign-off/${id}`)).status).toBe(404);
      expect((await postForm(h.app, `/u/${token}/sign-off/${id}`, { version: '2' })).status).toBe(404);
      expect((await postForm(h.app, `/u/${token}/sign-off/${id}/return`, { version: '2', returnReason: 'Not evidenced.' })).status).toBe(404);
      expect((await h.repository.getAction(id))!.status).toBe('proposed-closure');
    }
    expect(h.repository.writes).toBe(writes);
    expect(await (await h.app.request(`/u/${token}`)).text()).not.toMatch(/sign-off\/30[67]/);
  });

  it('keeps what the owner typed when the SRO closed the action while they were writing', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const alexToken = await h.linkFor('alex');
    expect((await postForm(h.app, `/u/${await h.linkFor('blake')}/sign-off/301`, { version: '4' })).status).toBe(303);
    const writes = h.repository.writes;
    const late = await postForm(h.app, `/u/${alexToken}/actions/301`, { version: '4', progress: 'Charter <b>published</b> on the intranet.', confidence: 'high', targetMonth: '', targetYear: '' });
    expect(late.status).toBe(404);
    const html = await late.text();
    expect(titleOf(html)).toMatch(/^This action is no longer open to you/);
    expect(html).toContain('Charter &lt;b&gt;published&lt;/b&gt; on the intranet.');
    expect(html).toContain(`href="/u/${alexToken}"`);
    expect(h.repository.writes).toBe(writes);
  });

  it('closes nothing from an out-of-date page: the current state instead, saying why', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const token = await h.linkFor('blake');
    const writes = h.repository.writes;
    const response = await postForm(h.app, `/u/${token}/sign-off/301`, { version: '3' });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('3.01 changed after you opened it, so it was not signed off.');
    expect(html).toContain('<input type="hidden" name="version" value="4"/>');
    // An action that is not proposed for closure has no button, and a forged POST closes nothing.
    const open = await postForm(h.app, `/u/${token}/sign-off/302`, { version: '1' });
    expect(open.status).toBe(409);
    expect(await open.text()).toContain('It is not awaiting your sign-off.');
    expect((await postForm(h.app, `/u/${token}/sign-off/301`, {})).status).toBe(400);
    expect(h.repository.writes).toBe(writes);
  });
});

describe('the SRO returns a closure that is not complete', () => {
  const reason = 'The audit report is not attached yet.';

  it('opens it again with the reason in its history, emails the owners (no reason, no text) and says so', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const token = await h.linkFor('blake');
    const response = await postForm(h.app, `/u/${token}/sign-off/301/return`, { version: '4', returnReason: `  ${reason}  ` });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/u/${token}?returned=301&at=${h.clock.now().getTime()}`);
    expect(await h.repository.getAction('301')).toMatchObject({ status: 'open', version: 5, lastUpdatedAt: '2026-11-25T10:00:00.000Z' });
    expect(await h.repository.listUpdates('301')).toEqual([
      expect.objectContaining({
        by: 'blake',
        via: 'link',
        countsAsProgress: false,
        changes: [
          { field: 'status', from: 'proposed-closure', to: 'open' },
          { field: 'reason', from: null, to: reason },
        ],
      }),
    ]);
    expect(h.sent.map((e) => [e.to, e.subject])).toEqual([[[alex.email], 'Action 3.01 is not signed off: it is open again']]);
    for (const part of [h.sent[0]!.text, h.sent[0]!.html]) {
      expect(part).toContain(`${blake.name} has not signed off action 3.01`);
      expect(part).not.toContain('attached');
      expect(part).not.toContain('leadership charter');
    }
    expect(await (await h.app.request(response.headers.get('location')!)).text()).toContain('3.01 returned to its owners: it is open again');
    // The owner reads the reason beside their form.
    const alexToken = await h.linkFor('alex');
    expect(await (await h.app.request(`/u/${alexToken}/actions/301`)).text()).toContain(`Reason: <span class="prose">${reason}</span>`);
  });

  it('puts a returned closure first in its owner\'s list, tagged, with the reason atop its page until they update it', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    expect((await postForm(h.app, `/u/${await h.linkFor('blake')}/sign-off/301/return`, { version: '4', returnReason: reason })).status).toBe(303);
    const alexToken = await h.linkFor('alex');
    const list = await (await h.app.request(`/u/${alexToken}`)).text();
    const cards = list.split('<li class="action-card">').slice(1);
    expect(cards[0]).toContain('3.01<span class="tag tag-closure">Open again: see why</span>');
    expect(cards.filter((card) => card.includes('Open again'))).toHaveLength(1);
    // Not on the SRO's own card of it: they gave the reason.
    expect(await (await h.app.request(`/u/${await h.linkFor('blake')}`)).text()).not.toContain('Open again');
    // It is counted with those needing an update: 1.01, 1.03 and 3.02 are stale, 3.01 is open again.
    expect(list).toContain('5 open actions. Of these, 4 need an update.');
    // The fresh-link email counts it the same way.
    await sendFreshLink(h.deps, alex, startNow);
    expect(h.sent.at(-1)!.text).toContain('4 need an update');
    const page = await (await h.app.request(`/u/${alexToken}/actions/301`)).text();
    const notice = page.slice(page.indexOf('<h1>'), page.indexOf('<h2>'));
    expect(notice).toContain(`${blake.name} returned this action to its owners on 27 November 2026`);
    expect(notice).toContain(`<p class="prose">${reason}</p>`);
    // Once the owner writes an update, it is an ordinary open action again.
    h.clock.set(new Date(startNow.getTime() + 60_000));
    const update = { version: '5', progress: 'Charter evidence added.', confidence: 'high', confidenceNarrative: '', targetMonth: '', targetYear: '', timescaleReason: '' };
    expect((await postForm(h.app, `/u/${alexToken}/actions/301`, update)).status).toBe(303);
    expect(await (await h.app.request(`/u/${alexToken}`)).text()).not.toContain('Open again');
    expect(await (await h.app.request(`/u/${alexToken}/actions/301`)).text()).not.toContain('returned this action to its owners');
  });

  it('asks for the reason with the GOV.UK error pattern, keeps what was typed, and writes and sends nothing', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const token = await h.linkFor('blake');
    const writes = h.repository.writes;
    const empty = await postForm(h.app, `/u/${token}/sign-off/301/return`, { version: '4', returnReason: '   ' });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(titleOf(html)).toMatch(/^Error: Sign off 3\.01/);
    expect(html).toContain('<a href="#returnReason">Enter why it is not complete yet</a>');
    expect(html).toContain('aria-describedby="returnReason-hint returnReason-error"');
    const long = 'x'.repeat(2001);
    const tooLong = await postForm(h.app, `/u/${token}/sign-off/301/return`, { version: '4', returnReason: long });
    expect(tooLong.status).toBe(400);
    const longHtml = await tooLong.text();
    expect(longHtml).toContain('Your reason must be 2,000 characters or fewer');
    expect(longHtml).toContain(`>${long}</textarea>`);
    expect(h.repository.writes).toBe(writes);
    expect(h.sent).toEqual([]);
  });

  it('lets nobody else return it, refuses a cross-site POST, and keeps the reason when the link is refused', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const writes = h.repository.writes;
    const alexToken = await h.linkFor('alex');
    expect((await postForm(h.app, `/u/${alexToken}/sign-off/301/return`, { version: '4', returnReason: reason })).status).toBe(404);
    const blakeToken = await h.linkFor('blake');
    expect((await postForm(h.app, `/u/${blakeToken}/sign-off/301/return`, { version: '4', returnReason: reason }, { origin: 'https://evil.example' })).status).toBe(403);
    const refused = await postForm(h.app, `/u/${'x'.repeat(43)}/sign-off/301/return`, { version: '4', returnReason: reason });
    expect(refused.status).toBe(404);
    const kept = await refused.text();
    expect(kept).toContain(reason);
    // An SRO's reason is no "update": the page says what was not saved in words that fit both.
    expect(kept).toContain('What you wrote was not saved.');
    expect((await h.app.request(`/u/${blakeToken}/sign-off/301/return`)).status).toBe(404);
    expect(h.repository.writes).toBe(writes);
    expect((await h.repository.getAction('301'))!.status).toBe('proposed-closure');
  });

  it('returns nothing from an out-of-date page, keeping the reason typed; a second click is done already', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const token = await h.linkFor('blake');
    const stale = await postForm(h.app, `/u/${token}/sign-off/301/return`, { version: '3', returnReason: reason });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('3.01 changed after you opened it, so it was not returned.');
    expect(html).toContain(`>${reason}</textarea>`);
    expect(await h.repository.listUpdates('301')).toEqual([]);

    const first = await postForm(h.app, `/u/${token}/sign-off/301/return`, { version: '4', returnReason: reason });
    const second = await postForm(h.app, `/u/${token}/sign-off/301/return`, { version: '4', returnReason: reason });
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(await h.repository.listUpdates('301')).toHaveLength(1);
    expect(h.sent).toHaveLength(1);
    // A different reason on the same old page is someone else's change to the SRO: a conflict, nothing lost.
    const other = await postForm(h.app, `/u/${token}/sign-off/301/return`, { version: '4', returnReason: 'Something else.' });
    expect(other.status).toBe(409);
    expect(await other.text()).toContain('Something else.');
  });

  it('says the action changed, keeping the reason, when the page is out of date and the reason would be refused too', async () => {
    const h = await ownerHarness({ actions: sroPlan() });
    const token = await h.linkFor('blake');
    // The owner withdrew the closure since the page (version 3) was opened: it has no return form now.
    const long = `Not attached. ${'x'.repeat(2100)}`;
    for (const returnReason of ['', long]) {
      const response = await postForm(h.app, `/u/${token}/sign-off/301/return`, { version: '3', returnReason });
      expect(response.status).toBe(409);
      const html = await response.text();
      expect(html).toContain('3.01 changed after you opened it, so it was not returned.');
      expect(html).not.toContain('error-summary');
      if (returnReason) expect(html).toContain(long);
    }
    expect(await h.repository.listUpdates('301')).toEqual([]);
  });
});

describe('the SRO sign-off on DynamoDB (dynalite)', () => {
  let dynamo: DynamoFixture;
  beforeAll(async () => {
    dynamo = await startDynamoFixture();
  });
  afterAll(() => dynamo?.close());

  /** The SRO's page posted ten times at once, as repeated clicks would: each its own request, a millisecond apart at least. */
  async function tenClicks(action: string, fields: Record<string, string>) {
    const repository = new DynamoRepository(dynamo.doc, await dynamo.createTable());
    const h = await ownerHarness({ repository, actions: sroPlan() });
    const token = await h.linkFor('blake');
    // With one frozen instant, all ten would build the very same update, which saveUpdate rightly
    // accepts as a retry of a save that went through.
    let tick = 0;
    h.clock.now = () => new Date(startNow.getTime() + tick++);
    const responses = await Promise.all(Array.from({ length: 10 }, () => postForm(h.app, `/u/${token}/sign-off/301${action}`, fields)));
    return { repository, sent: h.sent, responses };
  }

  it('closes once from 10 parallel sign-offs of the same page (a double-click): one history entry, one email to the owner, each told it is closed', async () => {
    const { repository, sent, responses } = await tenClicks('', { version: '4' });
    // Whether a repeat finds the action closed, races the first to the write or is the same update, it is done.
    expect(responses.map((r) => r.status)).toEqual(Array<number>(10).fill(303));
    expect(await repository.listUpdates('301')).toHaveLength(1);
    expect(await repository.getAction('301')).toMatchObject({ status: 'closed', version: 5 });
    expect(sent.map((e) => e.to)).toEqual([[alex.email]]);
  });

  it('returns once from 10 parallel returns of the same page: one history entry, one email to the owner, each told it is done', async () => {
    const { repository, sent, responses } = await tenClicks('/return', { version: '4', returnReason: 'Not evidenced.' });
    expect(responses.map((r) => r.status)).toEqual(Array<number>(10).fill(303));
    expect(await repository.listUpdates('301')).toHaveLength(1);
    expect(await repository.getAction('301')).toMatchObject({ status: 'open', version: 5 });
    expect(sent.map((e) => e.to)).toEqual([[alex.email]]);
  });
});

describe('asking the SRO to sign off', () => {
  /** 3.05 is Alex's, open, with Blake as SRO. */
  const withProposable = () => [...sroPlan(), makeAction({ id: '305', ref: '3.05', ownerIds: ['alex'], sroId: 'blake', text: 'SECRET closure text.', lastUpdatedAt: '2026-11-01T10:00:00.000Z' })];
  const propose = (overrides: Record<string, string> = {}) => ({ version: '1', progress: 'Done.', confidence: 'high', targetMonth: '', targetYear: '', complete: 'yes', ...overrides });

  it('emails the SRO once the owner proposes closure: the ref, the owner and their own link, never the text', async () => {
    const h = await ownerHarness({ actions: withProposable() });
    const token = await h.linkFor('alex');
    const saved = await postForm(h.app, `/u/${token}/actions/305`, propose());
    expect(saved.status).toBe(303);
    expect(h.sent).toHaveLength(1);
    const [email] = h.sent;
    expect(email).toMatchObject({ to: ['blake.reid@testshire.example'], subject: 'Action 3.05 is ready for your sign-off' });
    expect(email!.text).toContain('Supt Alex Morgan believes action 3.05');
    expect(`${email!.text}${email!.html}`).not.toContain('SECRET');
    // The button opens the closure's own page, where the SRO decides.
    const link = /https:\/\/actions\.testshire\.example(\/u\/[A-Za-z0-9_-]{43}\/sign-off\/305)\b/.exec(email!.text)![1]!;
    expect(email!.html).toContain(`href="https://actions.testshire.example${link}"`);
    const page = await (await h.app.request(link)).text();
    expect(page).toContain('<h1>Sign off 3.05</h1>');
    expect(email!.text).toContain('If it is not complete, return it to Supt Alex Morgan from the same page');
    // The owner's confirmation says what happens next.
    expect(await (await h.app.request(saved.headers.get('location')!)).text()).toContain('It now awaits sign-off by its senior responsible officer.');

    // Saving again while it is still proposed asks nobody again.
    expect((await postForm(h.app, `/u/${token}/actions/305`, propose({ version: '2', progress: 'Evidence attached.' }))).status).toBe(303);
    expect(h.sent).toHaveLength(1);
  });

  it('emails the SRO when the owner sends the form again after a save that failed before its email, and once for a double click', async () => {
    const h = await ownerHarness({ actions: withProposable() });
    const token = await h.linkFor('alex');
    // The store keeps the update and then fails, as a request that dies between its writes and the email.
    const saveUpdate = h.memory.saveUpdate.bind(h.memory);
    h.memory.saveUpdate = async (update) => {
      await saveUpdate(update);
      throw new Error('DynamoDB unavailable');
    };
    expect((await postForm(h.app, `/u/${token}/actions/305`, propose())).status).toBe(500);
    expect(h.sent).toHaveLength(0);
    h.memory.saveUpdate = saveUpdate;
    expect((await postForm(h.app, `/u/${token}/actions/305`, propose())).status).toBe(303);
    expect(h.sent.map((email) => email.subject)).toEqual(['Action 3.05 is ready for your sign-off']);
    // The same form a third time (a double click after the retry) is saved once and asks nobody again, nor after midnight.
    expect((await postForm(h.app, `/u/${token}/actions/305`, propose())).status).toBe(303);
    h.clock.set(new Date(h.clock.now().getTime() + 86_400_000));
    expect((await postForm(h.app, `/u/${token}/actions/305`, propose())).status).toBe(303);
    expect(h.sent).toHaveLength(1);
    expect(await h.repository.listUpdates('305')).toHaveLength(1);
  });

  it(`emails the SRO about one action at most ${closureEmailsPerDay} times a day, however often the box is ticked and unticked`, async () => {
    const h = await ownerHarness({ actions: withProposable() });
    const token = await h.linkFor('alex');
    for (let version = 1; version <= 2 * (closureEmailsPerDay + 2); version++) {
      const fields = propose({ version: String(version), progress: `Toggle ${version}.`, ...(version % 2 === 0 ? { complete: '' } : {}) });
      expect((await postForm(h.app, `/u/${token}/actions/305`, fields)).status).toBe(303);
    }
    expect(h.sent).toHaveLength(closureEmailsPerDay);
    // The closure still waits on the SRO's page, and the next day's proposal is emailed again.
    h.clock.set(new Date(h.clock.now().getTime() + 86_400_000));
    const version = String((await h.repository.getAction('305'))!.version);
    expect((await postForm(h.app, `/u/${token}/actions/305`, propose({ version, complete: '' }))).status).toBe(303);
    expect((await postForm(h.app, `/u/${token}/actions/305`, propose({ version: String(Number(version) + 1) }))).status).toBe(303);
    expect(h.sent).toHaveLength(closureEmailsPerDay + 1);
  });

  it('saves the closure and says so when the limit cannot be read: the SRO finds it on their page', async () => {
    const h = await ownerHarness({ actions: withProposable() });
    h.deps.rateLimits.consume = () => Promise.reject(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const saved = await postForm(h.app, `/u/${await h.linkFor('alex')}/actions/305`, propose());
      expect(saved.status).toBe(303);
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
    expect((await h.repository.getAction('305'))!.status).toBe('proposed-closure');
    expect(h.sent).toEqual([]);
  });

  it('names the co-owner who proposed the closure, not every owner, on the SRO’s page', async () => {
    const casey = makePerson({ id: 'casey', name: 'ACC Casey Lane', email: 'casey.lane@testshire.example' });
    const shared = makeAction({ id: '306', ref: '3.06', ownerIds: ['blake', 'alex'], sroId: 'casey', lastUpdatedAt: '2026-11-01T10:00:00.000Z' });
    const h = await ownerHarness({ actions: [...sroPlan(), shared] });
    await h.repository.putPerson(casey);
    expect((await postForm(h.app, `/u/${await h.linkFor('alex')}/actions/306`, propose())).status).toBe(303);
    const page = await (await h.app.request(`/u/${await h.linkFor('casey')}/sign-off/306`)).text();
    expect(page).toContain('Owned by Ch Insp Blake Reid and Supt Alex Morgan. Supt Alex Morgan believes it is complete.');
    expect(h.sent.at(-1)!.text).toContain('Supt Alex Morgan believes action 3.06');
    expect(h.sent.at(-1)!.text).toContain('If it is not complete, return it to its owners from the same page');
    // Marked so by an import, nobody is named.
    await h.repository.putAction(makeAction({ id: '307', ref: '3.07', ownerIds: ['blake', 'alex'], sroId: 'casey', status: 'proposed-closure' }), null);
    expect(await (await h.app.request(`/u/${await h.linkFor('casey')}/sign-off/307`)).text()).toContain('Owned by Ch Insp Blake Reid and Supt Alex Morgan, and proposed for closure.');
  });

  it('emails nobody when the SRO cannot receive mail, and a failed email never undoes the save', async () => {
    const h = await ownerHarness({ actions: withProposable() });
    await h.repository.putPerson({ ...(await h.repository.getPerson('blake'))!, mailStatus: 'bounced' });
    const saved = await postForm(h.app, `/u/${await h.linkFor('alex')}/actions/305`, propose());
    expect(saved.status).toBe(303);
    expect(h.sent).toEqual([]);
    // Blake still decides it, from his page.
    expect(await (await h.app.request(saved.headers.get('location')!)).text()).toContain('It now awaits sign-off by its senior responsible officer.');

    const failing = await ownerHarness({ actions: withProposable() });
    failing.deps.getMailer = async () => ({ send: async () => Promise.reject(new Error('SES throttled')) });
    const response = await postForm(failing.app, `/u/${await failing.linkFor('alex')}/actions/305`, propose());
    expect(response.status).toBe(303);
    expect((await failing.repository.getAction('305'))!.status).toBe('proposed-closure');
  });

  it('emails the admins instead when the SRO owns the action too, has left, is not in the directory or there is none: the ref and why, never the text', async () => {
    // Alex proposes 3.05 (Blake its SRO) in each case, and is told who signs it off.
    const cases: { setUp: (h: OwnerHarness) => Promise<void>; why: string }[] = [
      { setUp: async (h) => h.repository.putAction({ ...(await h.repository.getAction('305'))!, ownerIds: ['alex', 'blake'] }, 1), why: 'its senior responsible officer owns it too, and nobody signs off their own action' },
      { setUp: async (h) => h.repository.putPerson({ ...(await h.repository.getPerson('blake'))!, active: false }), why: 'its senior responsible officer has left' },
      { setUp: async (h) => h.repository.putAction({ ...(await h.repository.getAction('305'))!, sroId: 'someone-gone' }, 1), why: 'its senior responsible officer is not in the people directory' },
      { setUp: async (h) => h.repository.putAction({ ...(await h.repository.getAction('305'))!, sroId: null }, 1), why: 'it has no senior responsible officer' },
    ];
    for (const { setUp, why } of cases) {
      const h = await ownerHarness({ actions: withProposable() });
      await setUp(h);
      // The form says so before the owner ticks the box, as the page after saving does.
      expect(await (await h.app.request(`/u/${await h.linkFor('alex')}/actions/305`)).text()).toContain(`An admin will be asked to sign it off: ${why}.`);
      const version = String((await h.repository.getAction('305'))!.version);
      const saved = await postForm(h.app, `/u/${await h.linkFor('alex')}/actions/305`, propose({ version }));
      expect(saved.status).toBe(303);
      expect(await (await h.app.request(saved.headers.get('location')!)).text()).toContain(`It now awaits sign-off by an admin: ${why}.`);
      expect(h.sent).toHaveLength(1);
      const [email] = h.sent;
      expect(email).toMatchObject({ to: config.admins, subject: 'Action 3.05 is waiting for an admin to sign it off' });
      expect(email!.text).toContain('Supt Alex Morgan believes action 3.05');
      expect(email!.text).toContain(`An admin signs it off: ${why}.`);
      expect(email!.text).toContain('https://actions.testshire.example/admin/actions/305#change-sign-off');
      expect(email!.html).toContain('href="https://actions.testshire.example/admin/actions/305#change-sign-off"');
      expect(`${email!.text}${email!.html}`).not.toContain('SECRET');
      // No personal link: the console asks the admin to sign in.
      expect(email!.text).not.toMatch(/\/u\/[A-Za-z0-9_-]{43}/);
    }
  });

  it('tells the owner on the form who will be asked to sign a closure off', async () => {
    const h = await ownerHarness({ actions: withProposable() });
    expect(await (await h.app.request(`/u/${await h.linkFor('alex')}/actions/305`)).text()).toContain('Its senior responsible officer will be asked to sign it off.');
    expect(await (await h.app.request(`/u/${await h.linkFor('blake')}/actions/303`)).text()).toContain(
      'An admin will be asked to sign it off: its senior responsible officer owns it too, and nobody signs off their own action.',
    );
  });

  it(`emails the admins about one action at most ${closureEmailsPerDay} times a day, and not the admin who recorded the closure themselves`, async () => {
    const h = await ownerHarness({ actions: withProposable() });
    await h.repository.putPerson({ ...(await h.repository.getPerson('blake'))!, active: false });
    const token = await h.linkFor('alex');
    for (let version = 1; version <= 2 * (closureEmailsPerDay + 2); version++) {
      const fields = propose({ version: String(version), progress: `Toggle ${version}.`, ...(version % 2 === 0 ? { complete: '' } : {}) });
      expect((await postForm(h.app, `/u/${token}/actions/305`, fields)).status).toBe(303);
    }
    expect(h.sent).toHaveLength(closureEmailsPerDay);

    // The only admin proposes it on Alex's behalf from the console: nobody else to tell.
    const byAdmin = await ownerHarness({ actions: withProposable() });
    await byAdmin.repository.putPerson({ ...(await byAdmin.repository.getPerson('blake'))!, active: false });
    const result = await addUpdateOnBehalf(byAdmin.deps, { email: config.admins[0]!.toUpperCase(), name: null, personId: null }, '305', { ...propose(), onBehalfOf: 'alex' }, byAdmin.clock.now());
    expect(result.kind).toBe('saved');
    expect(byAdmin.sent).toEqual([]);
  });

  it('does not ask an admin who owns the action to sign it off, since the console would refuse them', async () => {
    const h = await ownerHarness({ actions: withProposable() });
    await h.repository.putPerson({ ...(await h.repository.getPerson('blake'))!, active: false });
    const before = (await h.repository.getAction('305'))!;
    const saved = { ...before, status: 'proposed-closure' as const };
    const other = 'plan.team@testshire.example';
    const withAdmins = (admins: string[]) => ({ ...h.deps, config: { ...config, admins } });
    // Alex, who owns 3.05, is one of the admins, spelt as a config might: only the other is asked.
    expect(await notifyOfClosure(withAdmins([' Alex.Morgan@testshire.example', other]), alex, before, saved, h.clock.now())).toBe(true);
    expect(h.sent.map((email) => email.to)).toEqual([[other]]);
    // The only admin owns it: nobody is emailed, and the dashboard still lists it.
    expect(await notifyOfClosure(withAdmins([alex.email]), alex, before, saved, h.clock.now())).toBe(false);
    expect(h.sent).toHaveLength(1);
  });

  it('does not ask an admin who has left to sign it off, since the console would refuse them too', async () => {
    const h = await ownerHarness({ actions: withProposable() });
    await h.repository.putPerson({ ...(await h.repository.getPerson('blake'))!, active: false });
    const before = (await h.repository.getAction('305'))!;
    const saved = { ...before, status: 'proposed-closure' as const };
    const left = 'former.lead@testshire.example';
    const other = 'plan.team@testshire.example';
    await h.repository.putPerson(makePerson({ id: 'former', name: 'Ms Former Lead', email: left, active: false }));
    const withAdmins = (admins: string[]) => ({ ...h.deps, config: { ...config, admins } });
    expect(await notifyOfClosure(withAdmins([left.toUpperCase(), other]), alex, before, saved, h.clock.now())).toBe(true);
    expect(h.sent.map((email) => email.to)).toEqual([[other]]);
  });
});
