import { InvalidInputError } from '../../core/errors.js';
import type { Cell, Row } from '../../core/import/cells.js';
import { findHeaderRow } from '../../core/import/match-headings.js';
import { decodeText, looksBinary } from './decode-text.js';
import { readCsv } from './read-csv.js';
import { readXlsx, type Sheet } from './read-xlsx.js';
import { maxFileBytes, notASpreadsheet } from './spreadsheet-errors.js';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

export interface ReadOptions {
  /** Which sheet of a workbook to take: the first for which this is true, else the first sheet. */
  prefer?: (rows: readonly Row[]) => boolean;
}

/** A workbook sheet that holds the action plan: one with a recognisable plan header. */
export const hasPlanHeader = (rows: readonly Row[]): boolean => findHeaderRow(rows) !== null;

/**
 * Reads an uploaded plan or directory, XLSX or CSV by its content (not its name), within limits that
 * keep a wrong file from tying up the importer: at most 4 MB, cells within Excel's own limit.
 */
export async function readSpreadsheet(bytes: Uint8Array, options: ReadOptions = {}): Promise<Sheet> {
  if (bytes.byteLength > maxFileBytes) {
    throw new InvalidInputError(
      [`the file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, over the limit of ${maxFileBytes / 1024 / 1024} MB; an action plan is far smaller, so check it is the right file (or delete unused sheets and save it again)`],
      'The file cannot be read',
    );
  }
  if (bytes.byteLength === 0) throw new InvalidInputError(['the file is empty; save the plan from Excel as .xlsx or .csv and try again'], 'The file cannot be read');
  if (zipMagic.every((byte, i) => bytes[i] === byte)) {
    const sheets = await readXlsx(bytes);
    const first = sheets[0];
    if (!first) throw new InvalidInputError(['the workbook has no sheets'], 'The file cannot be read');
    return sheets.find((sheet) => options.prefer?.(sheet.rows)) ?? first;
  }
  if (looksBinary(bytes)) throw notASpreadsheet();
  const rows: Cell[][] = readCsv(decodeText(bytes));
  if (rows.every((row) => row.every((cell) => String(cell ?? '').trim() === ''))) {
    throw new InvalidInputError(['the file has no rows with anything in them; save the plan from Excel as .xlsx or .csv and try again'], 'The file cannot be read');
  }
  return { name: 'CSV', rows };
}
