import ExcelJS from 'exceljs';
import type { PlanRow } from '../../../functions/core/board-summary/snapshot.js';
import { planColumnsFor, type Rag } from '../../../functions/adapters/xlsx/plan-columns.js';

/**
 * The plan alone as an XLSX workbook, in the board pack's column layout (plan-columns.ts, shared, so
 * the two never drift). exceljs is imported here only; the export route loads this module with a
 * dynamic import so exceljs never runs at the http Lambda's start-up.
 */
export const planWorkbookContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const planSheetName = 'Action plan';

/** Excel's Good, Neutral and Bad styles, as in the board pack. */
const ragStyles: Record<Rag, { fill: string; font: string }> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  amber: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};

export async function buildPlanWorkbook(rows: readonly PlanRow[], options: { timeZone: string; staleAfterDays: number; createdAt: Date }): Promise<Uint8Array> {
  const planColumns = planColumnsFor(options.staleAfterDays);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Action Plan Tracker';
  workbook.created = options.createdAt;
  const sheet = workbook.addWorksheet(planSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = planColumns.map((column) => ({
    header: column.header,
    width: column.width,
    style: { alignment: { wrapText: true, vertical: 'top' }, ...(column.numFmt ? { numFmt: column.numFmt } : {}) },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: planColumns.length } };
  sheet.addRows(rows.map((row) => planColumns.map((column) => column.value(row, options.timeZone))));
  planColumns.forEach((column, c) => {
    if (!column.rag) return;
    rows.forEach((row, r) => {
      const rag = column.rag!(row);
      if (!rag) return;
      const cell = sheet.getCell(r + 2, c + 1);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ragStyles[rag].fill } };
      cell.font = { color: { argb: ragStyles[rag].font } };
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
