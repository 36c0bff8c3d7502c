import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planColumns, planColumnsFor } from '../../../functions/adapters/xlsx/plan-columns.js';
import { createExportRoutes } from '../../../web/admin/export/export-routes.js';
import { adminTestApp, boardSession } from '../support/admin-test-app.js';
import { expectAuditedDownload } from '../support/audited-download.js';
import { actionsHarness } from './actions-fixture.js';

async function exportApp(session = boardSession) {
  const h = await actionsHarness();
  return { ...h, app: adminTestApp(h.deps, createExportRoutes(), '/admin/export', session) };
}

async function readSheet(bytes: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.getWorksheet('Action plan')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { workbook, sheet, rows };
}

describe('Export', () => {
  it('the page offers the download to board members too', async () => {
    const { app } = await exportApp();
    const response = await app.request('/admin/export');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<form method="post" action="/admin/export/action-plan.xlsx">');
    expect(html).toContain('4 actions');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('downloads the plan in the familiar layout: headings, one row per action in plan order, names resolved', async () => {
    const { app, historyCount } = await exportApp();
    const response = await app.request('/admin/export/action-plan.xlsx', { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="action-plan-test-2026-11-27.xlsx"');
    expect(response.headers.get('cache-control')).toBe('no-store');

    const { workbook, sheet, rows } = await readSheet(await response.arrayBuffer());
    // Laid out as the pack's plan sheet: frozen header, filters, a stale cell painted as Excel's Bad style.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell(2, planColumns.length - 1).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Action plan']);
    // The plan's text, marked as the board pack is: in its properties and on every printed page.
    expect({ subject: workbook.subject, keywords: workbook.keywords }).toEqual({ subject: 'OFFICIAL-SENSITIVE', keywords: 'OFFICIAL-SENSITIVE' });
    expect(sheet.headerFooter.oddHeader).toBe('&C&"-,Bold"OFFICIAL-SENSITIVE');
    const columns = planColumnsFor('No update for 28+ days');
    // Stale is headed as the board's email and pack count it.
    expect(rows[0]).toEqual([...planColumns.map((c) => c.header).slice(0, -2), 'No update for 28+ days', 'Overdue']);
    expect(rows[0]!.slice(0, 4)).toEqual(['Area', 'Ref Number', 'HMIC Evidence', 'Area for Improvement/Cause of Concern/Recommendation']);
    const body = rows.slice(1);
    expect(body.map((r) => r[1])).toEqual(['1.01', '1.02', '2.01', '1.03']);
    const first = Object.fromEntries(columns.map((c, i) => [c.header, body[0]![i]]));
    expect(first).toMatchObject({
      Area: 'Effectiveness',
      'Area for Improvement/Cause of Concern/Recommendation': 'Improve crime recording.',
      'SRO/CO lead': 'ACC Casey Lane',
      'Plan Owner': 'Supt Alex Morgan',
      'Timescale? set': 'September 2026',
      'Confidence in timescale': 'Medium',
      Status: 'Open',
      'No update for 28+ days': 'Yes',
      Overdue: 'Yes',
    });
    expect(Object.fromEntries(columns.map((c, i) => [c.header, body[2]![i]]))['Plan Owner']).toBe('Ch Insp Blake Reid; Supt Alex Morgan');
    expect(await historyCount()).toBe(0);
  });

  it('records who downloaded the plan in the audit log; the old GET address writes nothing and leads to the button', async () => {
    const { app, audit } = await exportApp();
    await expectAuditedDownload(app, audit, {
      path: '/admin/export/action-plan.xlsx',
      page: '/admin/export',
      entry: {
        at: '2026-11-27T10:00:00.000Z',
        by: 'board@northshire.example',
        change: 'export-plan',
        target: { type: 'plan', id: 'test' },
        before: null,
        after: { filename: 'action-plan-test-2026-11-27.xlsx', actions: 4 },
      },
    });
  });

  it('sends no file when the download cannot be recorded', async () => {
    const { app, audit } = await exportApp();
    audit.record = async () => {
      throw new Error('DynamoDB unavailable');
    };
    const response = await app.request('/admin/export/action-plan.xlsx', { method: 'POST' });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    // A download saves nothing worth checking: the page says only to try again.
    const html = await response.text();
    expect(html).toContain('Try again in a few minutes.');
    expect(html).not.toContain('may have been saved');
  });

  it('an empty plan exports the headings alone', async () => {
    const h = await actionsHarness({ actions: [] });
    const app = adminTestApp(h.deps, createExportRoutes(), '/admin/export');
    const { rows } = await readSheet(await (await app.request('/admin/export/action-plan.xlsx', { method: 'POST' })).arrayBuffer());
    expect(rows).toHaveLength(1);
  });

  it('loads exceljs only on the download, never when the routes are built', async () => {
    const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL('../../../web/admin/export/export-routes.tsx', import.meta.url), 'utf8'));
    expect(source).not.toMatch(/^import .*exceljs/m);
    expect(source).not.toMatch(/^import .*plan-workbook/m);
    expect(source).toContain("await import('./plan-workbook.js')");
  });
});
