import type ExcelJS from 'exceljs';
import { boardConfidenceLabels, bySroColumns, bySroHeading, figuresAsAt, movementNote, noStaleOwners, otherStaleOwnersLine, protectiveMarking, staleOwnersHeading } from '../../core/board-summary/board-wording.js';
import { openBySro } from '../../core/board-summary/figures.js';
import { headlineFigures } from '../../core/board-summary/headline-figures.js';
import type { Snapshot } from '../../core/board-summary/snapshot.js';
import { formatDay } from '../../core/calendar/format-day.js';
import { movementKinds } from './movement-rows.js';
import { pageLayouts, printOptions } from './print-setup.js';
import { sheetNames } from './sheet-names.js';
import { fontOf, wrapTop } from './table.js';

export function addSummarySheet(workbook: ExcelJS.Workbook, { summary, plan }: Snapshot, title: string): void {
  const sheet = workbook.addWorksheet(sheetNames.summary, printOptions(title, pageLayouts.onePageWide));
  sheet.columns = [{ width: 44 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  const f = summary.figures;
  // On screen too: the printed marking shows only in print preview.
  sheet.addRow([protectiveMarking]).font = fontOf({ bold: true });
  sheet.addRow([title]).font = fontOf({ bold: true, size: 14 });
  sheet.addRow([`Figures as at ${figuresAsAt(summary)}; compiled ${formatDay(summary.compiledAt, summary.timeZone)}`]);
  sheet.addRow([]);
  const figures: Array<[string, number]> = [['Actions in the plan', f.total], ...headlineFigures(summary).map(([label, value]): [string, number] => [label, value])];
  for (const figure of figures) sheet.addRow(figure);
  sheet.addRow([]);
  sheet.addRow(['Confidence in timescale, open actions by area', 'High', 'Medium', 'Low', boardConfidenceLabels['not-set'], 'Open']).font = fontOf({ bold: true });
  for (const area of summary.confidenceByArea) {
    sheet.addRow([area.area, area.counts.high, area.counts.medium, area.counts.low, area.counts['not-set'], area.total]);
  }
  sheet.addRow([]);
  sheet.addRow([sheetNames.changes, 'Actions']).font = fontOf({ bold: true });
  const note = movementNote(summary);
  if (note) sheet.addRow([note]).alignment = wrapTop;
  // In the month the plan was loaded nothing is listed as moved: the note says so, not six rows of 0.
  if (!summary.movement.planLoadedAt) for (const kind of movementKinds(summary)) sheet.addRow([kind.label, kind.moves.length]);
  sheet.addRow([]);
  sheet.addRow([staleOwnersHeading(summary.staleAfterDays), 'Actions', 'Refs']).font = fontOf({ bold: true });
  if (summary.staleOwners.length === 0) sheet.addRow([noStaleOwners(summary.staleAfterDays)]);
  for (const owner of summary.staleOwners) sheet.addRow([owner.name, owner.count, refsCell(owner.refs)]);
  if (summary.otherStaleOwners) sheet.addRow([otherStaleOwnersLine(summary.otherStaleOwners)]);
  const loads = openBySro(plan);
  if (loads.length === 0) return;
  sheet.addRow([]);
  sheet.addRow([bySroHeading]).font = fontOf({ bold: true });
  sheet.addRow(bySroColumns(summary.staleAfterDays)).font = fontOf({ bold: true });
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
