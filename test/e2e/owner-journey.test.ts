import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLink } from '../../functions/core/links/links.js';
import type { Person } from '../../functions/core/model/person.js';
import { listMyWork } from '../../functions/core/owner/list-my-actions.js';
import { submitOwnerUpdate } from '../../functions/core/owner/submit-owner-update.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { seedPlan } from './seed.js';
import { latestEmailedLink } from '../admin/support/sign-in-over-http.js';
import { launchChromium, stateChecker, tabTo } from './browser.js';

let stack: LocalStack;
let browser: Browser;
/** The demo person with the most open actions, and a co-owner-free second person for isolation. */
let owner: Person;
let others: Person[];

beforeAll(async () => {
  stack = await startLocalStack({ memory: true, ports: { app: 0, mail: 0, dynamo: 0 }, loadDemo: true, schedules: false, log: () => {} });
  const now = stack.deps.clock.now();
  if ((await stack.deps.repository.listActions()).length === 0) await seedPlan(stack.deps.repository, now);
  const counted = await Promise.all(
    (await stack.deps.repository.listPeople()).filter((p) => p.active).map(async (person) => ({ person, count: (await listMyWork(stack.deps, person, now)).owned.length })),
  );
  counted.sort((a, b) => b.count - a.count);
  expect(counted[0]!.count, 'a demo person owns at least 4 open actions').toBeGreaterThanOrEqual(4);
  owner = counted[0]!.person;
  others = counted.slice(1).filter((c) => c.count >= 2).map((c) => c.person);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

async function latestEmailTo(email: string): Promise<StoredEmail> {
  const { emails } = (await (await fetch(`${stack.mailUrl}/store`)).json()) as { emails: StoredEmail[] };
  const latest = emails.filter((e) => e.destination.to.includes(email)).at(-1);
  if (!latest) throw new Error(`Nothing emailed to ${email}`);
  return latest;
}

const latestLinkFor = (email: string): Promise<string> => latestEmailedLink(stack.mailUrl, email, '/u');

/** A page in a context that enforces the CSP, recording any violation the console reports. */
async function strictPage(width = 1024): Promise<{ page: Page; cspErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  return { page, cspErrors };
}

/** Low confidence, which an action whose target has passed also takes (high or medium would be refused). */
async function fillUpdate(page: Page, progress: string) {
  await page.fill('#progress', progress);
  await page.check('#confidence-low');
  if ((await page.inputValue('#targetYear')) === '' && (await page.inputValue('#target')) !== '') await page.selectOption('#target', '');
}

describe('the owner journey in Chromium', () => {
  it('asks for a link by email, opens it from the mail store, updates two actions and sees them saved', async () => {
    const { page, cspErrors } = await strictPage();
    await page.goto(`${stack.appUrl}/u/new-link`);
    await page.fill('#email', owner.email.toUpperCase());
    await page.click('button[type=submit]');
    expect(await page.textContent('h1')).toBe('Check your email');
    const link = await latestLinkFor(owner.email);
    expect(link.startsWith(stack.appUrl)).toBe(true);

    await page.goto(link);
    expect(await page.textContent('h1')).toBe('Your actions');
    const refs = await page.locator('.action-card-title').allTextContents();
    expect(refs.length).toBeGreaterThanOrEqual(4);
    const before = (await listMyWork(stack.deps, owner, stack.deps.clock.now())).owned;

    for (const [n, item] of before.slice(0, 2).entries()) {
      await page.click(`.action-card a.button[href$="/actions/${item.action.id}"]`);
      expect(await page.textContent('h1')).toMatch(/^Update /);
      await fillUpdate(page, `Progress from the browser, action ${n + 1}.`);
      await page.click('button[type=submit]');
      expect(page.url()).toContain('?saved=');
      expect(await page.textContent('.notification-success h2')).toMatch(/^Update saved for /);
    }
    for (const item of before.slice(0, 2)) {
      const history = await stack.deps.repository.listUpdates(item.action.id);
      expect(history.at(-1)).toMatchObject({ by: owner.id, via: 'link', countsAsProgress: true });
      expect(history.at(-1)!.patch.latestProgress).toMatch(/^Progress from the browser, action [12]\.$/);
    }
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });

  it('works by keyboard alone, including the error summary taking focus', async () => {
    const person = others[0] ?? owner;
    const { token } = await issueLink(stack.deps, person, stack.deps.clock.now());
    const { page, cspErrors } = await strictPage();
    await page.goto(`${stack.appUrl}/u/${token}`);
    await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith('Update'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/actions\//);

    // Submit empty: the error summary takes focus.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Save update', 120);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#progress');

    await tabTo(page, (el) => el.id === 'progress');
    await page.keyboard.type('Typed by keyboard only.');
    // Arrow keys move the choice within the radio group, as a keyboard user picks Low.
    await tabTo(page, (el) => el.name === 'confidence');
    for (let i = 0; i < 3 && (await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) !== 'low'; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#confidence-low')).toBe(true);
    const year = await page.inputValue('#targetYear');
    if (year === '' && (await page.inputValue('#target')) !== '') throw new Error('unexpected half-set target');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Save update', 120);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?saved=/);
    expect(await page.textContent('.notification-success h2')).toMatch(/^Update saved for /);
    // The confirmation takes focus, so that a screen reader reads it first; Tab goes on to its next action.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('notification-success');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.notification-success') !== null)).toBe(true);
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });

  it('by keyboard alone, resubmits from the conflict page and asks for a new link from a dead one', async () => {
    const person = others[2] ?? others[0] ?? owner;
    const now = stack.deps.clock.now();
    const { token } = await issueLink(stack.deps, person, now);
    const action = (await listMyWork(stack.deps, person, now)).owned[0]!.action;
    const { page, cspErrors } = await strictPage(320);
    await page.goto(`${stack.appUrl}/u/${token}`);
    await tabTo(page, (el) => el.tag === 'a' && el.text === `Update ${action.ref}`, 200);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/actions\//);

    // Saved elsewhere (a co-owner, another tab) while this form is open.
    const target = action.timescale.target;
    const elsewhere = { version: String(action.version), progress: 'Saved elsewhere first.', confidence: 'low', targetMonth: target ? String(Number(target.slice(5, 7))) : '', targetYear: target?.slice(0, 4) ?? '' };
    expect((await submitOwnerUpdate(stack.deps, person, action.id, elsewhere, now)).kind).toBe('saved');

    await tabTo(page, (el) => el.id === 'progress', 120);
    await page.keyboard.type('Typed by keyboard, then met a conflict.');
    await tabTo(page, (el) => el.name === 'confidence');
    for (let i = 0; i < 3 && (await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) !== 'low'; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Save update', 120);
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("was updated while you were writing")');
    // Their text is kept in the form; one button saves it on top of the other update.
    expect(await page.inputValue('#progress')).toBe('Typed by keyboard, then met a conflict.');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Save my update', 200);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?saved=/);
    expect(await page.textContent('.notification-success h2')).toBe(`Update saved for ${action.ref}`);
    expect((await stack.deps.repository.listUpdates(action.id)).at(-1)!.patch.latestProgress).toBe('Typed by keyboard, then met a conflict.');

    // A link that no longer works offers a new one by email.
    await page.goto(`${stack.appUrl}/u/${'x'.repeat(43)}`);
    await tabTo(page, (el) => el.id === 'email');
    await page.keyboard.type(person.email);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Email me a new link');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Check your email")');
    expect(await latestLinkFor(person.email)).toContain('/u/');
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });

  it('passes axe (WCAG 2.2 AA) on every page state, at 320 px too, with a screenshot of each', async () => {
    const person = others[1] ?? owner;
    const now = stack.deps.clock.now();
    const { token } = await issueLink(stack.deps, person, now);
    const items = (await listMyWork(stack.deps, person, now)).owned;
    const [first, second] = [items[0]!.action, items[1]!.action];
    const results: Record<string, unknown[]> = {};

    for (const width of [1024, 320]) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 } });
      const page = await context.newPage();
      const check = stateChecker(page, width, results);
      await page.goto(`${stack.appUrl}/u/${token}`);
      await check('my-actions');
      await page.goto(`${stack.appUrl}/u/${token}/actions/${first.id}`);
      await check('update-form');
      await page.fill('#progress', '');
      await page.click('button[type=submit]');
      await check('update-form-errors');
      await fillUpdate(page, `Saved at ${width} px.`);
      await page.click('button[type=submit]');
      await check('saved');

      // Someone else saves the second action while this page has its form open.
      await page.goto(`${stack.appUrl}/u/${token}/actions/${second.id}`);
      const current = (await stack.deps.repository.getAction(second.id))!;
      const other = current.ownerIds.length > 1 ? (await stack.deps.repository.getPerson(current.ownerIds.find((id) => id !== person.id)!))! : person;
      const target = current.timescale.target;
      const result = await submitOwnerUpdate(stack.deps, other, second.id, { version: String(current.version), progress: 'Saved elsewhere first.', confidence: 'low', targetMonth: target ? String(Number(target.slice(5, 7))) : '', targetYear: target?.slice(0, 4) ?? '' }, stack.deps.clock.now());
      expect(result.kind).toBe('saved');
      await fillUpdate(page, `Mine, written at ${width} px.`);
      await page.click('button[type=submit]');
      expect(await page.textContent('h1')).toMatch(/was updated while you were writing/);
      await check('conflict');

      // An administrator gives the first action to someone else while its form is open, then gives it back.
      await page.goto(`${stack.appUrl}/u/${token}/actions/${first.id}`);
      const reassign = async (ownerIds: string[]) => {
        const stored = (await stack.deps.repository.getAction(first.id))!;
        const changes = [{ field: 'ownerIds', from: stored.ownerIds, to: ownerIds }];
        await stack.deps.repository.saveUpdate({ actionId: first.id, version: stored.version + 1, at: stack.deps.clock.now().toISOString(), by: 'e2e-admin', onBehalfOf: null, via: 'admin', patch: { ownerIds }, changes, countsAsProgress: false });
      };
      await reassign([owner.id === person.id ? others[0]!.id : owner.id]);
      await fillUpdate(page, `Written at ${width} px as it was reassigned.`);
      await page.click('button[type=submit]');
      expect(await page.textContent('h1')).toBe('This action is no longer open to you');
      expect(await page.textContent('.unsaved')).toBe(`Written at ${width} px as it was reassigned.`);
      await check('action-not-open');
      await reassign(first.ownerIds);

      await page.goto(`${stack.appUrl}/u/${'x'.repeat(43)}`);
      await check('link-expired');
      await page.fill('#email', 'not an address');
      await page.click('button[type=submit]');
      await check('new-link-errors');
      await page.fill('#email', `nobody-${width}@example.org`);
      await page.click('button[type=submit]');
      await check('new-link-sent');
      await context.close();
    }
    expect(results).toEqual(Object.fromEntries(Object.keys(results).map((key) => [key, []])));
  });

  it('emails the SRO when an owner proposes closure; they sign it off, or return it with a reason, from their link by keyboard alone, axe-clean at 1024 and 320 px', async () => {
    const actions = (await stack.deps.repository.listActions()).filter((a) => a.status === 'open' && a.sroId && a.ownerIds.length > 0 && !a.ownerIds.includes(a.sroId));
    const bySro = new Map<string, typeof actions>();
    for (const a of actions) bySro.set(a.sroId!, [...(bySro.get(a.sroId!) ?? []), a]);
    const [sroId, portfolio] = [...bySro.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(portfolio.length, 'a demo SRO has two actions owned by others').toBeGreaterThanOrEqual(2);
    const sro = (await stack.deps.repository.getPerson(sroId))!;
    const results: Record<string, unknown[]> = {};

    for (const [i, width] of [1024, 320].entries()) {
      // Its owner says it is complete.
      const action = portfolio[i]!;
      const owner = (await stack.deps.repository.getPerson(action.ownerIds[0]!))!;
      const target = action.timescale.target;
      const fields = { version: String(action.version), progress: 'All done.', confidence: 'high', targetMonth: target ? String(Number(target.slice(5, 7))) : '', targetYear: target?.slice(0, 4) ?? '', complete: 'yes' };
      expect((await submitOwnerUpdate(stack.deps, owner, action.id, fields, stack.deps.clock.now())).kind).toBe('saved');
      // The SRO is emailed their link, and opens it from the local mail store.
      const link = await latestLinkFor(sro.email);

      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 } });
      const page = await context.newPage();
      const check = stateChecker(page, width, results);
      await page.goto(link);
      expect(await page.textContent('#portfolio-title')).toBe('Your portfolio as senior responsible officer');
      await check('sro-portfolio');
      await tabTo(page, (el) => el.tag === 'a' && el.text === `Review and sign off ${action.ref}`, 200);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/sign-off\//);
      expect(await page.textContent('h1')).toBe(`Sign off ${action.ref}`);
      await check('sro-sign-off');
      // Returning it needs a reason: the error summary takes focus, and nothing is sent.
      await page.click(`button:has-text("Return ${action.ref} to its owners")`);
      await page.waitForSelector('.error-summary');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
      await check('sro-return-errors');
      await tabTo(page, (el) => el.tag === 'button' && el.text === `Sign off and close ${action.ref}`, 120);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\?signed-off=/);
      expect(await page.textContent('.notification-success h2')).toBe(`${action.ref} signed off: it is closed`);
      await check('sro-signed-off');
      expect((await stack.deps.repository.getAction(action.id))!.status).toBe('closed');
      // Its owner hears of it by email, with the ref and nothing of the text.
      const told = await latestEmailTo(owner.email);
      expect(told.subject).toBe(`Action ${action.ref} is signed off and closed`);
      expect(told.body.text).not.toContain(action.text.slice(0, 30));
      await context.close();
    }

    // A third closure the SRO returns with a reason, by keyboard: open again, and its owner told.
    const action = portfolio[2]!;
    const owner = (await stack.deps.repository.getPerson(action.ownerIds[0]!))!;
    const target = action.timescale.target;
    const fields = { version: String(action.version), progress: 'Finished.', confidence: 'high', targetMonth: target ? String(Number(target.slice(5, 7))) : '', targetYear: target?.slice(0, 4) ?? '', complete: 'yes' };
    expect((await submitOwnerUpdate(stack.deps, owner, action.id, fields, stack.deps.clock.now())).kind).toBe('saved');
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const check = stateChecker(page, 1024, results);
    await page.goto(`${await latestLinkFor(sro.email)}/sign-off/${action.id}`);
    await tabTo(page, (el) => el.tag === 'textarea' && el.id === 'returnReason', 150);
    await page.keyboard.type('The evidence is not attached yet.');
    await tabTo(page, (el) => el.tag === 'button' && el.text === `Return ${action.ref} to its owners`, 5);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?returned=/);
    expect(await page.textContent('.notification-success h2')).toBe(`${action.ref} returned to its owners: it is open again`);
    await check('sro-returned');
    expect((await stack.deps.repository.getAction(action.id))!.status).toBe('open');
    const told = await latestEmailTo(owner.email);
    expect(told.subject).toBe(`Action ${action.ref} is not signed off: it is open again`);
    expect(told.body.text).not.toContain('evidence is not attached');
    await context.close();
    expect(results).toEqual(Object.fromEntries(Object.keys(results).map((key) => [key, []])));
  });
});
