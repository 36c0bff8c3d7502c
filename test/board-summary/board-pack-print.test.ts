import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetNames } from '../../functions/adapters/xlsx/board-pack.js';
import { wrappedLines } from '../../functions/adapters/xlsx/row-height.js';
import { textContinues } from '../../functions/adapters/xlsx/table.js';
import { generatePlan, snapshotOf } from './plan-fixture.js';
import { packOf, rowValues } from './read-pack.js';

/** Pixels Excel gives a column `width` characters wide (characters as wide as "0", 7 px in 11 pt Calibri, and 5 px of padding). */
const columnPixels = (width: number) => Math.trunc(width * 7 + 5);
const a4LandscapeInches = 11.69;

function pageSetupOf(sheet: ExcelJS.Worksheet) {
  const { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, pageOrder, printTitlesRow, printTitlesColumn } = sheet.pageSetup;
  return { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, pageOrder, printTitlesRow, printTitlesColumn };
}

describe('board pack in print, read back with exceljs', async () => {
  const snapshot = snapshotOf(generatePlan(40, 1));
  snapshot.plan[0]!.latestProgress = 'Progress noted at the monthly review. '.repeat(100);
  const workbook = await packOf(snapshot);
  const plan = workbook.getWorksheet(sheetNames.plan)!;
  const widths = plan.columns.map((column) => column.width!);

  it('prints the Summary and changes sheets on A4 portrait one page wide, the changes with their heading row on every page', () => {
    const onePageWide = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, pageOrder: 'downThenOver', printTitlesColumn: undefined };
    expect(pageSetupOf(workbook.getWorksheet(sheetNames.summary)!)).toEqual({ ...onePageWide, printTitlesRow: undefined });
    expect(pageSetupOf(workbook.getWorksheet(sheetNames.changes)!)).toEqual({ ...onePageWide, printTitlesRow: '1:1' });
  });

  it('prints the plan on two A4 landscape pages side by side, the halves of the same rows one after the other, its heading row and Area and Ref on every page', () => {
    expect(pageSetupOf(plan)).toEqual({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 2,
      fitToHeight: 0,
      pageOrder: 'overThenDown',
      printTitlesRow: '1:1',
      printTitlesColumn: 'A:B',
    });
    expect(rowValues(plan, 1).slice(0, 2)).toEqual(['Area', 'Ref Number']);
  });

  it('prints the plan at 80% or more (about 9 pt), its columns and the repeated Area and Ref within the two pages’ width', () => {
    const { left, right } = plan.pageSetup.margins!;
    const printable = 2 * (a4LandscapeInches - left - right) * 96;
    const needed = widths.reduce((sum, width) => sum + columnPixels(width), 0) + columnPixels(widths[0]!) + columnPixels(widths[1]!);
    expect(printable / needed).toBeGreaterThanOrEqual(0.8);
  });

  it('makes each plan row tall enough for its longest wrapped text, up to Excel’s tallest row, and the heading row for its headings', () => {
    const linesAtLeast = (row: number) => Math.max(1, ...Array.from(rowValues(plan, row), (value, c) => (typeof value === 'string' ? Math.ceil(value.length / widths[c]!) : 1)));
    for (let row = 1; row <= plan.rowCount; row++) {
      expect(plan.getRow(row).height, `row ${row}`).toBeGreaterThanOrEqual(Math.min(409, 15 * linesAtLeast(row)));
      expect(plan.getRow(row).height).toBeLessThanOrEqual(409);
    }
    expect(plan.getRow(2).height).toBe(409);
    expect(plan.getRow(1).height).toBeGreaterThanOrEqual(15 * 4);
  });

  it('marks with a note a cell whose text runs past Excel\'s tallest row, and no other', () => {
    const progress = rowValues(plan, 1).indexOf('Progress Update') + 1;
    expect(plan.getRow(2).getCell(progress).note).toBe(textContinues);
    const noted: string[] = [];
    for (let row = 1; row <= plan.rowCount; row++) plan.getRow(row).eachCell((cell) => cell.note && noted.push(cell.address));
    expect(noted).toEqual([plan.getRow(2).getCell(progress).address]);
  });

  it('gives headings and coloured cells the sheet’s own font, which LibreOffice otherwise replaces with a wider serif', () => {
    const stale = snapshot.plan.findIndex((row) => row.stale) + 2;
    const coloured = plan.getRow(stale).getCell(rowValues(plan, 1).indexOf('No update for 28+ days') + 1);
    for (const cell of [plan.getCell('A1'), workbook.getWorksheet(sheetNames.summary)!.getCell('A1'), coloured]) {
      expect(cell.font).toMatchObject({ name: 'Calibri', size: 11 });
    }
  });

  it('leaves a row of short values one line tall', () => {
    const changes = workbook.getWorksheet(sheetNames.changes)!;
    expect(changes.getRow(1).height).toBe(15);
  });
});

describe('wrappedLines, the estimate the row heights come from', () => {
  it('keeps words whole, breaks a word wider than the column, and starts a line at each line break', () => {
    expect(wrappedLines('aaa bbb ccc', 7)).toBe(2);
    expect(wrappedLines('x'.repeat(25), 10)).toBe(3);
    expect(wrappedLines('aa ' + 'x'.repeat(25), 10)).toBe(4);
    expect(wrappedLines('one\ntwo\r\nthree', 40)).toBe(3);
    expect(wrappedLines('', 10)).toBe(1);
  });
});
