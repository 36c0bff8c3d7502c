import type ExcelJS from 'exceljs';
import { maxCellLength, type Cell } from '../../core/import/cells.js';
import { cellTooLong, columnLetter, notASpreadsheet } from './spreadsheet-errors.js';
import { checkZipExpansion } from './zip-expansion.js';

export interface Sheet {
  name: string;
  /** Row i is the sheet's row i + 1; empty rows are kept so that row numbers match Excel's. */
  rows: Cell[][];
}

/** A cell's value as the importer wants it: rich text as plain text, formulas as their result. */
export function plainValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainValue(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return plainValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return null;
}

function readRows(worksheet: ExcelJS.Worksheet, merge: ExcelJS.ValueType): Cell[][] {
  const rows: Cell[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // Only the top-left cell of a merged range holds its value: a section title merged across the
      // row must still read as one filled cell.
      const value = cell.type === merge ? null : plainValue(cell.value);
      if (typeof value === 'string' && value.length > maxCellLength) {
        throw cellTooLong(`Sheet "${worksheet.name}", row ${rowNumber}, column ${columnLetter(column - 1)}`, value.length, maxCellLength);
      }
      cells[column - 1] = value;
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * Every worksheet of an .xlsx file, in workbook order. exceljs is loaded here, on the first file read,
 * so that the code around the importer can be loaded with the admin console without it.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  checkZipExpansion(bytes);
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw notASpreadsheet();
  }
  return workbook.worksheets.map((worksheet) => ({ name: worksheet.name, rows: readRows(worksheet, excel.ValueType.Merge) }));
}
