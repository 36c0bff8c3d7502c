import ExcelJS from 'exceljs';
import { boardConfidenceLabels, bySroColumns, bySroHeading, figuresAsAt, movementLabels, movementNote, noStaleOwners, otherStaleOwnersLine, staleOwnersHeading, type MovementList } from '../../core/board-summary/board-wording.js';
import { monthLabel, targetLabel } from '../../core/board-summary/month.js';
import type { BoardSummary, MovedAction, PlanRow, Snapshot } from '../../core/board-summary/snapshot.js';
import { formatDay } from '../../core/calendar/format-day.js';
import { planColumns, timescaleText, type CellValue, type PlanColumn, type Rag } from './plan-columns.js';
import { headlineFigures } from '../../core/board-summary/headline-figures.js';
import { openBySro } from '../../core/board-summary/figures.js';
import { describeTargetMove } from '../../core/board-summary/target-move.js';

/**
 * The board pack as an XLSX workbook: Summary, the full plan in the force's familiar column layout,
 * and what moved since last month. exceljs is imported here only; callers on a request path load this
 * module with a dynamic import so exceljs never runs at start-up.
 */
export const boardPackContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const boardPackFilename = (month: string) => `board-pack-${month}.xlsx`;
/** `changes` is the email's heading for the same list, so the board finds it by the name it knows (at most 31 characters, none of /\?*[]:). */
export const sheetNames = { summary: 'Summary', plan: 'Action plan', changes: 'What moved since last month' } as const;

/** Excel's own Good, Neutral and Bad cell styles, which boards already read as RAG. */
const ragStyles: Record<Rag, { fill: string; font: string }> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  amber: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const wrapTop: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/**
 * A4, one page wide and as many long as it takes: a board member prints the pack, and a sheet left at
 * Excel's defaults prints its right-hand columns on pages of their own.
 */
function printSetup(orientation: ExcelJS.PageSetup['orientation']): Partial<ExcelJS.PageSetup> {
  // 9 is A4: exceljs's PaperSize is a const enum, which isolatedModules cannot import.
  return { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function paint(cell: ExcelJS.Cell, rag: Rag): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ragStyles[rag].fill } };
  cell.font = { color: { argb: ragStyles[rag].font } };
}

