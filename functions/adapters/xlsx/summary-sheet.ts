import type ExcelJS from 'exceljs';
import { boardConfidenceLabels, bySroColumns, bySroHeading, everyStaleOwnerHeading, figuresAsAt, movementNote, noStaleOwners, noUpdateColumn, ownerlessStaleLine, protectiveMarking, sharedStaleNote, countsSharedStale } from '../../core/board-summary/board-wording.js';
import { openBySro, staleOwners } from '../../core/board-summary/figures.js';
import { headlineFigures } from '../../core/board-summary/headline-figures.js';
import type { Snapshot } from '../../core/board-summary/snapshot.js';
import { formatDay } from '../../core/calendar/format-day.js';
import { movementKinds } from './movement-rows.js';
import { pageLayouts, printOptions } from './print-setup.js';
import { rowHeight } from './row-height.js';
import { sheetNames } from './sheet-names.js';
import { addNote, fontOf } from './table.js';

/** A wide first column for labels and names, then five for counts; refs take the last three as one. */
const widths = [44, 12, 12, 12, 12, 12];
const refsColumn = 4;
const sum = (list: number[]) => list.reduce((total, width) => total + width, 0);
const refsWidth = sum(widths.slice(refsColumn - 1));

/**
 * A table's heading row: bold, wrapped and as tall as its lines, so no heading is cut by the next cell;
 * headings over counts right-aligned above them, so that each stands over its own numbers.
 */
function addHeadings(sheet: ExcelJS.Worksheet, headings: string[]): ExcelJS.Row {
  const row = sheet.addRow(headings);
  row.font = fontOf({ bold: true });
  row.eachCell((cell, c) => {
    cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: c === 1 ? 'left' : 'right' };
  });
  row.height = rowHeight(headings.map((value, c) => ({ value, width: widths[c]! })));
  return row;
}

/**
 * Refs from the fourth column to the last as one wrapped cell, the third left empty between them and
 * the count: side by side, a right-aligned count ran into left-aligned refs ("1231" for 1 action, 231).
 */
function placeRefs(row: ExcelJS.Row, refs: string, vertical: ExcelJS.Alignment['vertical']): void {
  const cell = row.getCell(refsColumn);
  cell.value = refs;
  cell.alignment = { wrapText: true, vertical };
  row.worksheet.mergeCells(row.number, refsColumn, row.number, widths.length);
}

export function addSummarySheet(workbook: ExcelJS.Workbook, { summary, plan }: Snapshot, title: string): void {
  const sheet = workbook.addWorksheet(sheetNames.summary, printOptions(title, pageLayouts.onePageWide));
  sheet.columns = widths.map((width) => ({ width }));
  const f = summary.figures;
  // On screen too: the printed marking shows only in print preview.
  sheet.addRow([protectiveMarking]).font = fontOf({ bold: true });
  sheet.addRow([title]).font = fontOf({ bold: true, size: 14 });
  sheet.addRow([`Figures as at ${figuresAsAt(summary)}; compiled ${formatDay(summary.compiledAt, summary.timeZone)}`]);
  sheet.addRow([]);
  const figures: Array<[string, number]> = [['Actions in the plan', f.total], ...headlineFigures(summary).map(([label, value]): [string, number] => [label, value])];
  for (const figure of figures) sheet.addRow(figure);
  sheet.addRow([]);
  addHeadings(sheet, ['Confidence in timescale, open actions by area', 'High', 'Medium', 'Low', boardConfidenceLabels['not-set'], 'Open']);
  for (const area of summary.confidenceByArea) {
    sheet.addRow([area.area, area.counts.high, area.counts.medium, area.counts.low, area.counts['not-set'], area.total]);
  }
  sheet.addRow([]);
  addHeadings(sheet, [sheetNames.changes, 'Actions']);
  const note = movementNote(summary);
  if (note) addNote(sheet, note);
  // In the month the plan was loaded nothing is listed as moved: the note says so, not six rows of 0.
  if (!summary.movement.planLoadedAt) for (const kind of movementKinds(summary)) sheet.addRow([kind.label, kind.moves.length]);
  sheet.addRow([]);
  // Every owner to chase, not the email's five and a count of the rest: the pack is where the board
  // finds who those are. Worked out from the plan rows as kept, as the email's list was.
  const { staleOwners: owners, ownerlessStale } = staleOwners(plan, Infinity);
  placeRefs(addHeadings(sheet, [everyStaleOwnerHeading(summary.staleAfterDays), 'Actions']), 'Refs', 'bottom');
  if (owners.length === 0) addNote(sheet, noStaleOwners({ ...summary, ownerlessStale }));
  for (const owner of owners) {
    const refs = refsCell(owner.refs, summary.staleAfterDays);
    const row = sheet.addRow([owner.name, owner.count]);
    row.alignment = { vertical: 'top' };
    placeRefs(row, refs, 'top');
    row.height = rowHeight([{ value: owner.name, width: widths[0]! }, { value: refs, width: refsWidth }]);
  }
  if (owners.length > 0 && ownerlessStale) addNote(sheet, ownerlessStaleLine(ownerlessStale, summary.staleAfterDays));
  if (countsSharedStale(owners, ownerlessStale, summary.figures.stale)) addNote(sheet, sharedStaleNote(summary.figures.stale));
  const loads = openBySro(plan);
  if (loads.length === 0) return;
  sheet.addRow([]);
  sheet.addRow([bySroHeading]).font = fontOf({ bold: true });
  addHeadings(sheet, bySroColumns(summary.staleAfterDays));
  for (const load of loads) sheet.addRow([load.name, load.open, load.stale, load.overdue]);
}

/** Excel holds at most 32,767 characters in a cell, and cuts or "repairs" a longer one. */
const cellLimit = 32_767;

/** The refs in one cell, or as many as fit and how many more: the plan sheet lists them all, by the columns named. */
function refsCell(refs: string[], staleAfterDays: number): string {
  const all = refs.join(', ');
  if (all.length <= cellLimit) return all;
  const more = (count: number) => ` and ${count} more (filter the ${sheetNames.plan} sheet by Plan Owner and ${noUpdateColumn(staleAfterDays)})`;
  // Room kept for the words that say how many more, at their longest.
  const room = cellLimit - more(refs.length).length;
  let shown = 0;
  let length = 0;
  while (shown < refs.length && length + refs[shown]!.length + 2 <= room) length += refs[shown++]!.length + 2;
  return `${refs.slice(0, shown).join(', ')}${more(refs.length - shown)}`;
}
