import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import type { Cell } from '../../functions/core/import/cells.js';
import { formatImportReport } from '../../functions/core/import/format-import-report.js';
import { buildXlsx } from './build-xlsx.js';
import { demoPeopleCsv, now } from './fixtures.js';

const later = new Date('2026-11-20T10:00:00.000Z');
const headings = ['Area', 'Ref Number', 'Area for Improvement/Cause of Concern/Recommendation', 'SRO/CO lead', 'Plan Owner', 'Timescale? set'];
/** A block of three rows whose Area and SRO are merged down: as a CSV has them, on the first row only. */
const block: Cell[][] = [
  headings,
  ['Leadership', '3.1', 'The force should improve its supervisors’ training.', 'DCC Ashworth', 'Supt Mercer', 'Mar-27'],
  ['', '3.2', 'The force should improve its leadership of change.', '', 'Leila Osei', 'Apr-27'],
  ['', '3.3', 'The force should improve its sickness management.', '', 'C/Supt Strand', 'May-27'],
];
const toCsv = (rows: Cell[][]) => new TextEncoder().encode(rows.map((row) => row.map((cell) => `"${String(cell ?? '')}"`).join(',')).join('\r\n'));

const blank = (ref: string, row: number, column: string, what: string) =>
  expect.objectContaining({ file: 'plan', row, ref, column, severity: 'warning', message: expect.stringContaining(`${what} merged down a block of rows, save it as .xlsx rather than .csv`) });

describe('a sheet with its Area and SRO merged down a block, saved as CSV', () => {
  it('warns of each new action with no SRO or no area, and counts the actions without an area', async () => {
    const report = await importSpreadsheets(new MemoryRepository(), { plan: toCsv(block), people: demoPeopleCsv }, { now, dryRun: true });
    expect(report.problems).toEqual([
      blank('3.2', 3, 'SRO/CO lead', 'the SRO'),
      blank('3.2', 3, 'Area', 'the area'),
      blank('3.3', 4, 'SRO/CO lead', 'the SRO'),
      blank('3.3', 4, 'Area', 'the area'),
    ]);
    expect(report.problems[0]!.message).toMatch(/^the SRO is blank, so nobody is escalated to when the action's owners go quiet\. Fill in the SRO\./);
    expect(report.plan).toMatchObject({ areas: ['Leadership'], noArea: 2 });
    expect(formatImportReport(report).split('\n')[0]).toBe('Read 3 actions (3 recommendations, 0 areas for improvement, 0 causes of concern) in 1 area: Leadership; 2 actions with no area');
  });

  it('does not warn of no SRO for an action not accepted, which is never chased', async () => {
    const rows: Cell[][] = [[...headings, 'Accepted for action by the force? Yes/No'], ['Leadership', '4.1', 'The force should review its estate.', '', 'Supt Mercer', 'Mar-27', 'No']];
    const report = await importSpreadsheets(new MemoryRepository(), { plan: toCsv(rows), people: demoPeopleCsv }, { now, dryRun: true });
    expect(report.problems.filter((p) => p.column === 'SRO/CO lead')).toEqual([]);
  });

  it('says nothing as .xlsx, which keeps the merged cells', async () => {
    const xlsx = await buildXlsx([{ name: 'Plan', rows: block, merges: ['A2:A4', 'D2:D4'] }]);
    const report = await importSpreadsheets(new MemoryRepository(), { plan: xlsx, people: demoPeopleCsv }, { now, dryRun: true });
    expect(report).toMatchObject({ problems: [], plan: { noArea: 0 } });
  });

  it('warns again only where a re-import writes the action: not for the same file, but for an SRO taken away', async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, { plan: toCsv(block), people: demoPeopleCsv }, { now, acceptWarnings: true });
    const same = await importSpreadsheets(repository, { plan: toCsv(block) }, { now: later });
    expect(same).toMatchObject({ outcome: 'written', problems: [], actions: { unchanged: 3 } });
    const sroGone = await importSpreadsheets(repository, { plan: toCsv(block.map((row, i) => (i === 1 ? row.with(3, '') : row))) }, { now: later, dryRun: true });
    expect(sroGone).toMatchObject({ actions: { updated: 1, unchanged: 2 }, problems: [blank('3.1', 2, 'SRO/CO lead', 'the SRO')] });
  });
});
