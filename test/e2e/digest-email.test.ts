import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestLine } from '../../functions/core/reminders/reminder-plan.js';
import { renderDigestEmail } from '../../web/emails/digest-email.js';
import { coOwner, sro } from '../reminders/policy-fixture.js';
import { launchChromium, screenshot } from './browser.js';

const line = (ref: string, ageDays: number, neverUpdated = false): DigestLine => ({ actionId: ref.toLowerCase().replace(/\W/g, '-'), ref, ageDays, neverUpdated });
const longRef = 'PEEL-2026-EFFECTIVENESS-AFI-12-VULNERABILITY';

let browser: Browser;
beforeAll(async () => (browser = await launchChromium()));
afterAll(() => browser?.close());

describe('reminder and escalation email in headless Chromium', () => {
  it('fits 320 px beside a long age, with a short ref on one line and a long one wrapped', async () => {
    const { html } = await renderDigestEmail({
      link: { url: 'https://actions.testshire.example/u/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde', expiresAt: '2026-12-15T09:00:00.000Z' },
      forceName: 'Testshire Police',
      timeZone: 'Europe/London',
      period: '2026-11-24',
      staleAfterDays: 28,
      adminContact: 'plan.admin@testshire.example',
      digest: {
        person: sro,
        reminder: { kind: 'reminder', person: sro, lines: [line('AFI 3', 140, true), line('1.02', 90)], recovering: false },
        escalation: { kind: 'escalation', person: sro, recovering: false, groups: [{ ownerId: 'co-owner', ownerName: coOwner.name, ownerCount: 1, flag: 'ignored', ignoredReminders: 2, lines: [line(longRef, 61)] }] },
      },
    });
    const page = await browser.newPage({ viewport: { width: 320, height: 800 }, javaScriptEnabled: false });
    try {
      await page.setContent(html);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const linesOf = (text: string) =>
        page.evaluate((wanted) => {
          const cell = Array.from(document.querySelectorAll('td')).find((td) => td.textContent === wanted)!;
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
        }, text);
      expect(await linesOf('AFI 3')).toBe(1);
      expect(await linesOf(longRef)).toBeGreaterThan(1);
      await screenshot(page, 'digest-email-320');
    } finally {
      await page.close();
    }
  });
});
