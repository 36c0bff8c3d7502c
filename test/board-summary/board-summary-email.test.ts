import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../functions/core/board-summary/snapshot.js';
import { renderBoardSummaryEmail } from '../../web/emails/board-summary-email.js';
import { loadedMonthSnapshot, octoberSnapshot, ownerlessStaleSnapshot } from './history-fixtures.js';
import { generatePlan, snapshotOf } from './plan-fixture.js';

const config = { name: 'Northshire Police', baseUrl: 'https://actions.northshire.police.uk', attachBoardPack: false };

/** The headline figures of the plain-text part, the lines between the opening and the first heading. */
function headline(text: string): Array<[label: string, value: number]> {
  return text
    .split('\n\n')[1]!
    .split('\n')
    .map((line) => [line.slice(0, line.lastIndexOf(': ')), Number(line.slice(line.lastIndexOf(': ') + 2))]);
}

const isPart = ([label]: [string, number]) => label.startsWith('of which ');
const sum = (rows: Array<[string, number]>) => rows.reduce((total, [, value]) => total + value, 0);

const email = renderBoardSummaryEmail(octoberSnapshot().summary, config);

describe('board summary email', () => {
  it('matches the reviewed HTML and text', async () => {
    expect(email.subject).toBe('Northshire Police: action plan board summary for October 2026');
    await expect(email.html).toMatchFileSnapshot('__snapshots__/board-summary-email.html');
    await expect(email.text).toMatchFileSnapshot('__snapshots__/board-summary-email.txt');
  });

  it('links to the summary page and lists each movement by ref', () => {
    expect(email.html).toContain('href="https://actions.northshire.police.uk/admin/summaries/2026-10"');
    expect(email.text).toContain('- Target date moved: 1 (T1 (+3 months))');
    expect(email.text).toContain('- Confidence dropped: 1 (D1 (High to Low))');
    expect(email.text).toContain('- Supt Okafor: 1');
  });

  it('says why no owner is listed: nothing has gone quiet, or what has has no owner; never "every action was updated"', () => {
    const { otherStaleOwners: _others, ...summary } = octoberSnapshot().summary;
    const withStale = (stale: number) => ({ ...summary, staleOwners: [], figures: { ...summary.figures, stale } });
    const none = renderBoardSummaryEmail(withStale(0), config);
    const ownerless = renderBoardSummaryEmail(withStale(2), config);
    expect(none.text).toContain('No open action has gone 28 days or more without an update.');
    expect(ownerless.text).toContain('2 actions with no update for 28 days or more have no owner.');
    expect(ownerless.html).toContain('2 actions with no update for 28 days or more have no owner.');
    for (const part of [none.text, ownerless.text]) expect(part).not.toContain('Every open action was updated');
  });

  it("lists what its owners proposed for closure in the month among what moved, only in a month that has any", () => {
    const summary = octoberSnapshot().summary;
    const proposed = renderBoardSummaryEmail({ ...summary, movement: { ...summary.movement, proposedClosure: [{ id: 'a-p', ref: 'P1', area: 'Effectiveness' }] } }, config);
    expect(proposed.text).toContain('- New actions: 1 (N1)\n- Proposed for closure: 1 (P1)\n- Closed this month: 1 (C1)');
    expect(proposed.html).toContain('>Proposed for closure</td>');
    expect(email.text).not.toContain('- Proposed for closure');
  });

  it('names beside the figures which actions are past their target and which closures await sign-off', () => {
    const overdue = Array.from({ length: 17 }, (_, i) => `O${i + 1}`);
    const rendered = renderBoardSummaryEmail({ ...octoberSnapshot().summary, needsBoard: { overdue, awaitingSignOff: ['P1'] } }, config);
    expect(rendered.text).toContain('\n\nPast their target date: O1, O2, O3, O4, O5, O6, O7, O8, O9, O10, O11, O12, O13, O14, O15 and 2 more\nAwaiting sign-off: P1\n\n');
    expect(rendered.html).toContain('<strong>Awaiting sign-off:</strong> P1</p>');
    // Neither, or a summary kept before they were named: no line.
    const none = renderBoardSummaryEmail({ ...octoberSnapshot().summary, needsBoard: { overdue: [], awaitingSignOff: [] } }, config);
    const { needsBoard: _kept, ...before } = octoberSnapshot().summary;
    for (const part of [none.text, renderBoardSummaryEmail(before, config).text]) expect(part).not.toMatch(/Past their target date:|Awaiting sign-off:/);
  });

  it('names the stale actions nobody owns after the owners, which cannot list them', () => {
    const { summary } = ownerlessStaleSnapshot();
    expect(summary.figures.stale).toBe(2);
    expect(summary.staleOwners.map((owner) => owner.name)).toEqual(['Supt Okafor']);
    const rendered = renderBoardSummaryEmail(summary, config);
    const line = '1 action with no update for 28 days or more has no owner: Q1.';
    expect(rendered.text).toContain(`- Supt Okafor: 1\n${line}`);
    expect(rendered.html).toContain(line);
    // Every stale action owned: nothing said.
    expect(email.text).not.toContain('no owner');
    // None owned: the line stands in for the list, its refs cut short as the email's lists are.
    const refs = Array.from({ length: 20 }, (_, i) => `Q${i + 1}`);
    const noneOwned = renderBoardSummaryEmail({ ...summary, staleOwners: [], ownerlessStale: refs, figures: { ...summary.figures, stale: 20 } }, config);
    expect(noneOwned.text).toContain('20 actions with no update for 28 days or more have no owner: Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9, Q10, Q11, Q12, Q13, Q14, Q15 and 5 more.');
  });

  it('says it carries refs and counts only, unless the force attaches the pack, whose text it then warns of', () => {
    const note = 'Refs and counts only: on the summary page, for signed-in board members, each ref opens the action in full';
    expect(email.text).toContain(note);
    const attached = renderBoardSummaryEmail(octoberSnapshot().summary, { ...config, attachBoardPack: true });
    for (const part of [attached.text, attached.html]) {
      expect(part).not.toContain('Refs and counts only');
      expect(part).toContain('The attached board pack holds every action');
    }
    // Marked first, as the pack's text is: in the subject and at the top, not only at the foot.
    expect(attached.subject).toBe('OFFICIAL-SENSITIVE: Northshire Police: action plan board summary for October 2026');
    expect(attached.text.startsWith('OFFICIAL-SENSITIVE\nAction plan: October 2026\n')).toBe(true);
    expect(attached.html).toMatch(/<p [^>]*>OFFICIAL-SENSITIVE<\/p>\n<h1 /);
    expect(email.subject).not.toContain('OFFICIAL');
  });

  it('says which way a target moved when one side of it is not set', () => {
    const summary = octoberSnapshot().summary;
    summary.movement.retimed = [
      { id: 'a', ref: 'T2', area: 'Effectiveness', from: null, to: '2027-03' },
      { id: 'b', ref: 'T3', area: 'Effectiveness', from: '2027-03', to: null },
    ];
    expect(renderBoardSummaryEmail(summary, config).text).toContain('- Target date moved: 2 (T2 (target set), T3 (target cleared))');
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
    const summary = octoberSnapshot().summary;
    summary.movement.newActions = Array.from({ length: 60 }, (_, i) => ({ id: `a-${i}`, ref: `R${i + 1}`, area: 'Effectiveness' }));
    const { text } = renderBoardSummaryEmail(summary, config);
    expect(text).toMatch(/- New actions: 60 \((R\d+, ){14}R\d+ and 45 more\)/);
  });
});

