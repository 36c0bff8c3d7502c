import { describe, expect, it } from 'vitest';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { deactivatePerson } from '../../functions/core/admin/people/deactivate-person.js';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { formatImportReport } from '../../functions/core/import/format-import-report.js';
import { memoryDeps } from '../support/memory-deps.js';
import { demoPeopleCsv, demoPlanCsv, now, personId } from './fixtures.js';

const demo = { plan: demoPlanCsv, people: demoPeopleCsv };
const later = new Date('2026-11-20T10:00:00.000Z');
const carver = personId('helen.carver');
const ashworth = personId('simon.ashworth');
const blake = personId('rowena.blake');
const hasLeft = 'the sheet names ACO Helen Carver, who has left (deactivated in People)';

/** The demo imported, then ACO Helen Carver deactivated as a leaver, DCC Simon Ashworth taking her SRO portfolio. */
async function demoAfterCarverLeft() {
  const config = parseForceConfig({ id: 'northshire', name: 'Northshire Police', baseUrl: 'https://actions.northshire.example', sender: 'actions@northshire.example', admins: ['admin@northshire.example'] }, 'test');
  const deps = memoryDeps({ config, clock: { now: () => now }, getMailer: async () => ({ send: async () => ({ messageId: 'sent' }) }) });
  await importSpreadsheets(deps.repository, demo, { now });
  await deactivatePerson(deps, { email: 'admin@northshire.example', name: 'Admin', personId: null }, carver, now, ashworth);
  return deps.repository;
}

describe('re-importing a sheet from before someone left', () => {
  it('keeps the stored owners and SRO where the sheet names the leaver, and warns on each row who keeps the action', async () => {
    const repository = await demoAfterCarverLeft();
    const before = await repository.listActions();
    expect(before.find((a) => a.id === '203')?.ownerIds).toEqual([blake]);

    const dryRun = await importSpreadsheets(repository, demo, { now: later, dryRun: true, acceptWarnings: true });
    expect(dryRun).toMatchObject({ outcome: 'dry-run', warnings: 3, actions: { updated: 0, unchanged: 27 }, changedActions: [] });
    expect(dryRun.problems).toEqual([
      { row: 4, ref: '203', severity: 'warning', message: `owned by ACC Rowena Blake; ${hasLeft}` },
      { row: 22, ref: '232', severity: 'warning', message: `kept DCC Simon Ashworth as SRO; ${hasLeft}` },
      { row: 28, ref: '251', severity: 'warning', message: `kept DCC Simon Ashworth as SRO; ${hasLeft}` },
    ]);
    // The command line blocks on them until they are accepted, and says the same.
    const blocked = await importSpreadsheets(repository, demo, { now: later });
    expect(blocked.outcome).toBe('blocked');
    expect(formatImportReport(blocked).split('\n')).toContain(`Warning (row 22, action 232): kept DCC Simon Ashworth as SRO; ${hasLeft}`);

    await importSpreadsheets(repository, demo, { now: later, acceptWarnings: true });
    expect(await repository.listActions()).toEqual(before);
    expect((await repository.getPerson(carver))?.active).toBe(false);
  });

  it('still takes the owners from a sheet that names nobody who has left, and says who they were and become', async () => {
    const repository = await demoAfterCarverLeft();
    const stored = (await repository.getAction('211'))!;
    await repository.saveUpdate({
      actionId: '211', version: stored.version + 1, at: now.toISOString(), by: 'admin@northshire.example', onBehalfOf: null, via: 'admin',
      patch: { ownerIds: [personId('owen.tranter')] }, changes: [], countsAsProgress: false,
    });
    const report = await importSpreadsheets(repository, demo, { now: later, acceptWarnings: true });
    const owners = { field: 'ownerIds', from: [personId('owen.tranter')], to: [personId('gareth.pike'), personId('owen.tranter')] };
    expect(report.changedActions).toEqual([{ id: '211', ref: '211', changes: [owners] }]);
    expect(formatImportReport(report).split('\n')).toContain('  211: Owners: Owen Tranter → D/Supt Gareth Pike, Owen Tranter');
    expect((await repository.getAction('211'))?.ownerIds).toEqual(owners.to);
  });

  it('creates a new action that names a leaver as the sheet has it, warning that someone should take it over', async () => {
    const repository = await demoAfterCarverLeft();
    const plan = new TextEncoder().encode(`${new TextDecoder().decode(demoPlanCsv).trimEnd()}\r\nLeadership,260,,The force should publish its leadership expectations.,Yes,ACO Carver,ACO Carver,,,,,,\r\n`);
    const report = await importSpreadsheets(repository, { plan }, { now: later, acceptWarnings: true });
    const takeItOver = 'has left (deactivated in People); reassign the action to whoever took it over, after the import or in the file';
    expect(report.problems.filter((p) => p.ref === '260')).toEqual([
      { row: 29, ref: '260', severity: 'warning', message: `ACO Helen Carver, named as SRO, ${takeItOver}` },
      { row: 29, ref: '260', severity: 'warning', message: `ACO Helen Carver, named as owner, ${takeItOver}` },
    ]);
    expect(await repository.getAction('260')).toMatchObject({ sroId: carver, ownerIds: [carver] });
  });
});
