import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { latestEmailedLink, latestSignInLink } from '../admin/support/sign-in-over-http.js';
import { launchChromium, stateChecker, tabTo } from './browser.js';
import { seedPlan } from './seed.js';
import { localMonth } from '../../functions/core/board-summary/month.js';

/**
 * The admin console in Chromium on the local stack (demo force, in memory). The journey is one signed-in
 * admin going through the console step by step in one page, each step an `it`, in order: add a step
 * (import the sample, reassign, sign off a closure, export…) as another `it` before "signs out".
 */
let stack: LocalStack;
let browser: Browser;
let admin: string;
let board: string;

beforeAll(async () => {
  stack = await startLocalStack({ memory: true, ports: { app: 0, mail: 0, dynamo: 0 }, loadDemo: true, schedules: false, log: () => {} });
  if ((await stack.deps.repository.listActions()).length === 0) await seedPlan(stack.deps.repository, stack.deps.clock.now());
  admin = stack.deps.config.admins[0]!;
  board = stack.deps.config.board[0]!;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A page in a context that enforces the CSP, recording any violation the console reports. */
async function strictPage(width = 1024): Promise<{ context: BrowserContext; page: Page; cspErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  return { context, page, cspErrors };
}

/** Asks for a sign-in link as a person would and opens it from the local mail store; stops on the "Sign in" page. */
async function openSignInLink(page: Page, email: string): Promise<string> {
  await page.goto(`${stack.appUrl}/admin/sign-in`);
  await page.fill('#email', email);
  await page.click('button[type=submit]');
  expect(await page.textContent('h1')).toBe('Check your email');
  const link = await latestSignInLink(stack.mailUrl, email);
  expect(link.startsWith(`${stack.appUrl}/admin/sign-in/`)).toBe(true);
  await page.goto(link);
  return link;
}

async function signIn(page: Page, email: string): Promise<void> {
  await openSignInLink(page, email);
  await page.click('button:has-text("Sign in")');
  await page.waitForURL(`${stack.appUrl}/admin`);
}

describe('the admin journey in Chromium', () => {
  let journey: Awaited<ReturnType<typeof strictPage>>;
  beforeAll(async () => {
    journey = await strictPage();
  });
  afterAll(async () => {
    expect(journey.cspErrors).toEqual([]);
    await journey.context.close();
  });

  it('signs in from the local mail store: the link opens a button, and the button signs in', async () => {
    const { page } = journey;
    const link = await openSignInLink(page, admin);
    expect(await page.textContent('h1')).toBe('Sign in to the admin console');
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(`${stack.appUrl}/admin`);
    const cookies = await journey.context.cookies();
    // Local http: the plain name, HttpOnly and SameSite=Lax (Secure and __Host- need https).
    expect(cookies.find((c) => c.name === 'session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // The link worked once.
    const again = await (await journey.context.newPage()).goto(link);
    expect(again!.status()).toBe(404);
  });

  it('sees the dashboard: the figures, the stale and overdue lists, the reminder runs', async () => {
    const { page } = journey;
    await page.goto(`${stack.appUrl}/admin`);
    expect(await page.textContent('h1')).toBe('Dashboard');
    const total = (await stack.deps.repository.listActions()).length;
    expect(await page.textContent('.lead')).toContain(`${total} actions in the plan`);
    expect(await page.locator('caption').first().textContent()).toBe('Headline figures');
    expect(await page.textContent('#stale-heading')).toMatch(/^Actions with no update for 28 days or more: \d+$/);
    expect(await page.textContent('#overdue-heading')).toMatch(/^Overdue actions: \d+$/);
    expect(await page.locator('h2:has-text("Recent reminder runs")').count()).toBe(1);
  });

  it('opens People from the navigation, then a person', async () => {
    const { page } = journey;
    await page.click('.admin-nav a:has-text("People")');
    await page.waitForURL(`${stack.appUrl}/admin/people`);
    expect(await page.textContent('h1')).toBe('People');
    const first = page.locator('tbody tr a').first();
    const name = (await first.textContent())!;
    await first.click();
    expect(await page.textContent('h1')).toBe(name);
    expect(await page.locator(`form[action$="/revoke-links"]`).count()).toBe(1);
  });

  it('emails that person a new link, which opens their actions from the local mail store', async () => {
    const { page } = journey;
    const name = (await page.textContent('h1'))!;
    const email = (await page.textContent('dt:has-text("Email") + dd'))!.trim();
    await page.click(`button:has-text("Email ${name} a new link")`);
    expect(await page.textContent('.notification-success h2')).toBe('A new link to their actions was emailed to them');
    const owner = await browser.newContext();
    const ownerPage = await owner.newPage();
    await ownerPage.goto(await latestEmailedLink(stack.mailUrl, email, '/u'));
    expect(await ownerPage.textContent('h1')).toBe('Your actions');
    await owner.close();
  });

  // ── Further steps of the journey go here, in order. ──

  it('signs out, and the console is closed to that browser', async () => {
    const { page } = journey;
    await page.click('.admin-nav button:has-text("Sign out")');
    expect(await page.textContent('h1')).toBe('You have signed out');
    await page.goto(`${stack.appUrl}/admin`);
    expect(page.url()).toBe(`${stack.appUrl}/admin/sign-in`);
  });
});

describe('keyboard and roles', () => {
  it('signs in by keyboard alone, with the error summary taking focus', async () => {
    const { context, page, cspErrors } = await strictPage();
    await page.goto(`${stack.appUrl}/admin/sign-in`);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Email me a sign-in link');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await tabTo(page, (el) => el.id === 'email');
    await page.keyboard.type(admin);
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Check your email")');
    await page.goto(await latestSignInLink(stack.mailUrl, admin));
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Sign in');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${stack.appUrl}/admin`);
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it('shows a board member the dashboard and summaries but not People, and refuses People to them', async () => {
    const { context, page } = await strictPage();
    await signIn(page, board);
    const nav = await page.locator('.admin-nav a').allTextContents();
    expect(nav).toContain('Summaries');
    expect(nav).not.toContain('People');
    const people = await page.goto(`${stack.appUrl}/admin/people`);
    expect(people!.status()).toBe(403);
    await context.close();
  });
});

describe('accessibility', () => {
  it('passes axe (WCAG 2.2 AA) on every sign-in, dashboard, People and Summaries page, at 1024 and 320 px', async () => {
    const results: Record<string, unknown[]> = {};
    // An SRO, so that the deactivation page offers a successor for their portfolio.
    const sros = new Set((await stack.deps.repository.listActions()).map((a) => a.sroId));
    const person = (await stack.deps.repository.listPeople()).find((p) => p.active && sros.has(p.id))!;
    for (const width of [1024, 320]) {
      // axe-core is injected as a script, so this context bypasses the CSP (the journey above checks it).
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      const check = stateChecker(page, width, results, 'admin-');
      await page.goto(`${stack.appUrl}/admin/sign-in`);
      await check('sign-in');
      await page.click('button[type=submit]');
      await check('sign-in-errors');
      await page.goto(`${stack.appUrl}/admin/sign-in?ended=1`);
      await check('sign-in-ended');
      await page.goto(`${stack.appUrl}/admin/sign-in/${'x'.repeat(43)}`);
      await check('sign-in-link-refused');
      const link = await openSignInLink(page, admin);
      await check('check-email-then-sign-in-button');
      await page.click('button:has-text("Sign in")');
      await page.waitForURL(`${stack.appUrl}/admin`);
      await check('dashboard');
      await page.goto(`${stack.appUrl}/admin/people`);
      await check('people');
      await page.goto(`${stack.appUrl}/admin/people/${person.id}`);
      await check('person');
      await page.goto(`${stack.appUrl}/admin/people/${person.id}/deactivate`);
      expect(await page.locator('#newSro option').count()).toBeGreaterThan(1);
      await check('deactivate-confirm');
      await page.click('button:has-text("Deactivate")');
      await check('deactivate-errors');
      await page.goto(`${stack.appUrl}/admin/summaries`);
      await check('summaries');
      await page.click('button:has-text("Preview")');
      await page.waitForSelector('.error-summary');
      await check('summaries-compile-error');
      // A kept month: its page, the list with its pack, and the pack's download (a POST, audited). The
      // demo plan is loaded as of 30 October 2026, so October is the one month with a summary to keep.
      const month = '2026-10';
      await page.fill('#month', month);
      await page.click('button:has-text("Preview")');
      if (width === 1024) {
        // Previewed first (a GET that keeps and sends nothing), then sent from the preview's own button.
        await page.waitForSelector('text=Preview: this summary is not kept');
        await check('summary-preview');
        await page.click('button:has-text("Compile and send")');
        await page.waitForSelector('.notification-success');
      } else {
        // Kept at 1024 px: its preview says so and who has had it, with nothing left to send.
        await page.waitForSelector('text=This month is kept already');
        await check('summary-preview-kept');
        // A preview of figures so far at this width too: this month, which has not ended whatever the day.
        await page.goto(`${stack.appUrl}/admin/summaries/preview?month=${localMonth(stack.deps.clock.now(), stack.deps.config.timeZone)}`);
        await page.waitForSelector('text=has not ended yet');
        await check('summary-preview-so-far');
        await page.goto(`${stack.appUrl}/admin/summaries/${month}`);
      }
      await check('summary-month');
      if (width === 320) {
        // SES reported that one board member's email bounced: the month's page names the address to check.
        await stack.deps.summaries.markBounced(month, stack.deps.config.board[0]!);
        await page.reload();
        await page.waitForSelector('text=bounced, as the email service reported');
        await check('summary-month-bounced');
        // The address is right after all (IT took it off the suppression list): sent again to it alone.
        await page.click(`button:has-text("Send October 2026 again to ${stack.deps.config.board[0]!}")`);
        await page.waitForSelector('.notification-success >> text="Sent to 1 board member"');
        await check('summary-month-sent-after-bounce');
      }
      await page.goto(`${stack.appUrl}/admin/summaries`);
      await check('summaries-list');
      const [pack] = await Promise.all([page.waitForEvent('download'), page.click(`button:has-text("board-pack-${month}.xlsx")`)]);
      expect(pack.suggestedFilename()).toBe(`board-pack-${month}.xlsx`);
      await page.goto(link);
      await check('sign-in-link-used');
      await page.goto(`${stack.appUrl}/admin`);
      await page.click('button:has-text("Sign out everywhere")');
      await check('signed-out-everywhere');
      await context.close();
    }
    expect(results).toEqual(Object.fromEntries(Object.keys(results).map((key) => [key, []])));
  });
});