/** Bold, shaded, frozen header row with filters on, printed atop every page: the layout every sheet of tabular data here shares. */
function addTable(sheet: ExcelJS.Worksheet, headers: Array<{ header: string; width: number; numFmt?: string }>, rows: CellValue[][]): void {
  sheet.columns = headers.map((h) => ({ header: h.header, width: h.width, style: { alignment: wrapTop, ...(h.numFmt ? { numFmt: h.numFmt } : {}) } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = headerFill;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.pageSetup.printTitlesRow = '1:1';
  // Over every row, as Excel writes it: other spreadsheet programs filter only the range given.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } };
  sheet.addRows(rows);
}

function addSummarySheet(workbook: ExcelJS.Workbook, { summary, plan }: Snapshot, forceName: string): void {
  const sheet = workbook.addWorksheet(sheetNames.summary, { pageSetup: printSetup('portrait') });
  sheet.columns = [{ width: 44 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  const f = summary.figures;
  const title = sheet.addRow([`${forceName}: action plan board summary, ${monthLabel(summary.month)}`]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([`Figures as at ${figuresAsAt(summary)}; compiled ${formatDay(summary.compiledAt, summary.timeZone)}`]);
  sheet.addRow([]);
  const figures: Array<[string, number]> = [['Actions in the plan', f.total], ...headlineFigures(summary).map(([label, value]): [string, number] => [label, value])];
  for (const figure of figures) sheet.addRow(figure);
  sheet.addRow([]);
  sheet.addRow(['Confidence in timescale, open actions by area', 'High', 'Medium', 'Low', boardConfidenceLabels['not-set'], 'Open']).font = { bold: true };
  for (const area of summary.confidenceByArea) {
    sheet.addRow([area.area, area.counts.high, area.counts.medium, area.counts.low, area.counts['not-set'], area.total]);
  }
  sheet.addRow([]);
  sheet.addRow([sheetNames.changes, 'Actions']).font = { bold: true };
  const note = movementNote(summary);
  if (note) sheet.addRow([note]).alignment = wrapTop;
  // In the month the plan was loaded nothing is listed as moved: the note says so, not six rows of 0.
  if (!summary.movement.planLoadedAt) for (const kind of movementKinds(summary)) sheet.addRow([kind.label, kind.moves.length]);
  sheet.addRow([]);
  sheet.addRow([staleOwnersHeading(summary.staleAfterDays), 'Actions', 'Refs']).font = { bold: true };
  if (summary.staleOwners.length === 0) sheet.addRow([noStaleOwners(summary.staleAfterDays)]);
  for (const owner of summary.staleOwners) sheet.addRow([owner.name, owner.count, refsCell(owner.refs)]);
  if (summary.otherStaleOwners) sheet.addRow([otherStaleOwnersLine(summary.otherStaleOwners)]);
  const loads = openBySro(plan);
  if (loads.length === 0) return;
  sheet.addRow([]);
  sheet.addRow([bySroHeading]).font = { bold: true };
  sheet.addRow(bySroColumns(summary.staleAfterDays)).font = { bold: true };
  for (const load of loads) sheet.addRow([load.name, load.open, load.stale, load.overdue]);
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

/** One row of the changes sheet after its label: Ref Number, Area, From, To, Moved. */
type Move = CellValue[];

/** Each kind of movement under the email's label, in its order: the changes sheet lists the moves, the Summary counts them. */
function movementKinds(summary: BoardSummary): Array<{ label: string; moves: Move[] }> {
  const m = summary.movement;
  const target = (t: string | null) => (t ? targetLabel(t) : 'Not set');
  const plain = (list: MovedAction[]): Move[] => list.map((a) => [a.ref, a.area]);
  const moves: Record<MovementList, Move[]> = {
    newActions: plain(m.newActions),
    closed: m.closed.map((a) => [a.ref, a.area, null, 'Closed']),
    retimed: m.retimed.map((a) => [a.ref, a.area, target(a.from), target(a.to), a.from && a.to ? describeTargetMove(a.from, a.to) : null]),
    confidenceDropped: m.confidenceDropped.map((a) => [a.ref, a.area, boardConfidenceLabels[a.from], boardConfidenceLabels[a.to]]),
    becameStale: plain(m.becameStale),
    becameOverdue: plain(m.becameOverdue),
  };
  return movementLabels(summary.staleAfterDays).map(([list, label]) => ({ label, moves: moves[list] }));
}

function changeRows(summary: BoardSummary): CellValue[][] {
  return movementKinds(summary).flatMap((kind) => kind.moves.map((move) => [kind.label, ...move]));
}

/**
 * The sheet's wording where a target was read from it: "Phase One completed by March 26" says more than
 * "March 2026". Without a target the Timescale column shows the wording already, and an Excel date is
 * kept as the target itself, which says nothing more.
 */
function timescaleAsWritten(row: PlanRow): string | null {
  const { text, target } = row.timescale;
  return text !== null && target !== null && text !== target ? text : null;
}

/** The familiar columns with the timescale as written beside the target read from it (the pack's alone: planColumns also lays out the console's export). */
const packColumns: PlanColumn[] = planColumns.flatMap((column) =>
  column.value === timescaleText ? [column, { header: 'Timescale as written', width: 30, value: timescaleAsWritten }] : [column],
);

export async function buildBoardPack(snapshot: Snapshot, options: { forceName: string }): Promise<Uint8Array> {
  const { summary, plan } = snapshot;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Action Plan Tracker';
  workbook.created = new Date(summary.compiledAt);
  addSummarySheet(workbook, snapshot, options.forceName);

  const planSheet = workbook.addWorksheet(sheetNames.plan, { pageSetup: printSetup('landscape') });
  addTable(planSheet, packColumns, plan.map((row) => packColumns.map((column) => column.value(row, summary.timeZone))));
  packColumns.forEach((column, c) => {
    if (!column.rag) return;
    plan.forEach((row, r) => {
      const rag = column.rag!(row);
      if (rag) paint(planSheet.getCell(r + 2, c + 1), rag);
    });
  });

  const changes = workbook.addWorksheet(sheetNames.changes, { pageSetup: printSetup('portrait') });
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
