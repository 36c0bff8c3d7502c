import { describe, expect, it } from 'vitest';
import { MemoryLinkTokenStore } from '../../functions/adapters/memory/memory-link-token-store.js';
import { issueLink } from '../../functions/core/links/links.js';
import { makePerson } from '../support/make-action.js';
import { adminEmail, boardEmail, consoleFixture } from './support/console-fixture.js';

const typo = makePerson({ id: 'lee.vaughn.at.testshire.example', name: 'Supt Lee Vaughan', email: 'lee.vaughn@testshire.example', mailStatus: 'bounced' });
const sro = makePerson({ id: 'sro', name: 'ACC Sam Rowe', email: 'sam.rowe@testshire.example' });
const corrected = 'lee.vaughan@testshire.example';
const personPath = `/admin/people/${typo.id}`;
const emailPath = `${personPath}/email`;

/** The console with a person whose address bounced, a personal link sent to that address, and an admin signed in. */
async function setUp() {
  const fixture = consoleFixture();
  for (const person of [typo, sro]) await fixture.repository.putPerson(person);
  const { token } = await issueLink(fixture.deps, typo, fixture.now());
  fixture.advance(1000);
  const cookie = await fixture.signIn(adminEmail);
  return { ...fixture, cookie, token };
}

describe('changing a person’s email address', () => {
  it('offers the form on the person page, filled in with the address they have now', async () => {
    const { request, cookie } = await setUp();
    const html = await (await request(personPath, { cookie })).text();
    expect(html).toContain(`<form method="post" action="${emailPath}" novalidate="">`);
    expect(html).toContain(`id="email" name="email" type="text" value="${typo.email}"`);
    expect(html).toContain('Change email address</button>');
  });

  it('keeps their id, sets the new address as working, withdraws the links sent to the old one, and records it once', async () => {
    const { request, cookie, repository, audit, token } = await setUp();
    expect((await request(`/u/${token}`)).status).toBe(200);
    const auditBefore = audit.entries.length;

    const response = await request(emailPath, { form: { email: ' Lee.Vaughan@Testshire.example ' }, cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${personPath}?done=email-changed`);

    expect(await repository.getPerson(typo.id)).toEqual({ ...typo, email: corrected, mailStatus: 'ok' });
    expect(await repository.listPeople()).toHaveLength(2);
    expect((await request(`/u/${token}`)).status).toBe(404);
    expect(audit.entries.slice(auditBefore)).toEqual([
      expect.objectContaining({
        by: adminEmail,
        change: 'change-person-email',
        target: { type: 'person', id: typo.id },
        before: { email: typo.email, mailStatus: 'bounced' },
        after: { email: corrected, mailStatus: 'ok' },
      }),
    ]);

    const page = await (await request(`${personPath}?done=email-changed`, { cookie })).text();
    expect(page).toContain('Their email address was changed');
    expect(page).toContain('The links sent to their old address no longer work.');
    expect(page).toContain('<a href="/u/new-link">new link page</a>');
    // Not told to correct the address it has just corrected.
    expect(page).not.toContain('correct it on their People page first');
    expect(page).toContain(`<dd class="break-anywhere">${corrected}</dd>`);
    expect(page).toMatch(/<dt>Email status<\/dt><dd>Working<\/dd>/);
    expect(page).not.toContain('Mark the address as working');
    // The new address gets a fresh link; nobody is emailed at the old one.
    expect((await request('/u/new-link', { form: { email: corrected } })).status).toBe(200);
  });

  it('refuses a board member (403) and writes nothing; the same form from an admin is saved', async () => {
    const { request, signIn, repository, audit, token, cookie: adminCookie } = await setUp();
    const cookie = await signIn(boardEmail);
    const auditBefore = audit.entries.length;
    const response = await request(emailPath, { form: { email: corrected }, cookie });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Only admins can do this');
    expect(await repository.getPerson(typo.id)).toEqual(typo);
    expect(audit.entries).toHaveLength(auditBefore);
    expect((await request(`/u/${token}`)).status).toBe(200);

    expect((await request(emailPath, { form: { email: corrected }, cookie: adminCookie })).status).toBe(303);
    expect((await repository.getPerson(typo.id))?.email).toBe(corrected);
  });

  it.each([
    ['', 'Enter their new email address'],
    ['lee.vaughan at testshire', 'Enter an email address in the correct format, like name@example.com'],
    ['LEE.VAUGHN@testshire.example', 'Supt Lee Vaughan already has this address: enter the new one'],
    ['Sam.Rowe@testshire.example', 'ACC Sam Rowe already has this address: each person needs their own'],
  ])('refuses "%s" with the GOV.UK error pattern, keeps what was typed, and writes nothing', async (typed, message) => {
    const { request, cookie, repository, audit, token } = await setUp();
    const auditBefore = audit.entries.length;
    const response = await request(emailPath, { form: { email: typed }, cookie });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/<title>Error: Supt Lee Vaughan/);
    expect(html.match(/error-summary-list">(.*?)<\/ul>/)![1]).toBe(`<li><a href="#email">${message}</a></li>`);
    expect(html).toContain(`<p id="email-error" class="error-message"><span class="visually-hidden">Error:</span> ${message}</p>`);
    expect(html).toContain(`class="input input-error" id="email" name="email" type="text" value="${typed}"`);
    expect(await repository.getPerson(typo.id)).toEqual(typo);
    expect(await repository.getPerson('sro')).toEqual(sro);
    expect(audit.entries).toHaveLength(auditBefore);
    expect((await request(`/u/${token}`)).status).toBe(200);
  });
});

describe('console access after an address change', () => {
  it('ends the old address’s sessions, and a leaver cannot sign in with their old address', async () => {
    const { request, signIn, askForLink, repository, sent } = consoleFixture();
    const member = makePerson({ id: 'board.at.testshire.example', name: 'Cllr Bea Ord', email: boardEmail });
    await repository.putPerson(member);
    const memberCookie = await signIn(boardEmail);
    const cookie = await signIn(adminEmail);
    expect((await request('/admin', { cookie: memberCookie })).status).toBe(200);

    await request(`/admin/people/${member.id}/email`, { form: { email: 'bea.ord@testshire.example' }, cookie });
    expect((await request('/admin', { cookie: memberCookie })).status).toBe(303);

    // Still active, the old address (listed in the config) may sign in; once they have left, it may not.
    const link = await askForLink(boardEmail);
    await request(`/admin/people/${member.id}/deactivate`, { form: { confirm: 'yes' }, cookie });
    expect((await request(link, { form: {} })).status).toBe(404);
    const before = sent.length;
    await request('/admin/sign-in', { form: { email: boardEmail } });
    expect(sent.length).toBe(before);
  });

  it('writes the address alone: a deactivation saved while it runs stands', async () => {
    // Another admin deactivates the person while this change withdraws their links.
    let meanwhile = async () => {};
    class Interleaved extends MemoryLinkTokenStore {
      override async revokeBefore(personId: string, at: string) {
        await meanwhile();
        return super.revokeBefore(personId, at);
      }
    }
    const fixture = consoleFixture({ linkTokens: new Interleaved() });
    await fixture.repository.putPerson(typo);
    const cookie = await fixture.signIn(adminEmail);
    meanwhile = async () => void (await fixture.repository.updatePerson(typo.id, { active: false }));

    const response = await fixture.request(emailPath, { form: { email: corrected }, cookie });
    expect(response.status).toBe(303);
    expect(await fixture.repository.getPerson(typo.id)).toEqual({ ...typo, email: corrected, mailStatus: 'ok', active: false });
    expect(fixture.audit.entries.at(-1)).toMatchObject({ change: 'change-person-email', after: { email: corrected, mailStatus: 'ok' } });
  });
});
