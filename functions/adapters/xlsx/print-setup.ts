import type ExcelJS from 'exceljs';

/**
 * A4, one page wide and as many long as it takes: a board member prints the pack, and a sheet left at
 * Excel's defaults prints its right-hand columns on pages of their own.
 */
export function printSetup(orientation: ExcelJS.PageSetup['orientation']): Partial<ExcelJS.PageSetup> {
  // 9 is A4: exceljs's PaperSize is a const enum, which isolatedModules cannot import.
  return { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
