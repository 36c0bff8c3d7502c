import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildBoardPack, sheetNames } from '../../functions/adapters/xlsx/board-pack.js';
import { octoberSnapshot, retimedSnapshot } from './history-fixtures.js';
import { generatePlan, snapshotOf } from './plan-fixture.js';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

const familiarHeadings = [
  'Area',
  'Ref Number',
  'HMIC Evidence',
  'Area for Improvement/Cause of Concern/Recommendation',
  'Accepted for action by the force? Yes/No',
  'SRO/CO lead',
  'Plan Owner',
  'What?',
  'Timescale? set',
  'Confidence in timescale',
  'Narrative explaining the confidence rating',
  'Progress Update',
  'Last Updated',
];

const rowValues = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

describe('board pack XLSX, read back with exceljs', async () => {
  const snapshot = snapshotOf(generatePlan(120, 2));
  const workbook = await readBack(await buildBoardPack(snapshot, { forceName: 'Northshire Police' }));
  const plan = workbook.getWorksheet(sheetNames.plan)!;

  it('has the Summary, plan and changes sheets in that order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Action plan', 'Changes this month']);
  });

  it("lays the plan out in the force's familiar columns, then Status, Stale and Overdue, one row per action", () => {
    expect(rowValues(plan, 1)).toEqual([...familiarHeadings, 'Status', 'Stale', 'Overdue']);
    expect(plan.actualRowCount).toBe(1 + 120);
  });

  it('freezes the header row, turns filters on and wraps text', () => {
    expect(plan.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Over every row, as Excel writes it, so that other programs filter the data too.
    expect(plan.autoFilter).toBe(`A1:P${plan.rowCount}`);
    expect(plan.getCell('D2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    const changes = workbook.getWorksheet(sheetNames.changes)!;
    expect(changes.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(changes.autoFilter).toBe(`A1:F${changes.rowCount}`);
  });

  it('writes the values of each action as it stood at month end', () => {
    const row = snapshot.plan[0]!;
    const values = rowValues(plan, 2);
    expect(values.slice(0, 4)).toEqual([row.area, row.ref, row.evidence, row.text]);
    expect(values[4]).toBe('Yes');
    expect(values[5]).toBe('Supt Owner 0');
    expect(values[12]).toEqual(new Date(`${row.lastUpdatedAt!.slice(0, 10)}T00:00:00.000Z`));
    expect(plan.getCell('M2').numFmt).toBe('d mmm yyyy');
  });

  it('colours confidence, stale and overdue cells red, amber or green', () => {
    const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const byConfidence = new Map<string, string | undefined>();
    plan.eachRow((row, n) => {
      if (n > 1) byConfidence.set(String(row.getCell(10).value), fillOf(row.getCell(10)));
    });
    expect(Object.fromEntries(byConfidence)).toEqual({ High: 'FFC6EFCE', Medium: 'FFFFEB9C', Low: 'FFFFC7CE', 'Not set': undefined });
    const staleRow = snapshot.plan.findIndex((r) => r.stale) + 2;
    expect(plan.getCell(staleRow, 15).value).toBe('Yes');
    expect(fillOf(plan.getCell(staleRow, 15))).toBe('FFFFC7CE');
  });

  it('says the day the figures are as at, in the force time zone, not a UTC instant', () => {
    const line = String(workbook.getWorksheet(sheetNames.summary)!.getRow(2).getCell(1).value);
    expect(snapshot.summary.asAt).toMatch(/^2026-10-31T23:59:59\.999Z$/);
    expect(line).toMatch(/^Figures as at 31 October 2026; compiled \d{1,2} \w+ 2026$/);
  });

  it('keeps an owner’s refs within Excel’s 32,767 characters a cell, saying how many more', async () => {
    const big = snapshotOf(generatePlan(120, 2));
    const refs = Array.from({ length: 2000 }, (_, i) => `PEEL-2023-AFI-${String(i).padStart(4, '0')}`);
    big.summary.staleOwners = [{ id: null, name: 'TBC', count: refs.length, refs }];
    const sheet = (await readBack(await buildBoardPack(big, { forceName: 'Northshire Police' }))).getWorksheet(sheetNames.summary)!;
    const cell = String(sheet.getRow(sheet.rowCount).getCell(3).value);
    expect(cell.length).toBeLessThanOrEqual(32_767);
    const shown = cell.split(' and ')[0]!.split(', ').length;
    expect(cell).toMatch(new RegExp(`^PEEL-2023-AFI-0000, .* and ${2000 - shown} more \\(filter the plan sheet by Plan Owner and Stale\\)$`));
    expect(shown).toBeGreaterThan(1500);
  });

  it('puts the headline figures on the Summary sheet', () => {
    const summary = workbook.getWorksheet(sheetNames.summary)!;
    const figures = new Map<string, unknown>();
    summary.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('Open')).toBe(snapshot.summary.figures.open);
    expect(figures.get('Stale (no update for 28 days)')).toBe(snapshot.summary.figures.stale);
    expect(figures.get('Effectiveness')).toBe(snapshot.summary.confidenceByArea.find((a) => a.area === 'Effectiveness')?.counts.high);
  });

  it('lists each movement on the changes sheet', async () => {
    const october = await readBack(await buildBoardPack(octoberSnapshot(), { forceName: 'Northshire Police' }));
    const changes = october.getWorksheet(sheetNames.changes)!;
    const rows = Array.from({ length: changes.actualRowCount }, (_, i) => rowValues(changes, i + 1));
    expect(rows).toEqual([
      ['Change', 'Ref Number', 'Area', 'From', 'To', 'Moved'],
      ['New action', 'N1', 'Effectiveness'],
      ['Closed', 'C1', 'Effectiveness', undefined, 'Closed'],
      ['Re-timed', 'T1', 'Effectiveness', 'December 2026', 'March 2027', '+3 months'],
      ['Confidence dropped', 'D1', 'Effectiveness', 'High', 'Low'],
      ['Became stale', 'G1', 'Effectiveness'],
      ['Became overdue', 'O1', 'Effectiveness'],
    ]);
  });

  it('gives a day target moved by less than a month in days on the changes sheet, and one moved earlier as earlier', async () => {
    const changes = (await readBack(await buildBoardPack(retimedSnapshot(), { forceName: 'Northshire Police' }))).getWorksheet(sheetNames.changes)!;
    const rows = Array.from({ length: changes.actualRowCount - 1 }, (_, i) => rowValues(changes, i + 2));
    expect(rows.map((row) => [row[1], row[5]])).toEqual([
      ['R1', '+21 days'],
      ['R2', '-16 days'],
      ['R3', '+1 day'],
      ['R4', '+3 months'],
    ]);
  });
});
