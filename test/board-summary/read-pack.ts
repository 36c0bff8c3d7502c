import ExcelJS from 'exceljs';
import { buildBoardPack } from '../../functions/adapters/xlsx/board-pack.js';
import type { Snapshot } from '../../functions/core/board-summary/snapshot.js';

export async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** The pack built for the force and read back from the written bytes, as the board opens it. */
export const packOf = async (snapshot: Snapshot, forceName = 'Northshire Police') => readBack(await buildBoardPack(snapshot, { forceName }));

/** A row's values as a reader sees them: a merged range's value once, in its first cell, and nothing after the last value. */
export function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const cells = sheet.getRow(row);
  const values = Array.from({ length: cells.cellCount }, (_, c) => {
    const cell = cells.getCell(c + 1);
    return cell.isMerged && cell.master.address !== cell.address ? undefined : (cell.value ?? undefined);
  });
  while (values.length > 0 && values.at(-1) === undefined) values.pop();
  return values;
}
export const allRows = (sheet: ExcelJS.Worksheet) => Array.from({ length: sheet.rowCount }, (_, i) => rowValues(sheet, i + 1));
