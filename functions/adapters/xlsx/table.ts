import type ExcelJS from 'exceljs';
import type { CellValue, Rag } from './plan-columns.js';
import { cellLines, heightOf, overflowsRow, rowHeight } from './row-height.js';

/** Excel's own Good, Neutral and Bad cell styles, which boards already read as RAG. */
const ragStyles: Record<Rag, { fill: string; font: string }> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  amber: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
export const wrapTop: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/**
 * exceljs writes a font given only bold or a colour with no face or size, and LibreOffice fills those in
 * with a wider serif one, which broke headings mid-word: every font set here is the workbook's own.
 */
export const fontOf = (font: Partial<ExcelJS.Font>): Partial<ExcelJS.Font> => ({ name: 'Calibri', family: 2, size: 11, ...font });

export function paint(cell: ExcelJS.Cell, rag: Rag): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ragStyles[rag].fill } };
  cell.font = fontOf({ color: { argb: ragStyles[rag].font } });
}

/**
 * Bold, shaded, frozen header row with filters on, printed atop every page, and every row as tall as its
 * wrapped text: the layout every sheet of tabular data here shares.
 */
export function addTable(sheet: ExcelJS.Worksheet, headers: Array<{ header: string; width: number; numFmt?: string }>, rows: CellValue[][]): void {
  sheet.columns = headers.map((h) => ({ header: h.header, width: h.width, style: { alignment: wrapTop, ...(h.numFmt ? { numFmt: h.numFmt } : {}) } }));
  const header = sheet.getRow(1);
  header.font = fontOf({ bold: true });
  header.eachCell((cell) => {
    cell.fill = headerFill;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.pageSetup.printTitlesRow = '1:1';
  // Over every row, as Excel writes it: other spreadsheet programs filter only the range given.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } };
  header.height = rowHeight(headers.map((h) => ({ value: h.header, width: h.width })));
  sheet.addRows(rows).forEach((row, r) => {
    // Each cell wrapped once, for the row's height and for whether any of it is hidden.
    const lines = headers.map((h, c) => cellLines(rows[r]![c] ?? null, h.width));
    row.height = heightOf(lines);
    // The whole text is in the cell, but past the tallest row nothing shows that some is hidden.
    lines.forEach((count, c) => {
      if (overflowsRow(count)) row.getCell(c + 1).note = textContinues;
    });
  });
}

/** The note on a cell whose text a row cannot show in full. */
export const textContinues = 'The text continues past what the row can show: select the cell to read it all in the formula bar, or open the action in the console.';

/** A sentence across the sheet's columns, wrapped and as tall as its lines: in the first column alone it was cut. */
export function addNote(sheet: ExcelJS.Worksheet, note: string): void {
  const row = sheet.addRow([note]);
  sheet.mergeCells(row.number, 1, row.number, sheet.columns.length);
  row.getCell(1).alignment = wrapTop;
  row.height = rowHeight([{ value: note, width: sheet.columns.reduce((sum, column) => sum + (column.width ?? 0), 0) }]);
}