describe('board summary email: headline figures that add up', () => {
  // Every status: the generated plan cycles through open, proposed, closed and not accepted.
  const { summary } = snapshotOf(generatePlan(200, 2));
  const rows = headline(renderBoardSummaryEmail(summary, config).text);

  it('has a row for every status, so that they add up to the actions in the plan', () => {
    const statuses = rows.filter((row) => !isPart(row));
    expect(statuses.map(([label]) => label)).toEqual(['Open', 'Proposed for closure, awaiting sign-off', 'Closed', 'Not accepted or superseded']);
    expect(summary.figures.notAcceptedOrSuperseded).toBeGreaterThan(0);
    expect(sum(statuses)).toBe(summary.figures.total);
  });

  it('gives the parts of Open as "of which", straight after it, none more than Open', () => {
    const open = rows.findIndex(([label]) => label === 'Open');
    expect(rows.slice(open + 1, open + 5).map(([label]) => label)).toEqual([
      'of which no update for 28 days or more',
      'of which overdue',
      'of which no timescale set',
      'of which no confidence rating',
    ]);
    for (const [, value] of rows.filter(isPart)) expect(value).toBeLessThanOrEqual(summary.figures.open);
  });

  it('counts the open actions with no confidence rating, which the areas only showed apart', () => {
    const unrated = summary.confidenceByArea.reduce((total, area) => total + area.counts['not-set'], 0);
    expect(unrated).toBeGreaterThan(0);
    expect(rows).toContainEqual(['of which no confidence rating', unrated]);
  });

  it('adds up for a month kept before closed, not accepted and unrated actions were counted apart', () => {
    const kept = octoberSnapshot();
    const { closed, notAcceptedOrSuperseded, noConfidence, ...figures } = kept.summary.figures;
    const old = Snapshot.parse(JSON.parse(JSON.stringify({ ...kept, summary: { ...kept.summary, figures } })));
    const oldRows = headline(renderBoardSummaryEmail(old.summary, config).text);
    expect(oldRows.filter((row) => !isPart(row))).toEqual([
      ['Open', 6],
      ['Proposed for closure, awaiting sign-off', 0],
      ['Closed, not accepted or superseded', 1],
    ]);
    expect(oldRows.map(([label]) => label)).not.toContain('of which no confidence rating');
  });
});

