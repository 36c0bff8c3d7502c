import type ExcelJS from 'exceljs';
import { monthNames } from '../../core/calendar/month-names.js';
import { maxCellLength, type Cell } from '../../core/import/cells.js';
import { cellTooLong, columnLetter, maxRows, notASpreadsheet, tooManyRows } from './spreadsheet-errors.js';
import { checkZipExpansion } from './zip-expansion.js';

export interface Sheet {
  /** The worksheet's tab name; null for a CSV file, which has none. */
  name: string | null;
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

/**
 * A date cell formatted without its day ("Sep-26", as Excel shows what was typed as "Sep 2026") is a
 * month, as the same sheet saved as CSV says: read as its first day, a target would fall due a month
 * early. Quoted text and [bracketed] codes in the format are not part of the date.
 */
function asShown(value: Cell, format: string | undefined): Cell {
  if (!(value instanceof Date) || !format) return value;
  const tokens = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  return tokens.includes('y') && tokens.includes('m') && !tokens.includes('d') ? `${monthNames[value.getUTCMonth()]} ${value.getUTCFullYear()}` : value;
}

function readRows(worksheet: ExcelJS.Worksheet, merge: ExcelJS.ValueType): Cell[][] {
  const rows: Cell[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > maxRows) throw tooManyRows(`Sheet "${worksheet.name}" `);
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // A merged range's value is in its top-left cell. Merged down a column (an area or an SRO for a
      // block of rows), each row takes it; merged across a row, a section title still reads as one
      // filled cell.
      const source = cell.type === merge ? (cell.master.col === cell.col && cell.master.row !== cell.row ? cell.master : null) : cell;
      const value = source ? asShown(plainValue(source.value), source.numFmt) : null;
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
