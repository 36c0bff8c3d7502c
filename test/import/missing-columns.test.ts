import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { formatImportReport } from '../../functions/core/import/format-import-report.js';
import type { Cell } from '../../functions/core/import/cells.js';
import { confirm, file, importHarness, uploadAndPreview } from '../admin/import/import-fixture.js';
import { csvRows, demoPeopleCsv, demoPlanCsv, now } from './fixtures.js';

const later = new Date('2026-11-20T10:00:00.000Z');
const demoPlan = new TextDecoder().decode(demoPlanCsv);
const encode = (text: string) => new TextEncoder().encode(text);

const toCsv = (rows: Cell[][]) => rows.map((row) => row.map((cell) => `"${String(cell ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n');

/** The demo plan without some of its columns, found by heading. */
function withoutColumns(...headings: string[]): string {
  const rows = csvRows(demoPlanCsv);
  const drop = new Set(rows[0]!.flatMap((cell, i) => (headings.includes(String(cell)) ? [i] : [])));
  expect(drop.size).toBe(headings.length);
  return toCsv(rows.map((row) => row.filter((_, i) => !drop.has(i))));
}

async function importedDemo() {
  const repository = new MemoryRepository();
  await importSpreadsheets(repository, { plan: demoPlanCsv, people: demoPeopleCsv }, { now });
  return { repository, before: await repository.listActions() };
}

describe('a plan re-imported without a column', () => {
  it('keeps what the stored actions hold for it, and says so', async () => {
    const { repository, before } = await importedDemo();
    const report = await importSpreadsheets(repository, { plan: encode(withoutColumns('SRO/CO lead', 'Plan Owner', 'Accepted for action by the force? Yes/No')) }, { now: later });
    expect(report).toMatchObject({ outcome: 'written', warnings: 0, actions: { created: 0, updated: 0, unchanged: 27 } });
    expect(await repository.listActions()).toEqual(before);
    expect(formatImportReport(report).split('\n')).toContain('Not in the file, so each stored action keeps its own: whether it is accepted, the SRO, the owners.');
  });
});

describe('a heading mistyped into another column’s name ("Plan Ownr" reads as the plan, as "What?" does)', () => {
  const typo = demoPlan.replace('Plan Owner,', 'Plan Ownr,');

  it('leaves the plan to "What?", keeps the stored owners, and says what is not read, without blocking', async () => {
    const { repository, before } = await importedDemo();
    const report = await importSpreadsheets(repository, { plan: encode(typo) }, { now: later });
    expect(report).toMatchObject({ outcome: 'written', warnings: 0, actions: { created: 0, updated: 0, unchanged: 27 } });
    expect(await repository.listActions()).toEqual(before);
    expect(formatImportReport(report).split('\n')).toContain(
      'Not in the file, so each stored action keeps its own: the owners. The column "Plan Ownr" is not read: it reads as the plan, which another column gives. Rename it if it holds something else.',
    );
  });
});

describe('a plan with two columns for one field, as forces add them', () => {
  it.each([
    ['Evidence of completion', 'HMIC Evidence'],
    ['Revised target date', 'Timescale? set'],
    ['Updated by', 'Last Updated'],
    ['Lead Officer', 'Plan Owner'],
  ])('reads the usual heading when "%s" comes before "%s", and imports without a warning', async (extra, usual) => {
    const rows = csvRows(demoPlanCsv);
    const at = rows[0]!.indexOf(usual);
    const plan = toCsv(rows.map((row, i) => [...row.slice(0, at), i === 0 ? extra : 'something else', ...row.slice(at)]));
    const fromDemo = new MemoryRepository();
    await importSpreadsheets(fromDemo, { plan: demoPlanCsv, people: demoPeopleCsv }, { now });
    const withExtra = new MemoryRepository();
    const report = await importSpreadsheets(withExtra, { plan: encode(plan), people: demoPeopleCsv }, { now });
    expect(report).toMatchObject({ outcome: 'written', warnings: 0, errors: 0 });
    expect(await withExtra.listActions()).toEqual(await fromDemo.listActions());
  });
});

describe('the console’s preview of a plan without a column', () => {
  it('says which fields the stored actions keep', async () => {
    const h = importHarness();
    const first = await uploadAndPreview(h, { plan: file(demoPlanCsv, 'plan.csv'), people: file(demoPeopleCsv, 'people.csv') });
    await confirm(h, first.path, first.digest!);
    const second = await uploadAndPreview(h, { plan: file(withoutColumns('Plan Owner'), 'plan.csv') });
    expect(second.html).toContain('<p class="inset-text">Not in the file, so each stored action keeps its own: the owners.</p>');
    const noDate = await uploadAndPreview(h, { plan: file(withoutColumns('Last Updated'), 'plan.csv') });
    expect(noDate.html).toContain('With no Last Updated, an action updated before also keeps its progress, confidence and target.');
    expect(second.html).toContain('Nothing to import');
  });
});
