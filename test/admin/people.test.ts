import { describe, expect, it } from 'vitest';
import { issueLink } from '../../functions/core/links/links.js';
import { makeAction, makePerson, makeReminder } from '../support/make-action.js';
import { expectSafeFailureLine, sesRejection } from '../support/ses-rejection.js';
import { textOf } from './actions/actions-fixture.js';
import { adminEmail, boardEmail, consoleFixture } from './support/console-fixture.js';

const leaver = makePerson({ id: 'leaver', name: 'Supt Lee Vaughan', email: 'lee.vaughan@testshire.example', aliases: ['Supt Vaughan'] });
const sro = makePerson({ id: 'sro', name: 'ACC Sam Rowe', email: 'sam.rowe@testshire.example', role: 'Assistant Chief Constable' });
const other = makePerson({ id: 'other', name: 'Ch Insp Olu Thomas', email: 'olu.thomas@testshire.example', mailStatus: 'bounced' });

async function setUp() {
  const fixture = consoleFixture();
  const { repository } = fixture;
  for (const person of [leaver, sro, other]) await repository.putPerson(person);
  const actions = [
    makeAction({ id: 'led', ref: '1.01', ownerIds: ['leaver'], sroId: 'sro' }),
    makeAction({ id: 'co-owned', ref: '1.02', ownerIds: ['other', 'leaver'], sroId: 'sro' }),
    makeAction({ id: 'no-sro', ref: '1.03', ownerIds: ['leaver', 'other'], sroId: null, status: 'proposed-closure' }),
    makeAction({ id: 'closed', ref: '1.04', ownerIds: ['leaver'], sroId: 'sro', status: 'closed' }),
    makeAction({ id: 'their-portfolio', ref: '1.05', ownerIds: ['other'], sroId: 'leaver' }),
  ];
  for (const action of actions) await repository.putAction(action, null);
  const cookie = await fixture.signIn(adminEmail);
  return { ...fixture, cookie };
}

describe('the People page', () => {
  it('lists the directory with job titles, console roles, emails, other names, counts and email status', async () => {
    const { request, cookie } = await setUp();
    const response = await request('/admin/people', { cookie });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<h1>People</h1>');
    expect(html).toContain('href="/admin/people/leaver"');
    expect(html).toContain('Supt Vaughan');
    expect(html).toContain('Assistant Chief Constable');
    expect(html).toContain('Bounced');
    // Config-only console users are listed with their role.
    expect(html).toContain(`${adminEmail} (Admin)`);
    expect(html).toContain(`${boardEmail} (Board)`);
    // Three live actions of the leaver's four (1.04 is closed), and what the counts count is said.
    expect(html).toMatch(/href="\/admin\/people\/leaver"[\s\S]*?<td data-label="Owns">3<\/td><td data-label="SRO of">1<\/td>/);
    expect(html).toContain('Owns and SRO of count the actions open or awaiting sign-off.');
  });

  it('is for admins only: a board member gets 403 on every People page', async () => {
    const { request, signIn } = await setUp();
    const cookie = await signIn(boardEmail);
    for (const path of ['/admin/people', '/admin/people/leaver', '/admin/people/leaver/deactivate']) {
      expect((await request(path, { cookie })).status, path).toBe(403);
    }
  });

  it('answers 404 for someone not in the directory', async () => {
    const { request, cookie, sent, audit } = await setUp();
    expect((await request('/admin/people/nobody', { cookie })).status).toBe(404);
    expect((await request('/admin/people/nobody/revoke-links', { form: {}, cookie })).status).toBe(404);
    const [mails, entries] = [sent.length, audit.entries.length];
    expect((await request('/admin/people/nobody/send-link', { form: {}, cookie })).status).toBe(404);
    expect([sent.length, audit.entries.length]).toEqual([mails, entries]);
  });
});

