import type ExcelJS from 'exceljs';
import type { PlanRow } from '../../core/board-summary/snapshot.js';
import type { PackColumn } from './pack-columns.js';
import { addTable, paint } from './table.js';

/** The plan as a table, one row per action, its RAG cells painted and each cell in its own number format where it has one: the pack's and the export's alike. */
export function addPlanTable(sheet: ExcelJS.Worksheet, columns: readonly PackColumn[], plan: readonly PlanRow[], timeZone: string): void {
  addTable(sheet, [...columns], plan.map((row) => columns.map((column) => column.value(row, timeZone))));
  columns.forEach((column, c) => {
    plan.forEach((row, r) => {
      const cell = sheet.getCell(r + 2, c + 1);
      const rag = column.rag?.(row);
      if (rag) paint(cell, rag);
      const numFmt = column.numFmtOf?.(row);
      if (numFmt) cell.numFmt = numFmt;
    });
  });
}
