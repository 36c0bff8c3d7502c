import ExcelJS from 'exceljs';
import { boardSummaryTitle, planLoadedNote } from '../../core/board-summary/board-wording.js';
import type { Snapshot } from '../../core/board-summary/snapshot.js';
import { changeRows } from './movement-rows.js';
import { packColumns } from './pack-columns.js';
import { markWorkbook, pageLayouts, printOptions } from './print-setup.js';
import { sheetNames } from './sheet-names.js';
import { addSummarySheet } from './summary-sheet.js';
import { addPlanTable } from './plan-sheet.js';
import { addNote, addTable } from './table.js';

export { sheetNames } from './sheet-names.js';

/**
 * The board pack as an XLSX workbook: Summary, the full plan in the force's familiar column layout,
 * and what moved since last month. exceljs is imported here only; callers on a request path load this
 * module with a dynamic import so exceljs never runs at start-up.
 */
export const boardPackContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const boardPackFilename = (month: string) => `board-pack-${month}.xlsx`;

export async function buildBoardPack(snapshot: Snapshot, options: { forceName: string }): Promise<Uint8Array> {
  const { summary, plan } = snapshot;
  const title = boardSummaryTitle(options.forceName, summary.month);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Action Plan Tracker';
  workbook.created = new Date(summary.compiledAt);
  markWorkbook(workbook, title);
  addSummarySheet(workbook, snapshot, title);

  const planSheet = workbook.addWorksheet(sheetNames.plan, printOptions(title, pageLayouts.twoPagesWide));
  addPlanTable(planSheet, packColumns(summary.staleAfterDays), plan, summary.timeZone);

  const changes = workbook.addWorksheet(sheetNames.changes, printOptions(title, pageLayouts.onePageWide));
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
  // A header row alone looks broken: say why there is nothing, as the Summary does.
  if (summary.movement.planLoadedAt) addNote(changes, planLoadedNote(summary.movement.planLoadedAt, summary.timeZone));

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
