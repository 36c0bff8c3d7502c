import { InvalidInputError } from '../../core/errors.js';
import type { Cell } from '../../core/import/cells.js';
import { decodeText, looksBinary } from './decode-text.js';
import { readCsv } from './read-csv.js';
import { readXlsx, type Sheet } from './read-xlsx.js';
import { maxFileBytes, notASpreadsheet, protectedOrOldWorkbook } from './spreadsheet-errors.js';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const ole2Magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads an uploaded plan or directory, XLSX or CSV by its content (not its name), within limits that
 * keep a wrong file from tying up the importer: at most 4 MB, cells within Excel's own limit. Every
 * sheet of a workbook, in order; a CSV file as one sheet with no name.
 */
export async function readSheets(bytes: Uint8Array): Promise<[Sheet, ...Sheet[]]> {
  if (bytes.byteLength > maxFileBytes) {
    throw new InvalidInputError(
      [`the file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, over the limit of ${maxFileBytes / 1024 / 1024} MB; an action plan is far smaller, so check it is the right file (or delete unused sheets and save it again)`],
      'The file cannot be read',
    );
  }
  if (bytes.byteLength === 0) throw new InvalidInputError(['the file is empty; save the plan from Excel as .xlsx or .csv and try again'], 'The file cannot be read');
  if (zipMagic.every((byte, i) => bytes[i] === byte)) {
    const [first, ...others] = await readXlsx(bytes);
    if (!first) throw new InvalidInputError(['the workbook has no sheets'], 'The file cannot be read');
    return [first, ...others];
  }
  if (ole2Magic.every((byte, i) => bytes[i] === byte)) throw protectedOrOldWorkbook();
  if (looksBinary(bytes)) throw notASpreadsheet();
  const rows: Cell[][] = readCsv(decodeText(bytes));
  if (rows.every((row) => row.every((cell) => String(cell ?? '').trim() === ''))) {
    throw new InvalidInputError(['the file has no rows with anything in them; save the plan from Excel as .xlsx or .csv and try again'], 'The file cannot be read');
  }
  return [{ name: null, rows }];
}

/** The first sheet of a file, as readSheets reads it: a directory is read from its first sheet. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Sheet> {
  return (await readSheets(bytes))[0];
}
