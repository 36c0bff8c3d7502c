import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { formatImportReport } from '../../functions/core/import/format-import-report.js';
import { buildXlsx } from './build-xlsx.js';
import { demoPeopleCsv, now } from './fixtures.js';

const later = new Date('2026-11-20T10:00:00.000Z');

/** A plan as forces keep one with a Status and a RAG column beside the usual ones. */
const withStatus = () =>
  buildXlsx([
    {
      name: 'Plan',
      rows: [
        ['Area', 'Ref Number', 'Area for Improvement/Cause of Concern/Recommendation', 'SRO/CO lead', 'Plan Owner', 'Timescale? set', 'Status', 'RAG', 'Last Updated'],
        ['Efficiency', 'S1', 'The force should improve its fleet management.', 'ACC Blake', 'Supt Mercer', 'Jun-26', 'Closed', 'Green', 'Oct-26'],
        ['Efficiency', 'S2', 'The force should improve its estates plan.', 'ACC Blake', 'Supt Mercer', 'Mar-27', 'Open', 'Amber', 'Oct-26'],
        ['Efficiency', 'S3', 'The force should improve its IT strategy.', 'ACC Blake', 'Supt Mercer', 'Mar-26', 'Complete - awaiting sign-off', 'Green', 'Oct-26'],
        ['Efficiency', 'S4', 'The force should improve its sickness management.', 'ACC Blake', 'Supt Mercer', 'Completed', '', '', 'Oct-26'],
      ],
    },
  ]);

const finishedWarning = (ref: string, column: string, said: string) =>
  expect.objectContaining({ ref, column, severity: 'warning', message: expect.stringContaining(`"${said}" says the action is finished, but an import never closes an action: it is imported as open`) });

describe('a plan whose rows say an action is finished', () => {
  it('warns that each is imported as open, from its Status or its timescale, and names the column it does not read', async () => {
    const plan = await withStatus();
    const report = await importSpreadsheets(new MemoryRepository(), { plan, people: demoPeopleCsv }, { now, dryRun: true });
    expect(report.problems).toEqual([finishedWarning('S1', 'Status', 'Closed'), finishedWarning('S3', 'Status', 'Complete - awaiting sign-off'), finishedWarning('S4', 'Timescale? set', 'Completed')]);
    // "Completed" is no month to write in, which the timescale's own warning would have asked for.
    expect(report.problems.map((p) => p.message).join('\n')).not.toContain('Write the target as a month');
    expect(report.plan?.unknown).toEqual(['RAG']);
    expect(formatImportReport(report)).toContain('Not read: the column "RAG", whose heading the importer does not know. If it holds something the tracker keeps');
  });

  it('says nothing of a finished row once its action is closed, which the import keeps', async () => {
    const plan = await withStatus();
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, { plan, people: demoPeopleCsv }, { now, acceptWarnings: true });
    const s1 = (await repository.getAction('s1'))!;
    expect(s1.status).toBe('open');
    await repository.putAction({ ...s1, status: 'closed' }, s1.version);
    const again = await importSpreadsheets(repository, { plan }, { now: later });
    expect(again.problems).toEqual([finishedWarning('S3', 'Status', 'Complete - awaiting sign-off'), finishedWarning('S4', 'Timescale? set', 'Completed')]);
    expect((await repository.getAction('s1'))!.status).toBe('closed');
  });
});
