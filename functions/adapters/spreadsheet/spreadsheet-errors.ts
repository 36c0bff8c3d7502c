import { formatCount } from '../../core/words.js';
import { InvalidInputError } from '../../core/errors.js';

/**
 * A plan is a few hundred kB. Deployed, an upload reaches the function only under about 4.5 MB (API
 * Gateway and Lambda take 6 MB, base64 encoded), so the console takes the two files together up to this.
 */
export const maxFileBytes = 4 * 1024 * 1024;

/**
 * Rows a file may have, blank ones included: a plan has hundreds and a force's directory thousands.
 * A file of millions of empty rows (a few MB of line breaks) would otherwise fill the function's memory.
 */
export const maxRows = 50_000;

export const tooManyRows = (where: string): InvalidInputError =>
  new InvalidInputError(
    [`${where}has more than ${formatCount(maxRows)} rows; an action plan or a directory has far fewer, so check it is the right file (or delete the empty rows below the table and save it again)`],
    'The file cannot be read',
  );

export const notASpreadsheet = (): InvalidInputError =>
  new InvalidInputError(['this is not a CSV or XLSX file; save the plan from Excel as .xlsx or .csv'], 'The file cannot be read');

/**
 * An OLE2 compound file: a workbook from Excel before 2007 (.xls), or an .xlsx that Excel has wrapped
 * in encryption, by a password or by a sensitivity label that encrypts (which OFFICIAL-SENSITIVE
 * files often carry): the admin has saved it as .xlsx already, and needs to hear what else to do.
 */
export const protectedOrOldWorkbook = (): InvalidInputError =>
  new InvalidInputError(
    [
      'this is an older Excel workbook (.xls), or an .xlsx protected by a password or by a sensitivity label that encrypts it, which the importer cannot open; ' +
        'save a copy without the password or encrypting label (File, Info, Protect Workbook; or Sensitivity), as .xlsx, and upload that',
    ],
    'The file cannot be read',
  );

export const cellTooLong = (where: string, length: number, limit: number): InvalidInputError =>
  new InvalidInputError(
    [`${where}: the cell holds ${formatCount(length)} characters, more than Excel's limit of ${formatCount(limit)}; shorten it (or check the file is the plan)`],
    'The file cannot be read',
  );

/** A letter column name, as Excel shows it: 0 -> A, 27 -> AB. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
