import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { MemoryRepository } from '../functions/adapters/memory/memory-repository.js';
import { readSpreadsheet } from '../functions/adapters/spreadsheet/read-spreadsheet.js';
import { importSpreadsheets } from '../functions/adapters/spreadsheet/import-spreadsheets.js';
import { percentile, type BenchFigure } from './figure.js';

const now = new Date('2026-11-27T10:00:00Z');

/** The demo plan as the Excel file an admin would upload. */
async function demoPlanAsXlsx(csv: Uint8Array): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Action plan').addRows((await readSpreadsheet(csv)).rows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function timeImports(files: { plan: Uint8Array; people: Uint8Array }, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const repository = new MemoryRepository();
    const started = performance.now();
    const report = await importSpreadsheets(repository, files, { now });
    samples.push(performance.now() - started);
    if (report.outcome !== 'written') throw new Error('the demo plan did not import');
  }
  return percentile(samples, 50);
}

/** The importer on the project's own sample plan and directory: read, parse, validate, write. */
export default async function benchImporter(): Promise<BenchFigure[]> {
  const plan = new Uint8Array(await readFile(new URL('../infra/local/demo/action-plan.csv', import.meta.url)));
  const people = new Uint8Array(await readFile(new URL('../infra/local/demo/people.csv', import.meta.url)));
  const xlsx = await demoPlanAsXlsx(plan);
  await timeImports({ plan, people }, 3); // warm-up
  return [
    { name: 'importer, sample plan as CSV (median of 20)', value: await timeImports({ plan, people }, 20), unit: 'ms', budget: 100 },
    { name: 'importer, sample plan as XLSX (median of 20)', value: await timeImports({ plan: xlsx, people }, 20), unit: 'ms', budget: 250 },
  ];
}
