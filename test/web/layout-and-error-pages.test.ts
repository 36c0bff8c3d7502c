import { describe, expect, it } from 'vitest';
import { maxFormBytes } from '../../web/middleware/security.js';
import { appCss } from '../../web/assets/app-css.js';
import { adminEmail, boardEmail, consoleFixture } from '../admin/support/console-fixture.js';
import { ownerHarness, planActions, postForm, validUpdate } from '../owner/owner-fixture.js';
import { makeAction } from '../support/make-action.js';

/** Over the app-wide form limit. */
const tooLong = 'x'.repeat(maxFormBytes);

describe('the console layout', () => {
  it('puts the console navigation between the header and <main>, so "Skip to main content" skips it', async () => {
    const f = consoleFixture();
    const html = await (await f.request('/admin', { cookie: await f.signIn(adminEmail) })).text();
    const skip = html.indexOf('<a class="skip-link" href="#main">Skip to main content</a>');
    const header = html.indexOf('</header>');
    const nav = html.indexOf('<nav class="admin-nav"');
    const main = html.indexOf('<main id="main"');
    expect(skip).toBeGreaterThan(-1);
    expect(skip).toBeLessThan(header);
    expect(nav).toBeGreaterThan(header);
    expect(main).toBeGreaterThan(html.indexOf('</nav>', nav));
    expect(html.slice(main)).not.toContain('class="admin-nav"');
  });
});

describe('the compile-month field', () => {
  it('asks for "2026-10" without a numeric keypad, which has no hyphen on iOS', async () => {
    const f = consoleFixture();
    const html = await (await f.request('/admin/summaries', { cookie: await f.signIn(adminEmail) })).text();
    const input = /<input[^>]*id="month"[^>]*>/.exec(html)?.[0] ?? '';
    expect(input).toContain('type="text"');
    expect(input).not.toContain('inputmode');
  });
});

describe('console error pages', () => {
  it('answer an unknown console page with admin advice, the navigation and a link to the dashboard', async () => {
    const f = consoleFixture();
    const response = await f.request('/admin/no-such-page', { cookie: await f.signIn(adminEmail) });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('Check the address, or go to the dashboard.');
    expect(html).not.toContain('latest email');
    expect(html).toContain('<a href="/admin">Go to the dashboard</a>');
    expect(html).toContain('<nav class="admin-nav"');
  });

  it('send a board member refused an admin-only page back to the dashboard', async () => {
    const f = consoleFixture();
    const response = await f.request('/admin/reminders', { cookie: await f.signIn(boardEmail) });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('Only admins can do this');
    expect(html).toContain('<a href="/admin">Go to the dashboard</a>');
    expect(html).toContain('<nav class="admin-nav"');
    expect(html).not.toContain('href="/admin/people"');
  });

  it('link a typed error under the console, such as an unknown action, to the dashboard', async () => {
    const f = consoleFixture();
    const response = await f.request('/admin/actions/no-such-action', { cookie: await f.signIn(adminEmail) });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<a href="/admin">Go to the dashboard</a>');
  });

  it('refuse an oversized console form with a plain message and a link to the dashboard', async () => {
    const f = consoleFixture();
    const response = await f.request('/admin/summaries/compile', { form: { month: tooLong }, cookie: await f.signIn(adminEmail) });
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('Keep it under 640 kB');
    expect(html).toContain('<a href="/admin">Go to the dashboard</a>');
  });
});

