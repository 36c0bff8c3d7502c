import type { CellValue } from './plan-columns.js';

/** Points a line of the workbook's 11 pt Calibri takes in a wrapped cell, as Excel spaces it. */
const pointsPerLine = 15;
/** Excel's tallest row: text past it is hidden however the row is sized. */
const tallestRow = 409;

/**
 * Lines a text wraps to in a column `width` characters wide, whole words to a line as Excel wraps them.
 * A width counts characters as wide as "0": most text, bold too, is narrower, so the estimate errs
 * taller, which leaves a little space rather than hides a line.
 */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      if (used > 0 && used + 1 + word.length <= capacity) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the column is broken across lines.
      lines += Math.max(0, Math.ceil(word.length / capacity) - 1);
      used = word.length % capacity || Math.min(word.length, capacity);
    }
  }
  return lines;
}

/**
 * The height in points that shows every line of a row's wrapped cells. A row left without one is fitted
 * to its text by Excel at best, and not by LibreOffice, which showed its first line and ran the rest
 * over the rows below. A height set here holds in Excel too (a little taller than its own fit, at
 * worst), so the pages break in the same places whichever program prints them.
 */
export function rowHeight(cells: Array<{ value: CellValue; width: number }>): number {
  return heightOf(cells.map(({ value, width }) => cellLines(value, width)));
}

/** Lines a cell takes: its wrapped text, or one for anything else. */
export const cellLines = (value: CellValue, width: number): number => (typeof value === 'string' ? wrappedLines(value, width) : 1);

/** rowHeight for cells whose lines are counted already. */
export const heightOf = (lines: readonly number[]): number => Math.min(tallestRow, Math.max(1, ...lines) * pointsPerLine);

/** Whether so many lines pass Excel's tallest row: the rest is hidden on screen and in print. */
export const overflowsRow = (lines: number): boolean => lines * pointsPerLine > tallestRow;
