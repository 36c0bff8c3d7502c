import { describe, expect, it } from 'vitest';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { makeAction, makePerson } from '../support/make-action.js';
import { adminEmail, boardEmail, consoleConfig, consoleFixture } from './support/console-fixture.js';

const minute = 60_000;
const hour = 60 * minute;

describe('console sessions', () => {
  it('opens the dashboard with the session cookie, and keeps every console page out of caches', async () => {
    const { signIn, request } = consoleFixture();
    const cookie = await signIn(adminEmail);
    const response = await request('/admin', { cookie });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>Dashboard</h1>');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('ends after 30 minutes without a request, and sends the person to sign in with a reason', async () => {
    const { signIn, request, advance } = consoleFixture();
    const cookie = await signIn(adminEmail);
    advance(30 * minute - 1);
    expect((await request('/admin', { cookie })).status).toBe(200);
    advance(30 * minute);
    const ended = await request('/admin', { cookie });
    expect(ended.status).toBe(303);
    expect(ended.headers.get('location')).toBe('/admin/sign-in?ended=1');
    expect(ended.headers.get('set-cookie')).toMatch(/^__Host-session=;.*Max-Age=0/);
    expect(await (await request('/admin/sign-in?ended=1')).text()).toContain('You have been signed out');
  });

  it('gives back what was typed into a form sent after the session ended, to copy, and saves nothing', async () => {
    const { signIn, request, advance, repository } = consoleFixture();
    await repository.putAction(makeAction({ id: 'a-1', ref: '1.01' }), null);
    const cookie = await signIn(adminEmail);
    advance(31 * minute);
    const typed = 'Spoke to the owner:\r\nthe review <b>finished</b> last week.';
    const response = await request('/admin/actions/a-1/on-behalf', { form: { version: '1', progress: typed, confidence: 'high', owner: 'p-1' }, cookie });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-session=;.*Max-Age=0/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('What you typed was not saved');
    expect(html).toContain('<label class="label" for="unsaved-0">Progress</label>');
    expect(html).toContain('readonly="">Spoke to the owner:\nthe review &lt;b&gt;finished&lt;/b&gt; last week.</textarea>');
    // Choices and ids are not offered back; the sign-in form is there to continue.
    expect(html).not.toContain('unsaved-1');
    expect(html).toContain('action="/admin/sign-in"');
    expect((await repository.getAction('a-1'))!.version).toBe(1);
    expect(await repository.listUpdates('a-1')).toEqual([]);

    // Nothing typed (a sign-out, a confirm box): the usual redirect.
    const signOut = await request('/admin/sign-out', { form: {}, cookie });
    expect(signOut.status).toBe(303);
  });

  it('gives back what was typed in a tab whose cookie another tab cleared by signing out', async () => {
    const { signIn, request, repository } = consoleFixture();
    await repository.putAction(makeAction({ id: 'a-1', ref: '1.01' }), null);
    await request('/admin/sign-out', { form: {}, cookie: await signIn(adminEmail) });
    const response = await request('/admin/actions/a-1/on-behalf', { form: { version: '1', progress: 'Met the owner today.', confidence: 'high' } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('readonly="">Met the owner today.</textarea>');
    expect(await repository.listUpdates('a-1')).toEqual([]);
    // A GET without a cookie is only sent to sign in.
    expect((await request('/admin/actions/a-1')).headers.get('location')).toBe('/admin/sign-in');
  });

  it('does not read an upload sent without a live session, which only its own route limits, to give it back', async () => {
    const { signIn, request, advance } = consoleFixture();
    const cookie = await signIn(adminEmail);
    advance(31 * minute);
    const response = await request('/admin/import/preview', { form: { plan: 'a large file '.repeat(20_000) }, cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/sign-in?ended=1');
    expect(await response.text()).not.toContain('a large file');
  });

  it('stays alive while used, and ends 12 hours after signing in however busy', async () => {
    const { signIn, request, advance } = consoleFixture();
    const cookie = await signIn(adminEmail);
    for (let elapsed = 0; elapsed < 12 * hour - 20 * minute; elapsed += 20 * minute) {
      advance(20 * minute);
      expect((await request('/admin', { cookie })).status, `after ${elapsed / minute + 20} minutes`).toBe(200);
    }
    advance(20 * minute);
    expect((await request('/admin', { cookie })).status).toBe(303);
  });

  it('writes lastSeenAt at most once a minute, not on every request', async () => {
    const { signIn, request, advance, sessions } = consoleFixture();
    const cookie = await signIn(adminEmail);
    const { hash, lastSeenAt } = [...sessions.sessions.values()][0]!;
    advance(30_000);
    await request('/admin', { cookie });
    expect(sessions.sessions.get(hash)!.lastSeenAt).toBe(lastSeenAt);
    advance(30_000);
    await request('/admin', { cookie });
    expect(Date.parse(sessions.sessions.get(hash)!.lastSeenAt) - Date.parse(lastSeenAt)).toBe(minute);
  });

  it('signs out: the session is deleted and the cookie cleared', async () => {
    const { signIn, request, sessions } = consoleFixture();
    const cookie = await signIn(adminEmail);
    // The actions list's remembered view goes too: its search may quote an action.
    const out = await request('/admin/sign-out', { form: {}, cookie: `${cookie}; __Host-actions-list=%2Fadmin%2Factions%3Fq%3Dcustody` });
    expect(out.status).toBe(200);
    expect(await out.text()).toContain('You have signed out');
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-session=;/);
    expect(out.headers.getSetCookie().some((c) => c.startsWith('__Host-actions-list=;'))).toBe(true);
    expect(sessions.sessions.size).toBe(0);
    expect((await request('/admin', { cookie })).status).toBe(303);
  });

  it('signs out everywhere: every session and unused link of the address ends, others stay; recorded', async () => {
    const { signIn, askForLink, request, advance, audit } = consoleFixture();
    const laptop = await signIn(adminEmail);
    const phone = await signIn(adminEmail);
    const board = await signIn(boardEmail);
    const unused = await askForLink(adminEmail);
    advance(1000);
    const out = await request('/admin/sign-out/everywhere', { form: {}, cookie: phone });
    expect(out.status).toBe(200);
    expect(await out.text()).toContain('You have signed out everywhere');
    expect((await request('/admin', { cookie: laptop })).status).toBe(303);
    expect((await request('/admin', { cookie: phone })).status).toBe(303);
    expect((await request('/admin', { cookie: board })).status).toBe(200);
    expect((await request(unused, { form: {} })).status).toBe(404);
    expect(audit.entries.at(-1)).toMatchObject({ by: adminEmail, change: 'sign-out-everywhere', target: { type: 'session', id: adminEmail } });
    advance(1);
    expect((await request('/admin', { cookie: await signIn(adminEmail) })).status).toBe(200);
  });

  it('ends at once when the address leaves the config lists, and takes its role from the config now', async () => {
    const fixture = consoleFixture();
    const admin = await fixture.signIn(adminEmail);
    const board = await fixture.signIn(boardEmail);
    // A redeploy with a changed config: the same stores, new lists.
    const config = parseForceConfig({ ...consoleConfig, admins: [boardEmail], board: [] }, 'test');
    const redeployed = consoleFixture({ ...fixture.deps, config });
    expect((await redeployed.request('/admin', { cookie: admin })).status).toBe(303);
    const promoted = await redeployed.request('/admin', { cookie: board });
    expect(promoted.status).toBe(200);
    expect(await promoted.text()).toContain('(admin)');
  });

  it('shows an admin who is not in the people directory by address, and names no address in emails to owners', async () => {
    const { signIn, request, repository, sent } = consoleFixture();
    await repository.putPerson(makePerson({ id: 'p-1', name: 'Supt Alex Morgan', email: 'alex.morgan@testshire.example' }));
    await repository.putAction(makeAction({ id: 'a-1', ref: '1.01', ownerIds: ['p-1'], status: 'proposed-closure' }), null);
    const cookie = await signIn(adminEmail);
    expect(await (await request('/admin', { cookie })).text()).toContain(`${adminEmail} (admin)`);
    await request('/admin/actions/a-1/sign-off', { form: { version: '1' }, cookie });
    await request('/admin/actions/a-1/reopen', { form: { version: '2', reopenReason: 'The board asked for more evidence.' }, cookie });
    const told = sent.filter((e) => e.to.includes('alex.morgan@testshire.example'));
    expect(told.map((e) => e.subject)).toEqual(['Action 1.01 is signed off and closed', 'Action 1.01 is open again']);
    expect(told[0]!.text).toContain('An administrator has signed off action 1.01');
    expect(told[1]!.text).toContain('An administrator has reopened action 1.01');
    for (const email of told) expect(email.text + email.html).not.toContain(adminEmail);
  });

  it('takes a session begun when an unlisted admin\'s name was their address as having no name', async () => {
    const { signIn, request, repository, sessions, sent } = consoleFixture();
    await repository.putPerson(makePerson({ id: 'p-1', name: 'Supt Alex Morgan', email: 'alex.morgan@testshire.example' }));
    await repository.putAction(makeAction({ id: 'a-1', ref: '1.01', ownerIds: ['p-1'], status: 'proposed-closure' }), null);
    const cookie = await signIn(adminEmail);
    // As such sessions were stored: the address in the name.
    for (const [hash, record] of sessions.sessions) sessions.sessions.set(hash, { ...record, name: adminEmail });
    await request('/admin/actions/a-1/sign-off', { form: { version: '1' }, cookie });
    expect(sent.at(-1)!.text).toContain('An administrator has signed off action 1.01');
  });

  it('ignores a made-up cookie', async () => {
    const { request } = consoleFixture();
    for (const value of ['x'.repeat(43), 'nonsense', '']) {
      const response = await request('/admin', { cookie: `__Host-session=${value}` });
      expect(response.status).toBe(303);
    }
  });
});
