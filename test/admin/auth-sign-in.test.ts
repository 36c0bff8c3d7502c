import { describe, expect, it, vi } from 'vitest';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { signInPerAddressAllClientsPerHour, signInPerAddressPerHour, signInPerClientPerHour } from '../../functions/core/admin/request-sign-in.js';
import { emailRequestMs } from '../../web/middleware/security.js';
import { makeAction, makePerson } from '../support/make-action.js';
import { expectSafeFailureLine, sesRejection } from '../support/ses-rejection.js';
import { adminEmail, boardEmail, consoleConfig, consoleFixture } from './support/console-fixture.js';

const minute = 60_000;

const headerNames = (response: Response) => {
  const names: string[] = [];
  response.headers.forEach((_value, name) => names.push(name));
  return names.sort();
};

describe('asking for a sign-in link', () => {
  it('shows a form whose field is `email`', async () => {
    const { request } = consoleFixture();
    const response = await request('/admin/sign-in');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<form method="post" action="/admin/sign-in"');
    expect(html).toContain('name="email"');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('emails an admin a single-use link to /admin/sign-in/<token>, with no plan text', async () => {
    const { request, repository, sent } = consoleFixture();
    await repository.putAction(makeAction({ text: 'SECRET recommendation' }), null);
    const response = await request('/admin/sign-in', { form: { email: ` ${adminEmail.toUpperCase()} ` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Check your email');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual([adminEmail]);
    expect(sent[0]!.text).toMatch(/https:\/\/actions\.testshire\.example\/admin\/sign-in\/[A-Za-z0-9_-]{43}\n/);
    expect(sent[0]!.text).toContain('15 minutes');
    expect(sent[0]!.text + sent[0]!.html).not.toContain('SECRET');
  });

  it('emails a board member too', async () => {
    const { askForLink } = consoleFixture();
    expect(await askForLink(boardEmail)).toMatch(/^\/admin\/sign-in\/[A-Za-z0-9_-]{43}$/);
  });

  it('gives an unknown address the same answer (status and page) as a known one, and emails nobody', async () => {
    const { request, repository, sent } = consoleFixture();
    // In the directory but not in the config's lists: a plan owner, who signs in nowhere here.
    await repository.putPerson(makePerson({ id: 'owner', email: 'owner@testshire.example' }));
    const known = await request('/admin/sign-in', { form: { email: adminEmail } });
    const knownBody = await known.text();
    for (const address of ['nobody@testshire.example', 'owner@testshire.example']) {
      const unknown = await request('/admin/sign-in', { form: { email: address } });
      expect(unknown.status).toBe(known.status);
      expect(await unknown.text()).toBe(knownBody);
      expect(headerNames(unknown)).toEqual(headerNames(known));
    }
    expect(sent.map((e) => e.to)).toEqual([[adminEmail]]);
  });

  it('takes as long to answer an unknown address as a known one, which it emails', async () => {
    const { request, deps, sent } = consoleFixture();
    let now = 0;
    deps.timer = { now: () => now, sleep: async (ms) => void (now += ms) };
    const mailer = await deps.getMailer();
    deps.getMailer = async () => ({ send: async (email) => ((now += 700), mailer.send(email)) });
    for (const address of [adminEmail, 'nobody@testshire.example']) {
      const start = now;
      expect((await request('/admin/sign-in', { form: { email: address } })).status).toBe(200);
      expect(now - start, address).toBe(emailRequestMs);
    }
    expect(sent.map((e) => e.to)).toEqual([[adminEmail]]);
  });

  it('gives an admin\'s address the same page as an unknown one when the email fails to send, logging the failure', async () => {
    const { request, deps } = consoleFixture();
    deps.getMailer = async () => ({ send: async (email) => Promise.reject(sesRejection(email.to[0]!)) });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const known = await request('/admin/sign-in', { form: { email: adminEmail } });
      const unknown = await request('/admin/sign-in', { form: { email: 'nobody@testshire.example' } });
      expect([known.status, unknown.status]).toEqual([200, 200]);
      expect(await known.text()).toBe(await unknown.text());
      expect(logged).toHaveBeenCalledTimes(1);
      expectSafeFailureLine(logged.mock.calls[0]![0], adminEmail, { message: 'sign-in link email failed' });
    } finally {
      logged.mockRestore();
    }
  });

  it('sends nothing to an admin whose directory entry has been deactivated', async () => {
    const { request, repository, sent } = consoleFixture();
    await repository.putPerson(makePerson({ id: 'leaver', email: adminEmail, active: false }));
    expect((await request('/admin/sign-in', { form: { email: adminEmail } })).status).toBe(200);
    expect(sent).toEqual([]);
  });

  it('shows the GOV.UK error pattern for an address that is not one, keeping what was typed', async () => {
    const { request, sent } = consoleFixture();
    const response = await request('/admin/sign-in', { form: { email: 'not an address' } });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toMatch(/<title>Error: Sign in/);
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#email"');
    expect(html).toContain('<span class="visually-hidden">Error:</span> Enter an email address in the correct format');
    expect(html).toContain('value="not an address"');
    expect(html).toContain('aria-describedby="email-error"');
    expect(sent).toEqual([]);
  });

  it(`limits requests to ${signInPerAddressPerHour} an hour per address from one client, known or not, and ${signInPerAddressAllClientsPerHour} from all`, async () => {
    const { request, sent, advance } = consoleFixture();
    for (const address of [adminEmail, 'nobody@testshire.example']) {
      for (let i = 0; i < signInPerAddressPerHour; i++) {
        expect((await request('/admin/sign-in', { form: { email: address }, client: '198.51.100.1' })).status).toBe(200);
      }
      const refused = await request('/admin/sign-in', { form: { email: address }, client: '198.51.100.1' });
      expect(refused.status).toBe(429);
      expect(await refused.text()).toContain('Too many requests to sign in');
      // Requests from elsewhere do not use up the address's own.
      expect((await request('/admin/sign-in', { form: { email: address }, client: '198.51.100.2' })).status).toBe(200);
    }
    expect(sent).toHaveLength(signInPerAddressPerHour + 1);
    // Many machines together are held to a limit too; each request that counted emailed the admin a link.
    for (let i = signInPerAddressPerHour + 1; i < signInPerAddressAllClientsPerHour; i++) {
      expect((await request('/admin/sign-in', { form: { email: adminEmail }, client: `203.0.113.${i}` })).status).toBe(200);
    }
    expect((await request('/admin/sign-in', { form: { email: adminEmail }, client: '203.0.113.250' })).status).toBe(429);
    expect(sent).toHaveLength(signInPerAddressAllClientsPerHour);
    advance(60 * minute);
    expect((await request('/admin/sign-in', { form: { email: adminEmail } })).status).toBe(200);
    expect(sent).toHaveLength(signInPerAddressAllClientsPerHour + 1);
  });

  it(`limits requests to ${signInPerClientPerHour} an hour per client, whatever the addresses`, async () => {
    const { request, sent } = consoleFixture();
    for (let i = 0; i < signInPerClientPerHour; i++) {
      expect((await request('/admin/sign-in', { form: { email: `guess${i}@testshire.example` }, client: '203.0.113.7' })).status).toBe(200);
    }
    expect((await request('/admin/sign-in', { form: { email: adminEmail }, client: '203.0.113.7' })).status).toBe(429);
    expect(sent).toEqual([]);
    // Another client is not held up by the first.
    expect((await request('/admin/sign-in', { form: { email: adminEmail }, client: '203.0.113.8' })).status).toBe(200);
    expect(sent).toHaveLength(1);
  });
});

describe('the emailed sign-in link', () => {
  it('opens a page with a "Sign in" button; GET and HEAD consume nothing', async () => {
    const { askForLink, request, signInLinks, sessions, audit } = consoleFixture();
    const path = await askForLink(adminEmail);
    const writes = signInLinks.writes;
    for (let i = 0; i < 3; i++) {
      const page = await request(path);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`<form method="post" action="${path}">`);
      expect(html).toContain('Sign in</button>');
      expect(page.headers.get('set-cookie')).toBeNull();
      expect((await request(path, { method: 'HEAD' })).status).toBe(200);
    }
    expect(signInLinks.writes).toBe(writes);
    expect(sessions.sessions.size).toBe(0);
    expect(audit.entries).toEqual([]);
    const signedIn = await request(path, { form: {} });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/admin');
  });

  it('signs in once: the POST sets an HttpOnly, Secure, SameSite=Lax __Host- cookie and records the sign-in', async () => {
    const { askForLink, request, sessions, audit, now } = consoleFixture();
    const path = await askForLink(adminEmail);
    const response = await request(path, { form: {} });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    // Stored by hash: the cookie's value is nowhere in the store.
    const value = /^__Host-session=([^;]+)/.exec(cookie)![1]!;
    expect([...sessions.sessions.keys()]).not.toContain(value);
    expect(JSON.stringify([...sessions.sessions.values()])).not.toContain(value);
    expect(audit.entries).toEqual([{ at: now().toISOString(), by: adminEmail, change: 'sign-in', target: { type: 'session', id: adminEmail }, before: null, after: { role: 'admin' } }]);
  });

  it('refuses a used link, on GET and POST, and starts no second session', async () => {
    const { askForLink, pressSignIn, request, sessions } = consoleFixture();
    const path = await askForLink(adminEmail);
    await pressSignIn(path);
    for (const method of ['GET', 'POST']) {
      const again = await request(path, method === 'POST' ? { form: {} } : {});
      expect(again.status).toBe(404);
      expect(await again.text()).toContain('This sign-in link has expired or has been used');
      expect(again.headers.get('set-cookie')).toBeNull();
    }
    expect(sessions.sessions.size).toBe(1);
  });

  it('refuses a link after 15 minutes', async () => {
    const { askForLink, request, advance, sessions } = consoleFixture();
    const path = await askForLink(adminEmail);
    advance(15 * minute - 1);
    expect((await request(path)).status).toBe(200);
    advance(1);
    expect((await request(path)).status).toBe(404);
    expect((await request(path, { form: {} })).status).toBe(404);
    expect(sessions.sessions.size).toBe(0);
  });

  it('refuses a made-up or malformed token', async () => {
    const { request } = consoleFixture();
    for (const token of ['x'.repeat(43), 'short', '%00']) {
      expect((await request(`/admin/sign-in/${token}`)).status).toBe(404);
      expect((await request(`/admin/sign-in/${token}`, { form: {} })).status).toBe(404);
    }
  });

  it('refuses a link whose address was taken off the config lists after it was sent', async () => {
    const fixture = consoleFixture();
    const path = await fixture.askForLink(boardEmail);
    const narrowed = consoleFixture({ ...fixture.deps, config: { ...consoleConfig, board: [] } });
    expect((await narrowed.request(path, { form: {} })).status).toBe(404);
  });

  it('uses the plain name without Secure when the configured base URL is http (the local runner)', async () => {
    const config = parseForceConfig({ ...consoleConfig, baseUrl: 'http://localhost:3000' }, 'local');
    const { askForLink, request } = consoleFixture({ config });
    const path = await askForLink(adminEmail);
    const cookie = (await request(path, { form: {} })).headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^session=[A-Za-z0-9_-]{43};/);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});

describe('coming back to the page asked for', () => {
  const cookieFrom = (response: Response, name: string) => response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(';')[0];

  it('lands a board member who opened a summary link signed out on that summary once signed in, once', async () => {
    const { request, askForLink } = consoleFixture();
    const asked = await request('/admin/summaries/2026-10?from=email');
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/admin/sign-in');
    const returnTo = cookieFrom(asked, '__Host-return-to');
    expect(returnTo).toBe(`__Host-return-to=${encodeURIComponent('/admin/summaries/2026-10?from=email')}`);

    const signedIn = await request(await askForLink(boardEmail), { form: {}, cookie: returnTo! });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/admin/summaries/2026-10?from=email');
    expect(signedIn.headers.getSetCookie().some((c) => c.startsWith('__Host-return-to=;'))).toBe(true);
    // Without it (cleared), the next sign-in goes to the dashboard.
    const again = await request(await askForLink(boardEmail), { form: {} });
    expect(again.headers.get('location')).toBe('/admin');
  });

  it('lands on that page when the emailed link is opened in another browser, which has no cookie; the email carries no query', async () => {
    const { request, sent } = consoleFixture();
    const asked = await request('/admin/summaries/2026-10?q=anything');
    const returnTo = cookieFrom(asked, '__Host-return-to')!;
    expect((await request('/admin/sign-in', { form: { email: boardEmail }, cookie: returnTo })).status).toBe(200);
    const email = sent.at(-1)!;
    const link = new URL(/https:\/\/\S+\/admin\/sign-in\/\S+/.exec(email.text)![0]);
    expect(link.search).toBe(`?next=${encodeURIComponent('/admin/summaries/2026-10')}`);
    expect(email.text + email.html).not.toContain('anything');

    // Another browser: no cookie. The link's page keeps where to go in its form, and signing in goes there.
    const page = await (await request(link.pathname + link.search)).text();
    expect(page).toContain(`action="${link.pathname}?next=${encodeURIComponent('/admin/summaries/2026-10')}"`);
    const signedIn = await request(link.pathname + link.search, { form: {} });
    expect(signedIn.headers.get('location')).toBe('/admin/summaries/2026-10');
  });

  it("follows a link's page only to a summary an email links to, whatever a crafted link says, and the cookie first", async () => {
    const { request, askForLink, sent } = consoleFixture();
    const bad = ['https://evil.example/admin', '//evil.example', '/admin/../u/x', '/admin/sign-in/abc', '/admin/actions?q=x', '/admin/people/someone/deactivate', '/admin/summaries/2026-10/x'];
    for (const [i, next] of bad.entries()) {
      const signedIn = await request(`${await askForLink(i % 2 ? adminEmail : boardEmail)}?next=${encodeURIComponent(next)}`, { form: {} });
      expect(signedIn.headers.get('location'), next).toBe('/admin');
    }
    // A page no email links to (one anyone could plant in their own cookie) is not put in an admin's link.
    expect((await request('/admin/sign-in', { form: { email: adminEmail }, client: 'planter', cookie: `__Host-return-to=${encodeURIComponent('/admin/people/someone/deactivate')}` })).status).toBe(200);
    expect(sent.at(-1)!.text).not.toContain('next=');
    // In the browser that asked, its cookie wins over the link's page.
    const link = `${await askForLink(boardEmail, 'third')}?next=${encodeURIComponent('/admin/summaries/2026-10')}`;
    const signedIn = await request(link, { form: {}, cookie: `__Host-return-to=${encodeURIComponent('/admin/actions?status=open')}` });
    expect(signedIn.headers.get('location')).toBe('/admin/actions?status=open');
  });

  it('never leads anywhere but a console page: other sites, dot segments, sign-in pages and POSTs are not remembered', async () => {
    const { request, askForLink } = consoleFixture();
    const bad = ['https://evil.example/admin', '//evil.example', '/\\evil.example', '/admin//evil.example', '/admin/../u/x', '/admin/x/%2e%2e/sign-in/abc', '/admin/%2E/x', '/admin/sign-in/abc', '/u/token'];
    for (const [i, path] of bad.entries()) {
      // Two addresses, as each may ask for only a few links an hour.
      const signedIn = await request(await askForLink(i % 2 ? adminEmail : boardEmail), { form: {}, cookie: `__Host-return-to=${encodeURIComponent(path)}` });
      expect(signedIn.headers.get('location'), path).toBe('/admin');
    }
    const posted = await request('/admin/people', { form: { name: 'x' } });
    expect(cookieFrom(posted, '__Host-return-to')).toBeUndefined();
  });
});
