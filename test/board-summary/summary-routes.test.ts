import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../functions/adapters/memory/memory-audit-log.js';
import { MemorySummaryStore } from '../../functions/adapters/memory/memory-summary-store.js';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { createApp } from '../../web/app.js';
import { adminTestApp, boardSession } from '../admin/support/admin-test-app.js';
import { expectAuditedDownload } from '../admin/support/audited-download.js';
import { createSummaryRoutes } from '../../web/summaries/summary-routes.js';
import { memoryDeps } from '../support/memory-deps.js';
import { loadedMonthSnapshot, octoberSnapshot, ownerlessStaleSnapshot, retimedSnapshot } from './history-fixtures.js';
import { generatePlan, snapshotOf } from './plan-fixture.js';
import { staleOwners } from '../../functions/core/board-summary/figures.js';

const config = parseForceConfig(
  { id: 'northshire', name: 'Northshire Police', baseUrl: 'https://actions.northshire.example', sender: 's@northshire.example', admins: ['a@northshire.example'] },
  'test',
);

/** The summary sub-app behind an injected board member's session, as the console mounts it. */
async function summaryApp(snapshot = octoberSnapshot()) {
  const summaries = new MemorySummaryStore();
  await summaries.putSnapshot(snapshot);
  const audit = new MemoryAuditLog();
  const app = adminTestApp(memoryDeps({ config, summaries, audit, clock: { now: () => new Date('2026-11-27T10:00:00Z') } }), createSummaryRoutes(), '/admin/summaries', boardSession);
  return { app, snapshot, audit };
}

const download = { method: 'POST' };

