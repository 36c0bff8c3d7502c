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

export const rowValues = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
export const allRows = (sheet: ExcelJS.Worksheet) => Array.from({ length: sheet.rowCount }, (_, i) => rowValues(sheet, i + 1));
