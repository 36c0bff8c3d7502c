import ExcelJS from 'exceljs';
import type { PlanRow } from '../../../functions/core/board-summary/snapshot.js';
import { planColumnsFor } from '../../../functions/adapters/xlsx/plan-columns.js';
import { addPlanTable } from '../../../functions/adapters/xlsx/plan-sheet.js';
import { markWorkbook, pageLayouts, printOptions } from '../../../functions/adapters/xlsx/print-setup.js';

/**
 * The plan alone as an XLSX workbook, laid out as the board pack's plan sheet (plan-columns.ts and
 * plan-sheet.ts, shared, so the two never drift). exceljs is imported here only; the export route loads
 * this module with a dynamic import so exceljs never runs at the http Lambda's start-up.
 */
export const planWorkbookContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const planSheetName = 'Action plan';

export async function buildPlanWorkbook(rows: readonly PlanRow[], options: { forceName: string; timeZone: string; staleHeader: string; createdAt: Date }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Action Plan Tracker';
  workbook.created = options.createdAt;
  // The plan's text, as the board pack holds it: marked alike in its properties and on every printed page.
  const title = `${options.forceName}: action plan`;
  markWorkbook(workbook, title);
  addPlanTable(workbook.addWorksheet(planSheetName, printOptions(title, pageLayouts.twoPagesWide)), planColumnsFor(options.staleHeader), rows, options.timeZone);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