describe('summary pages', () => {
  it('lists what its owners proposed for closure in the month, on the page and in the pack', async () => {
    const snapshot = octoberSnapshot();
    snapshot.summary.movement.proposedClosure = [{ id: 'a-steady', ref: 'S1', area: 'Effectiveness' }];
    const { app } = await summaryApp(snapshot);
    const html = await (await app.request('/admin/summaries/2026-10')).text();
    expect(html).toMatch(/<h3>Proposed for closure: 1<\/h3><table>.*?<a href="\/admin\/actions\/a-steady">S1<\/a>/);
    const pack = new ExcelJS.Workbook();
    await pack.xlsx.load(await (await app.request('/admin/summaries/2026-10/board-pack.xlsx', download)).arrayBuffer());
    const changes = pack.worksheets.find((sheet) => sheet.getCell('A1').value === 'Change')!;
    const rows = changes.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows).toContainEqual(['Proposed for closure', 'S1', 'Effectiveness', undefined, 'Proposed for closure']);
  });

  it('names the stale actions nobody owns under the owners list, which cannot', async () => {
    const { app } = await summaryApp(ownerlessStaleSnapshot());
    const html = await (await app.request('/admin/summaries/2026-10')).text();
    const owners = html.slice(html.indexOf('<h2>Owners of actions with no update'), html.indexOf('<h2>Open actions by senior responsible officer'));
    expect(owners).toContain('<th scope="row">Supt Okafor</th>');
    expect(owners).toContain('<p>1 action with no update for 28 days or more has no owner: Q1.</p>');
  });

  it('lists the kept summaries', async () => {
    const { app } = await summaryApp();
    const response = await app.request('/admin/summaries');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('href="/admin/summaries/2026-10"');
    expect(html).toContain('October 2026');
    expect(html).toContain('<th scope="col">No recent update</th>');
    // Inside the console: its navigation, with the reader's name and no admin-only sections for the board.
    expect(html).toContain('aria-label="Admin console"');
    expect(html).toContain('Bo Board (board)');
    expect(html).not.toContain('href="/admin/people"');
  });

  it("shows a month's summary with the text of the actions that moved, never cached", async () => {
    const { app, snapshot } = await summaryApp();
    const response = await app.request('/admin/summaries/2026-10');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('7 actions in the plan as at the end of October 2026.');
    expect(html).toContain('Target date moved: 1');
    expect(html).toContain('December 2026 to March 2027 (+3 months)');
    expect(html).toContain(snapshot.plan.find((r) => r.ref === 'T1')!.text);
    expect(html).toContain('<form method="post" action="/admin/summaries/2026-10/board-pack.xlsx"');
  });

  it('lists actions reopened, not accepted or superseded in a month that has some, with what they became', async () => {
    const quiet = await (await (await summaryApp()).app.request('/admin/summaries/2026-10')).text();
    expect(quiet).not.toContain('Reopened');
    const snapshot = octoberSnapshot();
    Object.assign(snapshot.summary.movement, { reopened: [{ id: 'a-steady', ref: 'S1', area: 'Effectiveness', from: 'superseded', to: 'open' }], setAside: [{ id: 'a-new', ref: 'N1', area: 'Effectiveness', to: 'not-accepted' }] });
    const html = await (await (await summaryApp(snapshot)).app.request('/admin/summaries/2026-10')).text();
    expect(html).toContain('Reopened: 1');
    expect(html).toContain('Superseded to open');
    expect(html).toContain('Not accepted or superseded: 1');
    expect(html).toMatch(/N1<\/a>[\s\S]{0,400}Not accepted/);
  });

  it('lists the closures awaiting sign-off, longest without an update first, with its SRO', async () => {
    const quiet = await (await (await summaryApp()).app.request('/admin/summaries/2026-10')).text();
    expect(quiet).not.toContain('Awaiting sign-off at');
    const snapshot = octoberSnapshot();
    const [first, second] = snapshot.plan;
    Object.assign(first!, { status: 'proposed-closure', lastUpdatedAt: '2026-10-20T09:00:00.000Z' });
    Object.assign(second!, { status: 'proposed-closure', lastUpdatedAt: '2026-09-01T09:00:00.000Z' });
    const html = await (await (await summaryApp(snapshot)).app.request('/admin/summaries/2026-10')).text();
    const section = html.slice(html.indexOf('<h2>Awaiting sign-off at the end of October 2026</h2>'));
    const proposed = [...section.matchAll(/<td data-label="Last updated">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(proposed).toEqual(['1 September 2026', '20 October 2026']);
    expect(section).toContain(`<a href="/admin/actions/${second!.id}">${second!.ref}</a>`);
  });

  it('gives figures that add up, the parts of Open as "of which", in words that need no glossary', async () => {
    const { app } = await summaryApp();
    const html = await (await app.request('/admin/summaries/2026-10')).text();
    const figure = (label: string) => new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`).exec(html)?.[1];
    expect([figure('Open'), figure('Proposed for closure, awaiting sign-off'), figure('Closed'), figure('Not accepted or superseded')]).toEqual(['6', '0', '1', '0']);
    expect(figure('of which no update for 28 days or more')).toBe('1');
    expect(figure('of which no confidence rating')).toBe('4');
    expect(html).toContain('<th scope="col">No rating</th>');
    expect(html).toContain('Closed this month: 1');
    expect(html).toContain('Passed 28 days without an update: 1');
    expect(html).toContain('<h2>Owners of actions with no update for 28 days or more, most first</h2>');
    expect(html).not.toMatch(/Re-timed|Became stale|Stale|Not set|>Closed: /);
    // Before the table, what is going wrong, in one sentence the same as the email's.
    expect(html).toContain('7 actions in the plan as at the end of October 2026. Of 6 open actions, 1 is overdue and 1 has had no update for 28 days or more; no closure awaits sign-off.</p>');
  });

  it('lists what is past its target, whose it is and who sponsors it, most overdue first, without the text', async () => {
    const { app, snapshot } = await summaryApp();
    const html = await (await app.request('/admin/summaries/2026-10')).text();
    const overdue = snapshot.plan.filter((row) => row.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    const section = html.slice(html.indexOf('<h2>Past their target date at the end of October 2026</h2>'), html.indexOf('<h2>Confidence in timescales'));
    for (const row of overdue) {
      // Each ref opens the action's page, where a signed-in board member reads it in full.
      expect(section).toContain(`<td data-label="Ref"><a href="/admin/actions/${row.id}">${row.ref}</a></td>`);
      expect(section).toContain(`<td data-label="SRO">${row.sro?.name ?? 'None'}</td>`);
      expect(section).not.toContain(row.text);
    }
    expect(section.match(/data-label="Ref"/g)).toHaveLength(overdue.length);
  });

  it('links each ref in the owners’ table to its action, as the other tables do', async () => {
    const { app, snapshot } = await summaryApp();
    const html = await (await app.request('/admin/summaries/2026-10')).text();
    const owners = snapshot.summary.staleOwners;
    expect(owners.length).toBeGreaterThan(0);
    for (const owner of owners) {
      const links = owner.refs.map((ref) => `<a href="/admin/actions/${snapshot.plan.find((row) => row.ref === ref)!.id}">${ref}</a>`);
      expect(html).toContain(`<td data-label="Refs">${links.join(', ')}</td>`);
    }
  });

  it('counts open actions by SRO, with how many are stale or overdue, as the plan rows add up', async () => {
    const { app, snapshot } = await summaryApp();
    const html = await (await app.request('/admin/summaries/2026-10')).text();
    const start = html.indexOf('<h2>Open actions by senior responsible officer</h2>');
    const section = html.slice(start, html.indexOf('</table>', start));
    const open = snapshot.plan.filter((row) => row.status === 'open');
    const cells = (label: string) => [...section.matchAll(new RegExp(`<td data-label="${label}">([^<]*)</td>`, 'g'))].map((m) => m[1]!);
    expect(cells('Open').map(Number).reduce((a, b) => a + b, 0)).toBe(open.length);
    expect(cells('Of which overdue').map(Number).reduce((a, b) => a + b, 0)).toBe(open.filter((row) => row.overdue).length);
    // Each row is headed by its SRO, for a screen reader reading across it.
    const rowHeads = [...section.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]!);
    expect(rowHeads.sort()).toEqual([...new Set(open.map((row) => row.sro?.name ?? 'No SRO'))].sort());
  });

  it('says the month the plan was loaded compares with nothing, instead of listing every action as new', async () => {
    const loaded = loadedMonthSnapshot();
    const { app } = await summaryApp(loaded);
    const html = await (await app.request('/admin/summaries/2026-10')).text();
    expect(html).toContain(
      '<p>This is the first summary since the plan was loaded on 30 October 2026, so changes are reported from next month. At the end of October 2026, 1 open action was past its target date.</p>',
    );
    expect(html).not.toContain('New actions');
  });

  it('lists every owner to chase, as the pack does, and says a shared action counts for each owner', async () => {
    const snapshot = snapshotOf(generatePlan(200, 2));
    const html = await (await (await summaryApp(snapshot)).app.request(`/admin/summaries/${snapshot.summary.month}`)).text();
    const section = html.slice(html.indexOf('<h2>Owners of actions with no update'), html.indexOf('<h2>Open actions by senior responsible officer'));
    const every = staleOwners(snapshot.plan, Infinity).staleOwners;
    expect(every.length).toBeGreaterThan(5);
    expect([...section.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(every.map((owner) => owner.name));
    expect(section).not.toContain('other owners with');
    expect(section).not.toContain('counts once for each of them');
    // A stale action shared by two owners counts for both, which the list says rather than leave the sums unequal.
    const shared = snapshot.plan.find((row) => row.stale)!;
    shared.owners = [...shared.owners, snapshot.plan.find((row) => row.owners[0]?.name !== shared.owners[0]?.name)!.owners[0]!];
    const again = await (await (await summaryApp(snapshot)).app.request(`/admin/summaries/${snapshot.summary.month}`)).text();
    expect(again).toContain(`An action with more than one owner counts once for each of them, so these add up to more than the ${snapshot.summary.figures.stale} with no update.`);
  });

  it('gives a day target moved by less than a month in days, and one moved earlier as earlier', async () => {
    const { app } = await summaryApp(retimedSnapshot());
    const html = await (await app.request('/admin/summaries/2026-10')).text();
    expect(html).toContain('Target date moved: 4');
    expect(html).toContain('10 March 2027 to 31 March 2027 (+21 days)');
    expect(html).toContain('31 March 2027 to 15 March 2027 (-16 days)');
    expect(html).toContain('31 March 2027 to 1 April 2027 (+1 day)');
  });

  it('says "No open actions." for a month without any, rather than a table of headings', async () => {
    const summaries = new MemorySummaryStore();
    const snapshot = octoberSnapshot();
    await summaries.putSnapshot({ ...snapshot, summary: { ...snapshot.summary, confidenceByArea: [] } });
    const app = adminTestApp(memoryDeps({ config, summaries }), createSummaryRoutes(), '/admin/summaries', boardSession);
    const html = await (await app.request('/admin/summaries/2026-10')).text();
    const section = html.slice(html.indexOf('Confidence in timescales'), html.indexOf('What moved since last month'));
    expect(section).toContain('<p>No open actions.</p>');
    expect(section).not.toContain('<table');
  });

  it('downloads the pack built from the kept snapshot', async () => {
    const { app, snapshot } = await summaryApp();
    const response = await app.request('/admin/summaries/2026-10/board-pack.xlsx', download);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="board-pack-2026-10.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet('Action plan')?.actualRowCount).toBe(snapshot.plan.length + 1);
  });

  it("records who downloaded a month's pack; the old GET address writes nothing and leads to the month's page", async () => {
    const { app, audit } = await summaryApp();
    await expectAuditedDownload(app, audit, {
      path: '/admin/summaries/2026-10/board-pack.xlsx',
      page: '/admin/summaries/2026-10',
      entry: {
        at: '2026-11-27T10:00:00.000Z',
        by: 'board@northshire.example',
        change: 'download-board-pack',
        target: { type: 'summary', id: '2026-10' },
        before: null,
        after: { filename: 'board-pack-2026-10.xlsx' },
      },
    });
  });

  it('answers 404 for a month not kept or not a month', async () => {
    const { app } = await summaryApp();
    expect((await app.request('/admin/summaries/2026-09')).status).toBe(404);
    expect((await app.request('/admin/summaries/october')).status).toBe(404);
    expect((await app.request('/admin/summaries/2026-13/board-pack.xlsx', download)).status).toBe(404);
    expect((await app.request('/admin/summaries/2026-09/board-pack.xlsx', download)).status).toBe(404);
  });

  it('is reachable through the app only after signing in (the data is OFFICIAL-SENSITIVE)', async () => {
    const summaries = new MemorySummaryStore();
    await summaries.putSnapshot(octoberSnapshot());
    const app = createApp(memoryDeps({ config, summaries }));
    for (const path of ['/admin/summaries/2026-10', '/admin/summaries/2026-10/board-pack.xlsx']) {
      const response = await app.request(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/admin/sign-in');
      expect(await response.text()).not.toContain('Northshire');
    }
  });
});
