import ExcelJS from 'exceljs';
import { monthLabel, targetLabel } from '../../core/board-summary/month.js';
import type { BoardSummary, Snapshot } from '../../core/board-summary/snapshot.js';
import { formatDay } from '../../core/calendar/format-day.js';
import { confidenceLabels } from '../../core/model/action.js';
import { planColumns, type CellValue, type Rag } from './plan-columns.js';
import { figuresAsAt, headlineFigures } from '../../core/board-summary/headline-figures.js';
import { describeTargetMove } from '../../core/board-summary/target-move.js';

/**
 * The board pack as an XLSX workbook: Summary, the full plan in the force's familiar column layout,
 * and what changed this month. exceljs is imported here only; callers on a request path load this
 * module with a dynamic import so exceljs never runs at start-up.
 */
export const boardPackContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const boardPackFilename = (month: string) => `board-pack-${month}.xlsx`;
export const sheetNames = { summary: 'Summary', plan: 'Action plan', changes: 'Changes this month' } as const;

/** Excel's own Good, Neutral and Bad cell styles, which boards already read as RAG. */
const ragStyles: Record<Rag, { fill: string; font: string }> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  amber: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const wrapTop: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

function paint(cell: ExcelJS.Cell, rag: Rag): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ragStyles[rag].fill } };
  cell.font = { color: { argb: ragStyles[rag].font } };
}

/** Bold, shaded, frozen header row with filters on: the layout every sheet of tabular data here shares. */
function addTable(sheet: ExcelJS.Worksheet, headers: Array<{ header: string; width: number; numFmt?: string }>, rows: CellValue[][]): void {
  sheet.columns = headers.map((h) => ({ header: h.header, width: h.width, style: { alignment: wrapTop, ...(h.numFmt ? { numFmt: h.numFmt } : {}) } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = headerFill;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Over every row, as Excel writes it: other spreadsheet programs filter only the range given.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } };
  sheet.addRows(rows);
}

function addSummarySheet(workbook: ExcelJS.Workbook, summary: BoardSummary, forceName: string): void {
  const sheet = workbook.addWorksheet(sheetNames.summary);
  sheet.columns = [{ width: 44 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  const f = summary.figures;
  const title = sheet.addRow([`${forceName}: action plan board summary, ${monthLabel(summary.month)}`]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([`Figures as at ${figuresAsAt(summary)}; compiled ${formatDay(summary.compiledAt, summary.timeZone)}`]);
  sheet.addRow([]);
  const figures: Array<[string, number]> = [['Actions in the plan', f.total], ...headlineFigures(summary).map(([label, value]): [string, number] => [label, value])];
  for (const figure of figures) sheet.addRow(figure);
  sheet.addRow([]);
  sheet.addRow(['Confidence in timescale, open actions by area', 'High', 'Medium', 'Low', 'Not set', 'Open']).font = { bold: true };
  for (const area of summary.confidenceByArea) {
    sheet.addRow([area.area, area.counts.high, area.counts.medium, area.counts.low, area.counts['not-set'], area.total]);
  }
  sheet.addRow([]);
  sheet.addRow(['Owners with the most stale actions', 'Stale', 'Refs']).font = { bold: true };
  for (const owner of summary.staleOwners) sheet.addRow([owner.name, owner.count, refsCell(owner.refs)]);
}

/** Excel holds at most 32,767 characters in a cell, and cuts or "repairs" a longer one. */
const cellLimit = 32_767;

/** The refs in one cell, or as many as fit and how many more: the plan sheet lists them all. */
function refsCell(refs: string[]): string {
  const all = refs.join(', ');
  if (all.length <= cellLimit) return all;
  // Room kept for the words that say how many more.
  const room = cellLimit - 60;
  let shown = 0;
  let length = 0;
  while (shown < refs.length && length + refs[shown]!.length + 2 <= room) length += refs[shown++]!.length + 2;
  return `${refs.slice(0, shown).join(', ')} and ${refs.length - shown} more (filter the plan sheet by Plan Owner and Stale)`;
}

function changeRows(summary: BoardSummary): CellValue[][] {
  const m = summary.movement;
  const target = (t: string | null) => (t ? targetLabel(t) : 'Not set');
  return [
    ...m.newActions.map((a) => ['New action', a.ref, a.area, null, null, null]),
    ...m.closed.map((a) => ['Closed', a.ref, a.area, null, 'Closed', null]),
    ...m.retimed.map((a) => ['Re-timed', a.ref, a.area, target(a.from), target(a.to), a.from && a.to ? describeTargetMove(a.from, a.to) : null]),
    ...m.confidenceDropped.map((a) => ['Confidence dropped', a.ref, a.area, confidenceLabels[a.from], confidenceLabels[a.to], null]),
    ...m.becameStale.map((a) => ['Became stale', a.ref, a.area, null, null, null]),
    ...m.becameOverdue.map((a) => ['Became overdue', a.ref, a.area, null, null, null]),
  ];
}

export async function buildBoardPack(snapshot: Snapshot, options: { forceName: string }): Promise<Uint8Array> {
  const { summary, plan } = snapshot;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Action Plan Tracker';
  workbook.created = new Date(summary.compiledAt);
  addSummarySheet(workbook, summary, options.forceName);

  const planSheet = workbook.addWorksheet(sheetNames.plan);
  addTable(planSheet, planColumns, plan.map((row) => planColumns.map((column) => column.value(row, summary.timeZone))));
  planColumns.forEach((column, c) => {
    if (!column.rag) return;
    plan.forEach((row, r) => {
      const rag = column.rag!(row);
      if (rag) paint(planSheet.getCell(r + 2, c + 1), rag);
    });
  });

  const changes = workbook.addWorksheet(sheetNames.changes);
  addTable(
    changes,
    [
      { header: 'Change', width: 20 },
      { header: 'Ref Number', width: 12 },
      { header: 'Area', width: 24 },
      { header: 'From', width: 18 },
      { header: 'To', width: 18 },
      { header: 'Moved', width: 14 },
    ],
    changeRows(summary),
  );

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