describe('pages outside the console', () => {
  it('offer the home page’s real users a way on: owners a new link, admins and the board the sign-in', async () => {
    const f = consoleFixture();
    const html = await (await f.request('/')).text();
    expect(html).toContain('<a href="/u/new-link">Get a new link to your actions</a>');
    expect(html).toContain('<a href="/admin/sign-in">Sign in to the admin console</a>');
  });

  it('tell an owner whose update is over the body limit the form’s own limit, and link back to their actions', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const response = await postForm(h.app, `/u/${token}/actions/101`, { version: '1', progress: tooLong });
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('a progress update can be up to 5,000 characters');
    // The one link here leads away from the text: the way back to it is the browser's.
    expect(html).toContain('Go back to the form with your browser’s Back button, where what you wrote should still be');
    expect(html).not.toContain('kB');
    expect(html).toContain(`<a href="/u/${token}">Go to your actions</a>`);
    expect(await h.repository.listUpdates('101')).toEqual([]);
  });

  it('link any other oversized form, and an unknown page, to the home page', async () => {
    const h = await ownerHarness();
    const tooLarge = await postForm(h.app, '/u/new-link', { email: tooLong });
    expect(tooLarge.status).toBe(413);
    const html = await tooLarge.text();
    expect(html).toContain('Keep it under 640 kB');
    expect(html).toContain('<a href="/">Go to the home page</a>');
    expect(await (await h.app.request('/nothing-here')).text()).toContain('<a href="/">Go to the home page</a>');
  });
});

describe('the stylesheet', () => {
  it('keeps a warning button red on hover, and a focused button yellow under the pointer', () => {
    const hover = appCss.indexOf('.button-warning:hover{background:#aa2a16}');
    expect(hover).toBeGreaterThan(appCss.indexOf('.button:hover{background:#005a30}'));
    expect(appCss).toMatch(/\.button:focus,\.button:focus:hover\{background:#fd0;/);
  });
});

describe('the page for an unexpected error', () => {
  /** The owner's pages on a store whose every action read (a page) or update (a form) fails, as DynamoDB might. */
  const failingHarness = async (failing: 'saveUpdate' | 'getAction') => {
    const f = await ownerHarness();
    (f.repository as unknown as Record<string, () => Promise<never>>)[failing] = async () => {
      throw new Error('DynamoDB unavailable');
    };
    return f;
  };

  it('tells an owner whose form failed to send it again, which is saved once', async () => {
    const f = await failingHarness('saveUpdate');
    const token = await f.linkFor('alex');
    const response = await postForm(f.app, `/u/${token}/actions/101`, validUpdate());
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('What you sent may have been saved. Send the form again in a few minutes: it is never saved twice');
    expect(html).not.toContain('Nothing was saved');
    expect(html).not.toContain('DynamoDB unavailable');
    // To send it again they need what they wrote, which the way on to their actions would lose.
    expect(html).toContain('What you wrote may not have been saved. Copy what you wrote from below before you leave this page:');
    expect(html).toContain('<p class="prose unsaved">Audit completed for October.</p>');
    expect(html.indexOf('unsaved')).toBeLessThan(html.indexOf('Go to your actions'));
  });

  it('gives an SRO whose return of a closure failed the reason they typed', async () => {
    const proposed = makeAction({ id: '301', ref: '3.01', ownerIds: ['alex'], sroId: 'blake', status: 'proposed-closure', version: 4 });
    const f = await ownerHarness({ actions: [...planActions(), proposed] });
    f.repository.saveUpdate = async () => {
      throw new Error('DynamoDB unavailable');
    };
    const token = await f.linkFor('blake');
    const response = await postForm(f.app, `/u/${token}/sign-off/301/return`, { version: '4', returnReason: 'The audit report is not attached.' });
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('<p class="prose unsaved">The audit report is not attached.</p>');
    expect(html).not.toContain('DynamoDB unavailable');
  });

  it('tells an admin whose console change failed that some of it may have been saved, and how to check', async () => {
    const f = consoleFixture();
    f.repository.putPerson = async () => {
      throw new Error('DynamoDB unavailable');
    };
    const cookie = await f.signIn(adminEmail);
    const response = await f.request('/admin/people', { method: 'POST', cookie, form: { name: 'DI New Person', email: 'new.person@testshire.example', role: '' } });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('Some of what you sent may have been saved: open the page again to check');
  });

  it('tells someone whose page failed only to try again, since opening a page writes nothing', async () => {
    const f = await failingHarness('getAction');
    const token = await f.linkFor('alex');
    const response = await f.app.request(`/u/${token}/actions/101`);
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('Try again in a few minutes.');
    expect(html).not.toContain('may have been saved');
  });
});