describe('adding a person', () => {
  it('adds a new owner from the console, with other names, audited, and leads to their page', async () => {
    const { request, cookie, repository, audit } = await setUp();
    const response = await request('/admin/people', { form: { name: '  DI  Priya Shah ', role: 'Detective Inspector', email: ' Priya.Shah@Testshire.example ', aliases: 'DI Shah; P Shah;DI Shah' }, cookie });
    expect(response.status).toBe(303);
    const path = response.headers.get('location')!;
    expect(path).toMatch(/^\/admin\/people\/[^?]+\?done=added$/);
    const id = decodeURIComponent(path.split('/').at(-1)!.split('?')[0]!);
    expect(await repository.getPerson(id)).toEqual({
      id, name: 'DI Priya Shah', role: 'Detective Inspector', email: 'priya.shah@testshire.example', aliases: ['DI Shah', 'P Shah'], active: true, mailStatus: 'ok',
    });
    expect(audit.entries.at(-1)).toMatchObject({ change: 'add-person', by: adminEmail, target: { type: 'person', id }, before: null });
    expect(await (await request(path, { cookie })).text()).toContain('They were added to the directory');
    // The audit log says it in words.
    expect(await (await request('/admin/audit', { cookie })).text()).toContain('Added a person to the directory');
  });

  it("shows on their page the reminder job's emails to them, newest first, with the refs and what became of each", async () => {
    const { request, cookie, repository } = await setUp();
    expect(await (await request('/admin/people/leaver', { cookie })).text()).toContain('<h2>Reminder emails</h2><p>The reminder job has not emailed them.</p>');
    const sent = (period: string, overrides: Parameters<typeof makeReminder>[0] = {}) =>
      repository.completeReminder(makeReminder({ personId: 'leaver', period, claimedAt: `${period}T09:00:00.000Z`, state: 'sent', actionIds: ['led', 'co-owned'], ...overrides }));
    await sent('2026-11-10');
    await sent('2026-11-17', { state: 'bounced' });
    await sent('2026-11-18', { state: 'failed', error: 'TooManyRequestsException: Maximum sending rate exceeded.', actionIds: ['led', 'gone'] });
    await sent('2026-11-18', { kind: 'escalation', actionIds: ['their-portfolio'] });
    const html = await (await request('/admin/people/leaver', { cookie })).text();
    const rows = [...html.slice(html.indexOf('<h2>Reminder emails</h2>')).matchAll(/<tr><td data-label="Day">([^<]+)<\/td><td data-label="Email">([^<]+)<\/td><td data-label="About">([^<]+)<\/td><td data-label="Outcome">([^<]+)<\/td><\/tr>/g)];
    expect(rows.map((m) => m.slice(1).join(' | '))).toEqual([
      '18 November 2026 | Reminder | 1.01, an action no longer in the plan | Not sent: the email service was busy',
      '18 November 2026 | Escalation (as SRO) | 1.05 | Sent',
      '17 November 2026 | Reminder | 1.01, 1.02 | Bounced: it did not reach them',
      '10 November 2026 | Reminder | 1.01, 1.02 | Sent',
    ]);
  });

  it('says on their page when someone else has one of their names, which an import cannot tell apart', async () => {
    const { request, cookie } = await setUp();
    // Added twice by mistake, and with the leaver's other name as another spelling.
    const response = await request('/admin/people', { form: { name: 'ACC Sam Rowe', role: '', email: 'sam.rowe2@testshire.example', aliases: 'supt  VAUGHAN' }, cookie });
    const page = textOf(await (await request(response.headers.get('location')!, { cookie })).text());
    expect(page).toContain('“ACC Sam Rowe” is also ACC Sam Rowe (sam.rowe@testshire.example): a plan that names “ACC Sam Rowe” could mean either');
    expect(page).toContain('deactivating them would not stop an import matching the name');
    expect(page).toContain('“supt VAUGHAN” is also Supt Lee Vaughan (lee.vaughan@testshire.example)');
    expect(textOf(await (await request('/admin/people/sro', { cookie })).text())).toContain('“ACC Sam Rowe” is also ACC Sam Rowe (sam.rowe2@testshire.example)');
    expect(textOf(await (await request('/admin/people/other', { cookie })).text())).not.toContain(' is also ');
  });

  it('refuses a blank name, a bad or taken address, keeping what was typed, and writes nothing', async () => {
    const { request, cookie, repository, audit } = await setUp();
    const before = [await repository.listPeople(), audit.entries.length];
    const blank = await request('/admin/people', { form: { name: ' ', role: '', email: 'not-an-address', aliases: '' }, cookie });
    expect(blank.status).toBe(400);
    const html = await blank.text();
    expect(html).toMatch(/<title>Error: /);
    expect(html).toContain('<a href="#name">Enter their name, with their rank as the plan writes it</a>');
    expect(html).toContain('<a href="#email">Enter an email address in the correct format, like name@example.com</a>');
    expect(html).toContain('value="not-an-address"');
    expect(html).toMatch(/<details class="change-section" id="add-person" open/);
    const taken = await request('/admin/people', { form: { name: 'Supt Someone', role: '', email: 'LEE.VAUGHAN@testshire.example', aliases: '' }, cookie });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain('Supt Lee Vaughan already has this address: each person needs their own');
    expect([await repository.listPeople(), audit.entries.length]).toEqual(before);
  });

  it('corrects a name, job title and other names, so that a wrongly matched name can be taken out', async () => {
    const { request, cookie, repository, audit } = await setUp();
    const page = await (await request('/admin/people/leaver', { cookie })).text();
    expect(page).toContain('<summary>Correct their name, job title or other names</summary>');
    expect(page).toContain('value="Supt Vaughan"');
    const saved = await request('/admin/people/leaver/details', { form: { name: 'Supt Lee Vaughan-Hart', role: 'Superintendent', aliases: '' }, cookie });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/admin/people/leaver?done=details-changed');
    expect(await repository.getPerson('leaver')).toMatchObject({ id: 'leaver', name: 'Supt Lee Vaughan-Hart', role: 'Superintendent', aliases: [], email: leaver.email });
    expect(audit.entries.at(-1)).toMatchObject({ change: 'edit-person', target: { id: 'leaver' }, before: { name: 'Supt Lee Vaughan', aliases: ['Supt Vaughan'] }, after: { aliases: [] } });
    const log = await (await request('/admin/audit', { cookie })).text();
    expect(log).toContain('Corrected someone’s name, job title or other names');

    const blank = await request('/admin/people/leaver/details', { form: { name: '', role: '', aliases: 'x'.repeat(201) }, cookie });
    expect(blank.status).toBe(400);
    const html = await blank.text();
    expect(html).toContain('<a href="#name">Enter their name, with their rank as the plan writes it</a>');
    expect(html).toContain('<a href="#aliases">Each other name must be 200 characters or fewer</a>');
    expect(html).toMatch(/<details class="change-section" id="change-details" open/);
    expect((await repository.getPerson('leaver'))!.name).toBe('Supt Lee Vaughan-Hart');
  });

  it('is for admins only', async () => {
    const { request, signIn, repository } = await setUp();
    const response = await request('/admin/people', { form: { name: 'Supt New', role: '', email: 'new@testshire.example', aliases: '' }, cookie: await signIn(boardEmail) });
    expect(response.status).toBe(403);
    expect((await repository.listPeople()).map((p) => p.email)).not.toContain('new@testshire.example');
  });
});

