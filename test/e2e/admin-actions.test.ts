import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planColumnsFor } from '../../functions/adapters/xlsx/plan-columns.js';
import { noUpdateColumn } from '../../functions/core/board-summary/board-wording.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { expectAccessible, launchChromium, signInToConsole } from './browser.js';
import { seedPlan } from './seed.js';

/**
 * Actions and Export in Chromium on the local stack (demo force, in memory): the list with its filters,
 * one action, reassigning it (the new owner's email read from the local mail store), an update on an
 * owner's behalf that proposes closure, its sign-off, a reason left out, and the export read back.
 */
let stack: LocalStack;
let browser: Browser;
let admin: string;

interface StoredEmail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string; html?: string };
}

beforeAll(async () => {
  stack = await startLocalStack({ memory: true, ports: { app: 0, mail: 0, dynamo: 0 }, loadDemo: true, schedules: false, log: () => {} });
  if ((await stack.deps.repository.listActions()).length === 0) await seedPlan(stack.deps.repository, stack.deps.clock.now());
  admin = stack.deps.config.admins[0]!;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Signed in as the admin; the context bypasses the CSP only so that axe-core can be injected. */
async function signedInPage(width: number, options: { bypassCSP: boolean } = { bypassCSP: true }): Promise<{ page: Page; cspErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: options.bypassCSP, acceptDownloads: true });
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  await signInToConsole(page, stack, admin);
  return { page, cspErrors };
}

async function mailTo(address: string): Promise<StoredEmail[]> {
  const { emails } = (await (await fetch(`${stack.mailUrl}/store`)).json()) as { emails: StoredEmail[] };
  return emails.filter((e) => e.destination.to.includes(address));
}

describe('Actions and Export in Chromium', () => {
  // One sign-in for the journey (sign-in requests are rate-limited per address), one more for the CSP check.
  let page: Page;
  beforeAll(async () => {
    page = (await signedInPage(1024)).page;
  });
  afterAll(async () => {
    await page?.context().close();
  });

  for (const width of [1024, 320]) {
    it(`the list and one action are accessible at ${width} px, and the filters work without script`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.click('.admin-nav a:has-text("Actions")');
      await page.waitForURL(`${stack.appUrl}/admin/actions`);
      expect(await page.textContent('h1')).toBe('Actions');
      await expectAccessible(page, `actions-list-${width}`);

      await page.check('#stale');
      await page.selectOption('#sort', 'updated-oldest');
      await page.click('.filters button:has-text("Apply")');
      expect(page.url()).toContain('stale=yes');
      expect(page.url()).toContain('sort=updated-oldest');
      await expectAccessible(page, `actions-list-filtered-${width}`);

      await page.goto(`${stack.appUrl}/admin/actions?status=nonsense`);
      expect(await page.textContent('.warning-text')).toContain('so it was ignored');

      await page.goto(`${stack.appUrl}/admin/actions`);
      await page.locator('tbody th a').first().click();
      expect(await page.locator('h2#history').count()).toBe(1);
      await expectAccessible(page, `action-page-${width}`);
    });
  }

  it('reassigns an action: the new owner gets their link and the ref, without the text', async () => {
    await page.setViewportSize({ width: 1024, height: 900 });
    const [action] = await stack.deps.repository.listActions();
    const people = await stack.deps.repository.listPeople();
    const newOwner = people.find((p) => p.active && !action!.ownerIds.includes(p.id))!;
    await page.goto(`${stack.appUrl}/admin/actions/${action!.id}`);
    await page.click('summary:has-text("Reassign owners")');
    await page.selectOption('#owner1', newOwner.id);
    await page.click('#change-reassign button[type=submit]');
    expect(await page.textContent('.notification-title')).toBe('Owners reassigned');
    await expectAccessible(page, 'action-reassigned');
    // Its history now names the admin by address, one long word that must wrap on a phone.
    await page.setViewportSize({ width: 320, height: 900 });
    await expectAccessible(page, 'action-reassigned-320');
    await page.setViewportSize({ width: 1024, height: 900 });
    const [email] = await mailTo(newOwner.email);
    expect(email!.subject).toContain(action!.ref);
    expect(email!.body.text).toMatch(new RegExp(`${stack.appUrl}/u/[A-Za-z0-9_-]{43}`));
    expect(email!.body.text).not.toContain(action!.text.slice(0, 30));
  });

  it("records an owner's update on their behalf proposing closure, then signs the closure off", async () => {
    await page.setViewportSize({ width: 1024, height: 900 });
    const action = (await stack.deps.repository.listActions()).find((a) => a.status === 'open' && a.ownerIds.length > 0 && a.timescale.target !== null)!;
    await page.goto(`${stack.appUrl}/admin/actions/${action.id}`);
    await page.click('summary:has-text("on an owner")');
    await page.fill('#progress', 'Told me by phone: the last audit is done.');
    await page.check('#confidence');
    await page.check('#complete');
    await page.click('#change-on-behalf button[type=submit]');
    expect(await page.textContent('.notification-title')).toContain('on the owner');
    expect(await page.textContent('h1')).toContain('Proposed for closure');

    // A closure awaiting sign-off opens its section by itself.
    await page.click('#change-sign-off button[type=submit]');
    expect(await page.textContent('.notification-title')).toContain('Closure signed off');
    expect((await stack.deps.repository.getAction(action.id))!.status).toBe('closed');
    const history = await stack.deps.repository.listUpdates(action.id);
    expect(history.slice(-2).map((u) => [u.via, u.by, u.onBehalfOf])).toEqual([
      ['admin', admin, action.ownerIds[0]],
      ['admin', admin, null],
    ]);

    // Reopening needs a reason: the GOV.UK error pattern, focus on the summary.
    await page.click('summary:has-text("Reopen")');
    await page.click('#change-reopen button[type=submit]');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await expectAccessible(page, 'action-reopen-error');
  });

  it('pages keep to the CSP (no inline style or script)', async () => {
    const strict = await signedInPage(1024, { bypassCSP: false });
    const [action] = await stack.deps.repository.listActions();
    for (const path of ['/admin/actions', `/admin/actions/${action!.id}`, '/admin/export', '/admin/audit']) await strict.page.goto(`${stack.appUrl}${path}`);
    expect(strict.cspErrors).toEqual([]);
    await strict.page.context().close();
  });

  it('exports the plan: the download is the plan in the familiar layout, and the audit log shows who took it', async () => {
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.click('.admin-nav a:has-text("Export")');
    expect(await page.textContent('h1')).toBe('Export the action plan');
    await expectAccessible(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download the plan")')]);
    expect(download.suggestedFilename()).toMatch(/^action-plan-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = await readFile((await download.path())!);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Action plan')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(planColumnsFor(noUpdateColumn(stack.deps.config.staleAfterDays)).map((c) => c.header));
    expect(sheet.rowCount - 1).toBe((await stack.deps.repository.listActions()).length);

    await page.click('.admin-nav a:has-text("Audit log")');
    expect(await page.textContent('h1')).toBe('Audit log');
    expect(await page.textContent('tbody tr:first-child')).toContain('Downloaded the whole plan');
    expect(await page.textContent('tbody tr:first-child .change-list')).toContain(`File: ${download.suggestedFilename()}`);
    await expectAccessible(page, 'audit-log');
    await page.setViewportSize({ width: 320, height: 900 });
    await expectAccessible(page, 'audit-log-320');
  });
});
