import ExcelJS from 'exceljs';
import type { Cell } from '../../functions/core/import/cells.js';

export interface XlsxSheet {
  name: string;
  rows: Cell[][];
  /** Called with each written cell, to turn text into Excel dates, rich text, formulas. */
  decorate?: (cell: ExcelJS.Cell, row: number, column: number) => void;
  /** Ranges to merge once the cells are written ("A2:A3"), as Excel users merge headings and areas. */
  merges?: string[];
}

/** Builds an .xlsx in memory, as Excel would save it: no binaries in the repository. */
export async function buildXlsx(sheets: XlsxSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === '') return;
        const cell = worksheet.getCell(r + 1, c + 1);
        cell.value = value;
        sheet.decorate?.(cell, r + 1, c + 1);
      });
    });
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
