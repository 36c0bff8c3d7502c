import { InvalidInputError } from '../../core/errors.js';
import { maxCellLength, type Cell } from '../../core/import/cells.js';
import { cellTooLong, columnLetter, maxRows, tooManyRows } from './spreadsheet-errors.js';

/** Excel writes ";" or tabs where the decimal comma is the custom: take whichever the header uses most. */
function guessDelimiter(text: string): string {
  const head = text.slice(0, 4096).split('\n')[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, head.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * RFC 4180: quoted cells may hold delimiters, line breaks and "" for a quote; CRLF or LF ends a row; a
 * leading BOM is dropped. Every cell comes back as text (numbers stay as written) and no cell may be
 * longer than Excel allows.
 */
export function readCsv(text: string): Cell[][] {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(source);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let cell = '';
  let quoted = false;
  /** The row a quoted cell starts on (it may span lines); 0 when the cell is not quoted. */
  let quoteStartRow = 0;
  const endCell = () => {
    if (cell.length > maxCellLength) throw cellTooLong(`Row ${quoteStartRow || rows.length + 1}, column ${columnLetter(row.length)}`, cell.length, maxCellLength);
    row.push(cell);
    cell = '';
    quoteStartRow = 0;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
    if (rows.length > maxRows) throw tooManyRows('The file ');
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (source[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
      quoteStartRow = rows.length + 1;
    } else if (char === delimiter) endCell();
    else if (char === '\n') endRow();
    else if (char === '\r') {
      if (source[i + 1] === '\n') i++;
      endRow();
    } else cell += char;
  }
  if (quoted) {
    throw new InvalidInputError([`Row ${quoteStartRow}: a quoted cell is never closed; check for a stray " in that row, or save the file again from Excel`], 'The file cannot be read');
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
