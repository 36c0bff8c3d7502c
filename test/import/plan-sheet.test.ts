import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import type { Cell } from '../../functions/core/import/cells.js';
import { formatImportReport } from '../../functions/core/import/format-import-report.js';
import { buildXlsx } from './build-xlsx.js';
import { demoPeopleCsv, now } from './fixtures.js';

const headings = ['Area', 'Ref Number', 'Area for Improvement/Cause of Concern/Recommendation', 'SRO/CO lead', 'Plan Owner', 'Timescale? set'];
const rows = (prefix: string, count: number): Cell[][] => [
  headings,
  ...Array.from({ length: count }, (_, i) => ['Efficiency', `${prefix}${i + 1}`, `The force should improve thing ${i + 1}.`, 'ACC Blake', 'Supt Mercer', 'Mar-27']),
];

const dryRun = (plan: Uint8Array) => importSpreadsheets(new MemoryRepository(), { plan, people: demoPeopleCsv }, { now, dryRun: true });

describe('the sheet of a workbook the plan is read from', () => {
  it('is named, and another sheet with the plan’s headings is a warning that names it, its rows and what to do', async () => {
    const report = await dryRun(await buildXlsx([{ name: 'Closed 2024', rows: rows('X', 1) }, { name: 'Current plan', rows: rows('Y', 5) }]));
    expect(report).toMatchObject({ sheet: 'Closed 2024', actions: { created: 1 } });
    expect(report.problems).toEqual([
      {
        file: 'plan',
        row: 0,
        severity: 'warning',
        message:
          'the sheet "Current plan" also has the plan\'s headings, with 5 rows below them, and is not read: only "Closed 2024", the first with rows under them, is. ' +
          'If "Current plan" is the live plan, move it in front of "Closed 2024" (or delete the sheet that is not the plan), save the workbook and import it again; otherwise accept to import "Closed 2024" alone',
      },
    ]);
    expect(formatImportReport(report).split('\n')[0]).toBe('Read 1 action (1 recommendation, 0 areas for improvement, 0 causes of concern) from the sheet "Closed 2024" in 1 area: Efficiency');
  });

  it('passes over an empty template with the headings for the sheet with rows, without a warning', async () => {
    const report = await dryRun(await buildXlsx([{ name: 'Template', rows: rows('T', 0) }, { name: 'Current plan', rows: rows('Y', 2) }]));
    expect(report).toMatchObject({ sheet: 'Current plan', actions: { created: 2 }, problems: [] });
  });

  it('is the first with the plan’s headings, after a cover sheet, without a warning; a CSV has no sheet to name', async () => {
    const workbook = await dryRun(await buildXlsx([{ name: 'Read me', rows: [['How to fill in the plan'], ['One row per action']] }, { name: 'Current plan', rows: rows('Y', 2) }]));
    expect(workbook).toMatchObject({ sheet: 'Current plan', problems: [], actions: { created: 2 } });
    const csv = await dryRun(new TextEncoder().encode(rows('Y', 2).map((row) => row.join(',')).join('\n')));
    expect(csv).toMatchObject({ sheet: null, problems: [] });
    expect(formatImportReport(csv).split('\n')[0]).toBe('Read 2 actions (2 recommendations, 0 areas for improvement, 0 causes of concern) in 1 area: Efficiency');
  });
});