describe('deactivating a leaver', () => {
  it('asks for confirmation first, showing where each open action goes; a GET changes nothing', async () => {
    const { request, cookie, repository, audit } = await setUp();
    const auditBefore = audit.entries.length;
    const response = await request('/admin/people/leaver/deactivate', { cookie });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Deactivate Supt Lee Vaughan');
    expect(html).toMatch(/1\.01<\/a><\/td><td[^>]*>ACC Sam Rowe<\/td><td[^>]*>their SRO leads it/);
    expect(html).toMatch(/1\.02<\/a><\/td><td[^>]*>Ch Insp Olu Thomas<\/td><td[^>]*>they are removed as co-owner/);
    expect(html).toMatch(/1\.03<\/a><\/td><td[^>]*>Ch Insp Olu Thomas<\/td><td[^>]*>the next co-owner leads it/);
    expect(html).not.toContain('1.04');
    expect(html).toContain('Actions they are SRO of');
    expect((await repository.getPerson('leaver'))!.active).toBe(true);
    expect(audit.entries).toHaveLength(auditBefore);
  });

  it('refuses without the box ticked, with the GOV.UK error pattern, and writes nothing', async () => {
    const { request, cookie, repository, audit } = await setUp();
    const auditBefore = audit.entries.length;
    const response = await request('/admin/people/leaver/deactivate', { form: {}, cookie });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toMatch(/<title>Error: Deactivate/);
    expect(html).toContain('href="#confirm"');
    expect(html).toContain('<span class="visually-hidden">Error:</span> Select the box to confirm that Supt Lee Vaughan has left');
    expect((await repository.getPerson('leaver'))!.active).toBe(true);
    expect(audit.entries).toHaveLength(auditBefore);
    // Refused for the successor, the box ticked stays ticked.
    const ticked = await (await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes', newSro: 'leaver' }, cookie })).text();
    expect(ticked).toContain('id="confirm" name="confirm" type="checkbox" value="yes" checked=""');
    expect((await repository.getPerson('leaver'))!.active).toBe(true);
  });

  it('hands a leaver\'s SRO portfolio, left to choose later, to one successor in one go from their page', async () => {
    const { request, cookie, repository, sent } = await setUp();
    await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie });
    const page = await (await request('/admin/people/leaver', { cookie })).text();
    expect(page).toContain('They are still the SRO of 1 open action: choose who takes them over, all at once.');
    expect(page).toContain('<a class="button button-secondary" href="/admin/people/leaver/deactivate">Hand over their SRO portfolio</a>');

    const form = await (await request('/admin/people/leaver/deactivate', { cookie })).text();
    expect(form).toContain('<h1>Hand over Supt Lee Vaughan’s SRO portfolio</h1>');
    expect(form).not.toContain('as the table says');
    expect(form).not.toContain('Choose later');
    // Nobody chosen for the admin: a browser sends the first option of a select with none selected.
    expect(form).toMatch(/<select[^>]*id="newSro"[^>]*><option value=""[^>]*>Choose someone<\/option>/);

    const before = sent.length;
    expect((await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes', newSro: 'sro' }, cookie })).status).toBe(200);
    expect((await repository.getAction('their-portfolio'))!.sroId).toBe('sro');
    expect(sent.slice(before).map((m) => [m.to, m.subject])).toEqual([[[sro.email], 'You are now the SRO of action 1.05']]);
    expect(await (await request('/admin/people/leaver', { cookie })).text()).not.toContain('Hand over their SRO portfolio');
  });

  it('moves their actions to the SRO, keeps the history, kills their links, and records it all', async () => {
    const { request, cookie, repository, audit, deps, now } = await setUp();
    const { token } = await issueLink(deps, leaver, now());
    expect((await request(`/u/${token}`)).status).toBe(200);

    const response = await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Supt Lee Vaughan is deactivated');

    expect((await repository.getAction('led'))!.ownerIds).toEqual(['sro']);
    expect((await repository.getAction('co-owned'))!.ownerIds).toEqual(['other']);
    expect((await repository.getAction('no-sro'))!.ownerIds).toEqual(['other']);
    expect((await repository.getAction('closed'))!.ownerIds).toEqual(['leaver']);
    expect((await repository.getAction('their-portfolio'))!.sroId).toBe('leaver');
    const [moved] = await repository.listUpdates('led');
    expect(moved).toMatchObject({
      by: adminEmail,
      via: 'admin',
      countsAsProgress: false,
      patch: { ownerIds: ['sro'] },
      changes: [
        { field: 'ownerIds', from: ['leaver'], to: ['sro'] },
        { field: 'reason', from: null, to: 'Supt Lee Vaughan has left and was deactivated' },
      ],
    });
    expect((await repository.getPerson('leaver'))!.active).toBe(false);

    // Their link is refused, and a fresh one cannot be had.
    expect((await request(`/u/${token}`)).status).toBe(404);
    expect((await request('/u/new-link', { form: { email: leaver.email } })).status).toBe(200);
    expect(await deps.linkTokens.getRevokedBefore('leaver')).toBe(now().toISOString());

    const changes = audit.entries.map((e) => `${e.change} ${e.target.id}`);
    expect(changes).toEqual(expect.arrayContaining(['move-leaver-action led', 'move-leaver-action co-owned', 'move-leaver-action no-sro', 'deactivate-person leaver']));
    expect(audit.entries.at(-1)).toMatchObject({ by: adminEmail, after: { active: false, movedActions: ['1.01', '1.02', '1.03'], sroOf: ['1.05'] } });

    // The result page reloaded sends the form again: it says so, moves nothing and audits nothing more.
    const entries = audit.entries.length;
    const again = await (await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie })).text();
    expect(again).toContain('Supt Lee Vaughan was already deactivated');
    expect(again).toContain('Nothing was left to move.');
    expect(again).not.toContain('Actions moved: 0');
    expect(audit.entries).toHaveLength(entries);
  });

  it('passes the lead to a co-owner still here, not to an SRO who has left, as the confirmation page said', async () => {
    const { request, cookie, repository } = await setUp();
    await repository.putPerson({ ...sro, active: false });
    await repository.putAction(makeAction({ id: 'gone-sro', ref: '1.06', ownerIds: ['leaver', 'other'], sroId: 'sro' }), null);
    const preview = await (await request('/admin/people/leaver/deactivate', { cookie })).text();
    expect(preview).toMatch(/1\.06<\/a><\/td><td[^>]*>Ch Insp Olu Thomas<\/td><td[^>]*>the next co-owner leads it/);
    expect((await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie })).status).toBe(200);
    expect((await repository.getAction('gone-sro'))!.ownerIds).toEqual(['other']);
    expect((await repository.getAction('led'))!.ownerIds).toEqual([]);
  });

  it('emails whoever now leads a moved action its ref, once, with a personal link and no action text', async () => {
    const { request, cookie, repository, sent } = await setUp();
    await repository.putAction(makeAction({ id: 'also-led', ref: '2.07', area: 'Vetting', ownerIds: ['leaver'], sroId: 'sro' }), null);
    const before = sent.length;
    const response = await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie });
    const page = await response.text();

    // The SRO gains 1.01 and 2.07; Olu already co-owned 1.03, so is not told anything new.
    const mails = sent.slice(before);
    expect(mails.map((m) => m.to)).toEqual([[sro.email]]);
    expect(mails[0]!.subject).toBe('You are now an owner of 2 actions');
    expect(mails[0]!.text).toContain('You are now an owner of actions 1.01 and 2.07 in');
    // Likely a stand-in: why, and whom to ask to hand them on.
    expect(mails[0]!.text).toContain(`This is because Supt Lee Vaughan has left. If any should go to someone else, please ask ${adminEmail}.`);
    expect(mails[0]!.text).toContain('Open your personal link to see them and give an update:');
    for (const body of [mails[0]!.text, mails[0]!.html]) {
      expect(body).toMatch(/https:\/\/actions\.testshire\.example\/u\/[A-Za-z0-9_-]{20,}/);
      expect(body).not.toContain(makeAction().text);
    }
    expect(page).toContain('Emailed the refs of the actions they now own or sponsor, with a personal link: ACC Sam Rowe.');

    // Deactivating again moves nothing more, so emails nobody.
    await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie });
    expect(sent).toHaveLength(before + 1);
  });

  it('does not email a new lead whose address bounced, and says so', async () => {
    const { request, cookie, repository, sent } = await setUp();
    await repository.putPerson({ ...sro, mailStatus: 'bounced' });
    const before = sent.length;
    const page = await (await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie })).text();
    expect((await repository.getAction('led'))!.ownerIds).toEqual(['sro']);
    expect(sent).toHaveLength(before);
    expect(page).toContain('Not emailed about their new actions (the email failed, or they cannot receive email): ACC Sam Rowe.');
  });

  it('offers a successor SRO for their portfolio: everyone active but the leaver, or later', async () => {
    const { request, cookie, repository } = await setUp();
    await repository.putPerson(makePerson({ id: 'gone', name: 'Insp Already Gone', email: 'gone@testshire.example', active: false }));
    const html = await (await request('/admin/people/leaver/deactivate', { cookie })).text();
    expect(html).toContain('<label class="label label-bold" for="newSro">New SRO for the 1 action they are SRO of (optional)</label>');
    const options = [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
    expect(options).toEqual([
      ['', 'Choose later, on each action’s page'],
      ['sro', 'ACC Sam Rowe (Assistant Chief Constable)'],
      ['other', 'Ch Insp Olu Thomas'],
    ]);
  });

  it('says that an action the leaver alone owns and sponsors goes to the new SRO, if one is chosen', async () => {
    const { request, cookie, repository } = await setUp();
    await repository.putAction(makeAction({ id: 'theirs-alone', ref: '1.07', ownerIds: ['leaver'], sroId: 'leaver' }), null);
    const html = await (await request('/admin/people/leaver/deactivate', { cookie })).text();
    expect(html).toMatch(/1\.07<\/a><\/td><td[^>]*>Nobody<\/td><td[^>]*>it has no owner, unless you choose a new SRO below: they lead it</);
    const done = await (await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes', newSro: 'other' }, cookie })).text();
    expect(done).toMatch(/1\.07<\/a><\/td><td[^>]*>Ch Insp Olu Thomas<\/td><td[^>]*>their SRO leads it; Ch Insp Olu Thomas becomes its SRO</);
  });

  it('hands their portfolio to the successor: SRO of each, each recorded and the successor emailed', async () => {
    const { request, cookie, repository, audit, sent } = await setUp();
    await repository.putAction(makeAction({ id: 'led-and-sponsored', ref: '1.06', ownerIds: ['leaver', 'other'], sroId: 'leaver' }), null);
    const before = sent.length;
    const page = await (await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes', newSro: 'other' }, cookie })).text();

    expect((await repository.getAction('their-portfolio'))!).toMatchObject({ sroId: 'other', ownerIds: ['other'] });
    expect((await repository.getAction('led-and-sponsored'))!).toMatchObject({ sroId: 'other', ownerIds: ['other'] });
    expect((await repository.getAction('led'))!.sroId).toBe('sro');
    const [handover] = await repository.listUpdates('their-portfolio');
    expect(handover!.changes).toEqual([
      { field: 'sroId', from: 'leaver', to: 'other' },
      { field: 'reason', from: null, to: 'Supt Lee Vaughan has left and was deactivated' },
    ]);
    expect(audit.entries.at(-1)).toMatchObject({ change: 'deactivate-person', after: { sroOf: [], newSro: 'other' } });
    expect(page).toMatch(/1\.05<\/a><\/td><td[^>]*>Ch Insp Olu Thomas<\/td><td[^>]*>Ch Insp Olu Thomas becomes its SRO</);
    expect(page).not.toContain('Actions they are SRO of');

    // Olu's address bounced, so the SRO is the only one emailed (about 1.01); the page says who was not.
    expect(sent.slice(before).map((m) => [m.to, m.subject])).toEqual([[[sro.email], 'You are now an owner of action 1.01']]);
    expect(page).toContain('Not emailed about their new actions (the email failed, or they cannot receive email): Ch Insp Olu Thomas.');
  });

  it('emails a successor SRO the refs of the portfolio they take over, in one email with the actions they now lead', async () => {
    const { request, cookie, sent } = await setUp();
    const before = sent.length;
    await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes', newSro: 'sro' }, cookie });
    const mails = sent.slice(before);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[[sro.email], 'You are now an owner of action 1.01 and the SRO of action 1.05']]);
    expect(mails[0]!.text).toContain('You are now an owner of action 1.01 and the senior responsible officer (SRO) of action 1.05 in');
    expect(mails[0]!.text).toContain('Open your personal link to see your actions, give an update and sign off closures:');
    expect(mails[0]!.text).not.toContain(makeAction().text);
  });

  it('refuses a successor who has left, is the leaver or is unknown, keeping the choice, and writes nothing', async () => {
    const { request, cookie, repository, audit } = await setUp();
    await repository.putPerson(makePerson({ id: 'gone', name: 'Insp Already Gone', email: 'gone@testshire.example', active: false }));
    const auditBefore = audit.entries.length;
    for (const newSro of ['gone', 'leaver', 'nobody']) {
      const response = await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes', newSro }, cookie });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('href="#newSro">Select someone from the list: only people in the directory who have not left can be SRO</a>');
    }
    // The box left unticked with a good choice: only the box is in error, and the choice is kept.
    const html = await (await request('/admin/people/leaver/deactivate', { form: { newSro: 'sro' }, cookie })).text();
    expect(html.match(/error-summary-list">(.*?)<\/ul>/)![1]).toBe('<li><a href="#confirm">Select the box to confirm that Supt Lee Vaughan has left</a></li>');
    expect(html).toContain('<option value="sro" selected="">ACC Sam Rowe');
    expect((await repository.getPerson('leaver'))!.active).toBe(true);
    expect((await repository.getAction('their-portfolio'))!.sroId).toBe('leaver');
    expect(audit.entries).toHaveLength(auditBefore);
  });

  it('reactivates someone deactivated by mistake, once and audited; what moved stays where it went', async () => {
    const { request, cookie, repository, audit } = await setUp();
    await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes', newSro: '' }, cookie });
    const leftPage = await (await request('/admin/people/leaver', { cookie })).text();
    expect(leftPage).toContain('Left (deactivated)');
    expect(leftPage).toContain('action="/admin/people/leaver/reactivate"');
    expect(leftPage).not.toContain('>Deactivate Supt Lee Vaughan</a>');

    const response = await request('/admin/people/leaver/reactivate', { form: {}, cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/people/leaver?done=reactivated');
    expect((await repository.getPerson('leaver'))!.active).toBe(true);
    expect(audit.entries.at(-1)).toMatchObject({ by: adminEmail, change: 'reactivate-person', target: { type: 'person', id: 'leaver' }, before: { active: false }, after: { active: true } });
    expect((await repository.getAction('led'))!.ownerIds).toEqual(['sro']);
    const page = await (await request('/admin/people/leaver?done=reactivated', { cookie })).text();
    expect(page).toContain('They are active again');
    expect(page).toContain('href="/admin/people/leaver/deactivate"');
    // Reassigning is open to them again.
    expect(await (await request('/admin/actions/led', { cookie })).text()).toContain('<option value="leaver">Supt Lee Vaughan</option>');

    const count = audit.entries.length;
    await request('/admin/people/leaver/reactivate', { form: {}, cookie });
    expect(audit.entries).toHaveLength(count);
  });

  it('keeps a bounce recorded while reactivating: it writes whether they are active and nothing else', async () => {
    const { request, cookie, repository } = await setUp();
    await repository.putPerson({ ...leaver, active: false });
    const update = repository.updatePerson.bind(repository);
    // The mail-events function records a bounce between the page's read of the person and the write.
    repository.updatePerson = async (id, fields) => (await repository.markMailStatus(id, leaver.email, 'bounced', ['ok']), update(id, fields));
    expect((await request('/admin/people/leaver/reactivate', { form: {}, cookie })).status).toBe(303);
    expect(await repository.getPerson('leaver')).toMatchObject({ active: true, mailStatus: 'bounced' });
  });

  it('keeps a bounce recorded while deactivating: it marks them inactive and writes nothing else of them', async () => {
    const { request, cookie, repository } = await setUp();
    const list = repository.listActions.bind(repository);
    // The mail-events function records a bounce while their actions are being moved.
    repository.listActions = async () => (await repository.markMailStatus('leaver', leaver.email, 'bounced', ['ok']), list());
    expect((await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie })).status).toBe(200);
    expect(await repository.getPerson('leaver')).toMatchObject({ active: false, mailStatus: 'bounced' });
  });

  it('keeps a bounce recorded while a name is corrected: it writes the details and nothing else', async () => {
    const { request, cookie, repository } = await setUp();
    const update = repository.updatePerson.bind(repository);
    repository.updatePerson = async (id, fields) => (await repository.markMailStatus(id, leaver.email, 'bounced', ['ok']), update(id, fields));
    const form = { name: 'Supt Lee Vaughan-Hart', role: 'Superintendent', aliases: 'Supt Vaughan' };
    expect((await request('/admin/people/leaver/details', { form, cookie })).status).toBe(303);
    expect(await repository.getPerson('leaver')).toMatchObject({ name: 'Supt Lee Vaughan-Hart', aliases: ['Supt Vaughan'], mailStatus: 'bounced' });
  });

  it('lets only admins reactivate, by POST', async () => {
    const { request, signIn, repository } = await setUp();
    await repository.putPerson({ ...leaver, active: false });
    const cookie = await signIn(boardEmail);
    expect((await request('/admin/people/leaver/reactivate', { form: {}, cookie })).status).toBe(403);
    expect((await request('/admin/people/nobody/reactivate', { form: {}, cookie: await signIn(adminEmail) })).status).toBe(404);
    expect((await repository.getPerson('leaver'))!.active).toBe(false);
  });

  it('ends a deactivated admin’s console sessions too', async () => {
    const { request, repository, signIn, cookie, sent } = await setUp();
    await repository.putPerson(makePerson({ id: 'admin', name: 'Sam Admin', email: adminEmail }));
    const theirs = await signIn(adminEmail);
    // Another admin's session would be needed in real life; here the admin deactivates their own entry.
    await request('/admin/people/admin/deactivate', { form: { confirm: 'yes' }, cookie });
    expect((await request('/admin', { cookie: theirs })).status).toBe(303);
    const mailBefore = sent.length;
    expect((await request('/admin/sign-in', { form: { email: adminEmail } })).status).toBe(200);
    expect(sent).toHaveLength(mailBefore);
  });
});

describe('links and email status', () => {
  it('withdraws someone’s links, says so, and records it', async () => {
    const { request, cookie, deps, now, advance, audit } = await setUp();
    const { token } = await issueLink(deps, other, now());
    advance(1000);
    const response = await request('/admin/people/other/revoke-links', { form: {}, cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/people/other?done=links-revoked');
    expect((await request(`/u/${token}`)).status).toBe(404);
    expect(audit.entries.at(-1)).toMatchObject({ by: adminEmail, change: 'revoke-links', target: { type: 'person', id: 'other' } });
    expect(await (await request('/admin/people/other?done=links-revoked', { cookie })).text()).toContain('Their links were withdrawn');
  });

  it('marks a bounced address as working again, once', async () => {
    const { request, cookie, repository, audit } = await setUp();
    const page = await (await request('/admin/people/other', { cookie })).text();
    expect(page).toContain('Mark the address as working');
    // SES keeps its own list: without IT taking the address off it, the next email bounces again.
    expect(page).toContain('ask IT to take the address off the email service');
    const response = await request('/admin/people/other/mail-ok', { form: {}, cookie });
    expect(response.headers.get('location')).toBe('/admin/people/other?done=mail-ok');
    expect((await repository.getPerson('other'))!.mailStatus).toBe('ok');
    expect(audit.entries.at(-1)).toMatchObject({ change: 'mark-mail-ok', before: { mailStatus: 'bounced' }, after: { mailStatus: 'ok' } });
    const count = audit.entries.length;
    await request('/admin/people/other/mail-ok', { form: {}, cookie });
    expect(audit.entries).toHaveLength(count);
  });

  it('emails someone a new link to their actions, which works, names no action text, and is audited', async () => {
    const { request, cookie, sent, audit } = await setUp();
    const page = await (await request('/admin/people/sro', { cookie })).text();
    expect(page).toContain('<form method="post" action="/admin/people/sro/send-link">');
    expect(page).toContain('Email ACC Sam Rowe a new link');
    const before = sent.length;
    const response = await request('/admin/people/sro/send-link', { form: {}, cookie });
    expect(response.headers.get('location')).toBe('/admin/people/sro?done=link-sent');
    const emails = sent.slice(before);
    expect(emails.map((e) => e.to)).toEqual([['sam.rowe@testshire.example']]);
    expect(emails[0]!.text).toContain('An administrator of the Action Plan Tracker sent you this link.');
    expect(emails[0]!.text).not.toContain('If you did not ask for a link');
    const link = /https?:\/\/\S+(\/u\/[A-Za-z0-9_-]{43})/.exec(emails[0]!.text)![1]!;
    expect((await request(link)).status).toBe(200);
    expect(audit.entries.at(-1)).toMatchObject({ by: adminEmail, change: 'send-link', target: { type: 'person', id: 'sro' }, after: { sentTo: 'sam.rowe@testshire.example' } });
    expect(JSON.stringify(audit.entries.at(-1))).not.toContain(link.slice(3));
    const done = await (await request('/admin/people/sro?done=link-sent', { cookie })).text();
    expect(done).toContain('A new link to their actions was emailed to them');
    expect(done).toContain('It went to sam.rowe@testshire.example, and works for 21 days.');
    const logged = (await (await request('/admin/audit', { cookie })).text()).split('<tr>')[2]!;
    expect(textOf(logged)).toContain('Emailed someone a new link ACC Sam Rowe Sent to: sam.rowe@testshire.example Works until: 18 December 2026 at 10:00');
  });

  it('sends no link to an address that bounced, nor to a leaver, and says why', async () => {
    const { request, cookie, sent, audit } = await setUp();
    const bounced = await (await request('/admin/people/other', { cookie })).text();
    expect(bounced).not.toContain('/send-link');
    expect(bounced).toContain('No link can be sent until their address works again');
    const count = audit.entries.length;
    const before = sent.length;
    // A page opened before the address bounced still has the button.
    expect((await request('/admin/people/other/send-link', { form: {}, cookie })).headers.get('location')).toBe('/admin/people/other?done=link-not-sent-mail');
    expect(await (await request('/admin/people/other?done=link-not-sent-mail', { cookie })).text()).toContain('No link was sent: their address bounced or was marked as spam');

    expect((await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie })).status).toBe(200);
    const afterLeaving = audit.entries.length;
    expect((await request('/admin/people/leaver/send-link', { form: {}, cookie })).headers.get('location')).toBe('/admin/people/leaver?done=link-not-sent-left');
    expect(await (await request('/admin/people/leaver', { cookie })).text()).toContain('has left, so no link can be sent to them');
    expect(sent.slice(before).filter((e) => e.subject.startsWith('Your link'))).toEqual([]);
    expect(audit.entries.slice(count).map((e) => e.change)).not.toContain('send-link');
    expect(audit.entries).toHaveLength(afterLeaving);
  });
});

describe('a new link the email service refuses', () => {
  it('says it was not sent, logs no address, and audits nothing', async () => {
    const fixture = consoleFixture();
    await fixture.repository.putPerson(sro);
    const cookie = await fixture.signIn(adminEmail);
    fixture.deps.getMailer = async () => ({ send: async (email) => Promise.reject(sesRejection(email.to[0]!)) });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await fixture.request('/admin/people/sro/send-link', { form: {}, cookie });
      expect(response.headers.get('location')).toBe('/admin/people/sro?done=link-failed');
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expectSafeFailureLine((errors[0] as unknown[])[0], sro.email, { message: 'link email from the console failed' });
    expect(fixture.audit.entries.map((e) => e.change)).not.toContain('send-link');
    const page = await (await fixture.request('/admin/people/sro?done=link-failed', { cookie })).text();
    expect(page).toContain('class="notification-important"');
    expect(page).toContain('The email with their new link could not be sent');
  });
});
