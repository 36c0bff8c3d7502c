import { InvalidInputError } from '../../core/errors.js';

export const maxFileBytes = 10 * 1024 * 1024;

export const notASpreadsheet = (): InvalidInputError =>
  new InvalidInputError(['this is not a CSV or XLSX file; save the plan from Excel as .xlsx or .csv'], 'The file cannot be read');

export const cellTooLong = (where: string, length: number, limit: number): InvalidInputError =>
  new InvalidInputError(
    [`${where}: the cell holds ${length.toLocaleString('en-GB')} characters, more than Excel's limit of ${limit.toLocaleString('en-GB')}; shorten it (or check the file is the plan)`],
    'The file cannot be read',
  );

/** A letter column name, as Excel shows it: 0 -> A, 27 -> AB. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
