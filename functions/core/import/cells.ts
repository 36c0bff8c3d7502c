import { plainText } from '../form-text.js';

/** One spreadsheet cell as the readers hand it over: text, a number, an Excel date, or nothing. */
export type Cell = string | number | Date | boolean | null;
export type Row = readonly Cell[];

/**
 * `error` problems must be fixed in the file; `warning` problems (an owner nobody in the directory
 * matches, a timescale that is only text) may be accepted and imported as they are.
 */
export type Severity = 'error' | 'warning';

export interface ImportProblem {
  /** Which file, when an import reads more than one ("plan", "people"). */
  file?: string;
  /** The spreadsheet's own row number (1 = its first row), or 0 for the file as a whole. */
  row: number;
  /** The column's heading as written in the file. */
  column?: string;
  /** The row's ref, once it has one: a row number alone is hard to find in a sheet sorted since. */
  ref?: string;
  severity: Severity;
  message: string;
}

/** Excel's own limit on the characters in one cell. */
export const maxCellLength = 32_767;

/** A cell as trimmed text; numbers and dates keep a readable form. Empty cells become ''. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? 'Yes' : 'No';
  return plainText(String(cell)).trim();
}

export function isEmptyRow(row: Row): boolean {
  return row.every((cell) => cellText(cell) === '');
}

const lowerCaseLetters = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Lower-case words only: "Timescale?\nset" and "timescale set" read the same, and so do "Siân" and
 * "Sian" (accents are dropped rather than the letters that carry them).
 */
export function normaliseWords(text: string): string {
  return lowerCaseLetters(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * A name's words as normaliseWords has them, but for two marks that belong to a surname: an apostrophe
 * is left out, so that "O'Brien" and "OBrien" read the same and its O is not taken for an initial; and a
 * hyphen between words stays, so that "smith-jones" is one surname, not a Jones (between initials it
 * does not: "J-P" is two).
 */
export function normaliseName(text: string): string {
  return lowerCaseLetters(text)
    .replace(/['‘’ʼ]/g, '')
    .replace(/(?<![a-z0-9]{2})-|-(?![a-z0-9]{2})|[^a-z0-9-]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/**
 * What Excel (or Google Sheets: "#ERROR!") shows in a cell whose formula failed, in a workbook and in
 * the sheet saved as CSV alike. Read as text, "#REF!" would become the ref "ref" and "#N/A" a person's name.
 */
export const isExcelError = (text: string): boolean => /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA|ERROR!)$/.test(text);
