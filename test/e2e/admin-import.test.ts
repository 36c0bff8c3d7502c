import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { expectAccessible, launchChromium, signInToConsole } from './browser.js';

let stack: LocalStack;
let browser: Browser;
const admin = 'strategic.development@northshire.example';
const sample = (path: string) => readFileSync(new URL(path, import.meta.url));
const planCsv = sample('../../infra/local/demo/action-plan.csv');
const peopleCsv = sample('../../infra/local/demo/people.csv');
const quirkyCsv = sample('../fixtures/quirky-plan.csv');

beforeAll(async () => {
  // No demo data: the import is what loads the plan.
  stack = await startLocalStack({ memory: true, ports: { app: 0, mail: 0, dynamo: 0 }, loadDemo: false, schedules: false, log: () => {} });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Signs in as a person would: asks for a link, opens it from the local mail store, presses the button. */
async function signedInPage(width: number): Promise<Page> {
  // axe-core is injected as a script, so this context bypasses the CSP (the owner journey checks the CSP itself).
  const page = await (await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true })).newPage();
  await signInToConsole(page, stack, admin);
  return page;
}

async function upload(page: Page, plan: { name: string; buffer: Buffer }, people?: { name: string; buffer: Buffer }) {
  await page.goto(`${stack.appUrl}/admin/import`);
  await page.setInputFiles('#plan', { ...plan, mimeType: 'text/csv' });
  if (people) await page.setInputFiles('#people', { ...people, mimeType: 'text/csv' });
  await page.click('button:has-text("Upload and preview")');
}

describe('import in Chromium', () => {
  it('imports the sample plan and directory, then a plan with an unmatched owner resolved to a person', async () => {
    const page = await signedInPage(320);
    await page.goto(`${stack.appUrl}/admin/import`);
    await expectAccessible(page, 'import-upload');

    // A file that is not a spreadsheet: the GOV.UK error pattern, focus on the summary.
    await upload(page, { name: 'photo.png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]) });
    expect(await page.title()).toMatch(/^Error: Import the action plan/);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await expectAccessible(page, 'import-upload-error');

    await upload(page, { name: 'action-plan.csv', buffer: planCsv }, { name: 'people.csv', buffer: peopleCsv });
    expect(await page.textContent('h1')).toBe('Check the import');
    await expectAccessible(page, 'import-preview');
    await page.click('button:has-text("Import 27 actions and 13 people")');
    expect(await page.textContent('h1')).toBe('Plan imported');
    await expectAccessible(page, 'import-done');
    expect(await stack.deps.repository.listActions()).toHaveLength(27);

    await upload(page, { name: 'quirky-plan.csv', buffer: quirkyCsv });
    expect(await page.textContent('label[for=person-0]')).toBe('Who is Supt Nobody?');
    await expectAccessible(page, 'import-preview-unmatched');
    await page.selectOption('#person-0', { label: 'C/Supt Fiona Strand, Chief Superintendent, Head of Crime (fiona.strand@northshire.police.example)' });
    await page.click('button:has-text("Use these names and preview again")');
    expect(await page.textContent('.notification-title')).toBe('1 name matched');
    expect(await page.locator('#person-0').count()).toBe(0);
    await expectAccessible(page, 'import-preview-resolved');
    await page.click('button:has-text("Import 6 actions")');
    expect(await page.textContent('h1')).toBe('Plan imported');

    const fiona = (await stack.deps.repository.listPeople()).find((p) => p.email === 'fiona.strand@northshire.police.example');
    expect(fiona?.aliases).toContain('Supt Nobody');
    expect(await stack.deps.repository.getAction('q4')).toMatchObject({ unmatchedNames: [] });
  });

  it('previews and confirms sending reminders', async () => {
    const page = await signedInPage(320);
    await page.goto(`${stack.appUrl}/admin/reminders`);
    expect(await page.textContent('h1')).toBe('Reminders');
    await expectAccessible(page, 'reminders');
    await page.goto(`${stack.appUrl}/admin/reminders/send`);
    await expectAccessible(page, 'reminders-confirm');
    // The real clock decides: on a weekend or bank holiday there is nothing to send, and no box to tick.
    if ((await page.locator('#confirm').count()) === 0) return;
    await page.click('button:has-text("Send now")');
    expect(await page.title()).toMatch(/^Error: Send reminders now/);
    await expectAccessible(page, 'reminders-confirm-error');
    await page.check('#confirm');
    await page.click('button:has-text("Send now")');
    expect(await page.textContent('.notification-title')).toBe('Reminders sent');
    await expectAccessible(page, 'reminders-sent');
    const { emails } = (await (await fetch(`${stack.mailUrl}/store`)).json()) as { emails: Array<{ subject: string }> };
    expect(emails.filter((e) => !/sign in/i.test(e.subject)).length).toBeGreaterThan(0);
  });
});
