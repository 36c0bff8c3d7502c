import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { latestSignInLink } from '../admin/support/sign-in-over-http.js';

export const artifactsDir = 'test-artifacts/e2e';

/** Debian's Chromium (apt-get install -y chromium); .ci/run installs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core with the WCAG 2.x A and AA rules (2.2 included); the page's context must bypass CSP to inject it. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** A full-page screenshot kept as a test artefact (test-artifacts/ is gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: `${artifactsDir}/${name}.png`, fullPage: true });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, matches: (el: { tag: string; text: string; id: string; name: string; value: string }) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      return { tag: a?.tagName.toLowerCase() ?? '', text: a?.textContent?.trim() ?? '', id: a?.id ?? '', name: a?.getAttribute('name') ?? '', value: a?.value ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error(`No focusable element matched after ${max} presses of Tab`);
}

/** Signs in to the admin console as a person would: asks for a link, opens it from the local mail store, presses the button. */
export async function signInToConsole(page: Page, stack: { appUrl: string; mailUrl: string }, email: string): Promise<void> {
  await page.goto(`${stack.appUrl}/admin/sign-in`);
  await page.fill('#email', email);
  await page.click('button[type=submit]');
  await page.goto(await latestSignInLink(stack.mailUrl, email));
  await page.click('button[type=submit]');
  await page.waitForURL(`${stack.appUrl}/admin`);
}

/**
 * For a run over many page states: each state's axe-core violations are gathered into `results` (to
 * compare once at the end, so one run lists them all), with a screenshot and the reflow check.
 */
export function stateChecker(page: Page, width: number, results: Record<string, unknown[]>, prefix = '') {
  return async (state: string): Promise<void> => {
    results[`${state}@${width}`] = await axeViolations(page);
    await screenshot(page, `${prefix}${state}-${width}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${state} fits ${width} px`).toBeLessThanOrEqual(width);
  };
}

/** A screenshot kept as an artefact, then no axe-core violations and nothing wider than the screen (WCAG 1.4.10 Reflow). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await axeViolations(page), name).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} reflows`).toBe(true);
}
