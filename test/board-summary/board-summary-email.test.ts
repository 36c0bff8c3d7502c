import { describe, expect, it } from 'vitest';
import { renderBoardSummaryEmail } from '../../web/emails/board-summary-email.js';
import { octoberSnapshot } from './history-fixtures.js';
import { generatePlan, snapshotOf } from './plan-fixture.js';

const config = { name: 'Northshire Police', baseUrl: 'https://actions.northshire.police.uk' };

describe('board summary email', () => {
  const email = renderBoardSummaryEmail(octoberSnapshot().summary, config);

  it('matches the reviewed HTML and text', async () => {
    expect(email.subject).toBe('Northshire Police: action plan board summary for October 2026');
    await expect(email.html).toMatchFileSnapshot('__snapshots__/board-summary-email.html');
    await expect(email.text).toMatchFileSnapshot('__snapshots__/board-summary-email.txt');
  });

  it('links to the summary page and lists each movement by ref', () => {
    expect(email.html).toContain('href="https://actions.northshire.police.uk/admin/summaries/2026-10"');
    expect(email.text).toContain('- Re-timed: 1 (T1 (+3 months))');
    expect(email.text).toContain('- Confidence dropped: 1 (D1 (High to Low))');
    expect(email.text).toContain('- Supt Okafor: 1');
  });

  it('carries no recommendation text, evidence, plan, narrative or progress', () => {
    const snapshot = snapshotOf(generatePlan(200, 2));
    const { html, text } = renderBoardSummaryEmail(snapshot.summary, config);
    const secrets = snapshot.plan.flatMap((row) => [row.text, row.evidence, row.plan, row.confidenceNarrative, row.latestProgress, row.accepted.rationale]);
    for (const secret of secrets.filter((s): s is string => !!s)) {
      expect(html).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
    expect(html).not.toMatch(/for action \d+/);
  });

  it('is Outlook-safe: tables and inline styles, no images, scripts or style sheets', () => {
    expect(email.html).not.toMatch(/<(img|script|style|link|svg)\b/i);
    expect(email.html).not.toMatch(/\bclass=/);
  });

  it('escapes what people typed', () => {
    const summary = octoberSnapshot().summary;
    summary.staleOwners = [{ id: null, name: '<b>Insp Evil</b>', count: 2, refs: ['X'] }];
    expect(renderBoardSummaryEmail(summary, config).html).toContain('&lt;b&gt;Insp Evil&lt;/b&gt;');
  });

  it('cuts long ref lists short', () => {
    const summary = snapshotOf(generatePlan(60, 1), '2026-01').summary;
    const { text } = renderBoardSummaryEmail(summary, config);
    expect(text).toMatch(/- New actions: 60 \((R\d+, ){14}R\d+ and 45 more\)/);
  });
});
