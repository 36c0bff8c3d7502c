import type ExcelJS from 'exceljs';
import type { CellValue, Rag } from './plan-columns.js';

/** Excel's own Good, Neutral and Bad cell styles, which boards already read as RAG. */
const ragStyles: Record<Rag, { fill: string; font: string }> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  amber: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
export const wrapTop: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

export function paint(cell: ExcelJS.Cell, rag: Rag): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ragStyles[rag].fill } };
  cell.font = { color: { argb: ragStyles[rag].font } };
}

/** Bold, shaded, frozen header row with filters on, printed atop every page: the layout every sheet of tabular data here shares. */
export function addTable(sheet: ExcelJS.Worksheet, headers: Array<{ header: string; width: number; numFmt?: string }>, rows: CellValue[][]): void {
  sheet.columns = headers.map((h) => ({ header: h.header, width: h.width, style: { alignment: wrapTop, ...(h.numFmt ? { numFmt: h.numFmt } : {}) } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = headerFill;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.pageSetup.printTitlesRow = '1:1';
  // Over every row, as Excel writes it: other spreadsheet programs filter only the range given.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } };
  sheet.addRows(rows);
}
