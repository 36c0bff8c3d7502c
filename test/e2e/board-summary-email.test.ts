import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBoardSummaryHtml } from '../../web/emails/board-summary-email.js';
import { octoberSnapshot } from '../board-summary/history-fixtures.js';
import { generatePlan, snapshotOf } from '../board-summary/plan-fixture.js';

const config = { name: 'Northshire Police', baseUrl: 'https://actions.northshire.police.uk', attachBoardPack: false };

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(() => browser?.close());

/** A month with long refs, long area names and every list cut short: the widest the email gets. */
function crowdedSummary() {
  const summary = snapshotOf(generatePlan(400, 1), '2026-01').summary;
  // A month with one before it, so that what moved is listed, long refs and all.
  delete summary.movement.planLoadedAt;
  summary.confidenceByArea.push({ area: 'Protecting vulnerable people from harm: domestic abuse, stalking and harassment', counts: { high: 1, medium: 0, low: 30, 'not-set': 2 }, total: 33 });
  summary.movement.closed = Array.from({ length: 40 }, (_, i) => ({ id: `c-${i}`, ref: `PEEL-2026-EFFECTIVENESS-AFI-${i}-VULNERABILITY`, area: 'x' }));
  summary.staleOwners = [{ id: null, name: 'Detective Chief Superintendent Alexandra Montgomery-Fotheringham (Head of Public Protection)', count: 12, refs: [] }];
  return summary;
}

describe('board summary email in headless Chromium', () => {
  it.each([
    ['a typical month', () => octoberSnapshot().summary],
    ['a crowded month', crowdedSummary],
  ])('renders %s at 600 px wide without horizontal scrolling', async (name, summaryOf) => {
    const page = await browser.newPage({ viewport: { width: 600, height: 900 }, javaScriptEnabled: false });
    try {
      const summary = summaryOf();
      await page.setContent(renderBoardSummaryHtml(summary, config));
      if (name === 'a crowded month') expect(await page.textContent('body')).toContain('PEEL-2026-EFFECTIVENESS-AFI-0-VULNERABILITY');
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect(await page.getByRole('link', { name: 'Open the summary and the board pack' }).getAttribute('href')).toBe(
        'https://actions.northshire.police.uk/admin/summaries/' + (name === 'a typical month' ? '2026-10' : '2026-01'),
      );
      await mkdir('test-artifacts/e2e', { recursive: true });
      await page.screenshot({ path: `test-artifacts/e2e/board-summary-email-${name.replace(/\s+/g, '-')}.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });
});