describe('board summary email: the month the plan was loaded', () => {
  const loaded = loadedMonthSnapshot();
  const { html, text } = renderBoardSummaryEmail(loaded.summary, config);
  const said =
    'This is the first summary since the plan was loaded on 30 October 2026, so changes are reported from next month. ' +
    'At the end of October 2026, 1 open action was past its target date.';

  it('says it compares with nothing, instead of listing every action as new', () => {
    expect(text).toContain(`What moved since last month\n${said}\n\n`);
    expect(html).toContain(`${said}</p>`);
    for (const part of [text, html]) expect(part).not.toMatch(/New actions|Became overdue|No summary was kept for last month/);
  });

  it('still counts what is overdue now', () => expect(headline(text)).toContainEqual(['of which overdue', 1]));
});

describe('board summary email: words a board member reads without a glossary', () => {
  it('says what moved in plain words, and "closed this month" once', () => {
    for (const part of [email.text, email.html]) {
      expect(part).toContain('Target date moved');
      expect(part).toContain('Passed 28 days without an update');
      expect(part).toMatch(/No rating 4/);
      expect(part).not.toMatch(/Re-timed|stale|Not set/i);
      expect(part.match(/closed this month/gi)).toHaveLength(1);
    }
    expect(email.text).toContain('- Closed this month: 1 (C1)');
    expect(email.text).toContain('Owners of the most actions with no update for 28 days or more\n- Supt Okafor: 1\n');
  });
});

describe('board summary email: the owners left off the list', () => {
  const withOthers = (others: { owners: number; fewest: number; most: number }) => {
    const summary = octoberSnapshot().summary;
    summary.otherStaleOwners = others;
    return renderBoardSummaryEmail(summary, config);
  };

  it('ends the list saying how many more there are, and with how many', () => {
    const { text, html } = withOthers({ owners: 3, fewest: 1, most: 1 });
    expect(text).toContain('- Supt Okafor: 1\n- and 3 other owners with 1 each\n');
    expect(html).toContain('and 3 other owners with 1 each.</p>');
    expect(withOthers({ owners: 1, fewest: 2, most: 2 }).text).toContain('- and 1 other owner with 2\n');
    expect(withOthers({ owners: 4, fewest: 1, most: 3 }).text).toContain('- and 4 other owners with 1 to 3 each\n');
  });

  it('ends it there when nobody was left off', () => expect(email.text).not.toContain('other owner'));
});
