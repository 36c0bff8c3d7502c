import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { currentPlan } from '../../functions/core/admin/actions/current-plan.js';
import { noUpdateColumn } from '../../functions/core/board-summary/board-wording.js';
import { indexPeople, matchNames } from '../../functions/core/import/match-person.js';
import type { Action } from '../../functions/core/model/action.js';
import { buildPlanWorkbook } from '../../web/admin/export/plan-workbook.js';
import { makePerson } from '../support/make-action.js';
import { demoPeopleCsv, demoPlanCsv, now } from './fixtures.js';

const later = new Date('2026-11-20T10:00:00.000Z');
// Two people called Chris Evans: the plan's "Chris Evans" is either.
const inspector = makePerson({ id: 'inspector', name: 'Chris Evans', role: 'Inspector', email: 'chris.evans@force.example' });
const finance = makePerson({ id: 'finance', name: 'Chris Evans', role: 'Finance', email: 'christopher.evans@force.example' });
const priya = makePerson({ id: 'priya', name: 'Priya Nair', email: 'priya.nair@force.example' });
const marsh = makePerson({ id: 'marsh', name: 'DCC Tom Marsh', email: 'tom.marsh@force.example' });

const csv = (...lines: string[]) => new TextEncoder().encode(['Ref,Recommendation,SRO,Plan Owner', ...lines].join('\n'));
const plan = csv('1.1,Do this,Chris Evans,Priya Nair', '1.2,Do that,DCC Marsh,Chris Evans', '1.3,Do more,DCC Marsh,"Chris Evans, Priya Nair"', '1.4,Do less,DCC Marsh,"Priya Nair, Chris Evans"');
const couldBe = (report: { problems: Array<{ message: string; ref?: string }> }) => report.problems.filter((p) => p.message.includes('could be any of')).map((p) => p.ref).sort();

/** The plan imported with "Chris Evans" matched on the preview to the Finance one, then 1.2 reassigned in the console to the Inspector. */
async function importedWithNamesakes() {
  const repository = new MemoryRepository();
  for (const person of [inspector, finance, priya, marsh]) await repository.putPerson(person);
  const first = await importSpreadsheets(repository, { plan }, { now, acceptWarnings: true, matches: [{ name: 'Chris Evans', personId: finance.id }] });
  expect(first).toMatchObject({ outcome: 'written', actions: { created: 4 } });
  const a12 = (await repository.getAction('1-2'))!;
  await repository.putAction({ ...a12, ownerIds: [inspector.id], version: a12.version + 1 }, a12.version);
  return repository;
}

const holders = (actions: Action[]) => actions.map((a) => [a.ref, a.sroId, a.ownerIds, a.unmatchedNames]);

describe('re-importing a plan that names two people who share a name', () => {
  it('keeps the one each stored action has, as owner or SRO and in the cell’s order: nothing changes, nothing to ask or accept', async () => {
    const repository = await importedWithNamesakes();
    const before = await repository.listActions();
    expect(holders(before)).toEqual([
      ['1.1', finance.id, [priya.id], []],
      ['1.2', marsh.id, [inspector.id], []],
      ['1.3', marsh.id, [finance.id, priya.id], []],
      ['1.4', marsh.id, [priya.id, finance.id], []],
    ]);

    const report = await importSpreadsheets(repository, { plan }, { now: later });
    expect(report).toMatchObject({ outcome: 'written', warnings: 0, actions: { created: 0, updated: 0, unchanged: 4 }, changedActions: [], namesHeld: ['Chris Evans'] });
    expect(await repository.listActions()).toEqual(before);
  });

  it('still asks about the name on a new action, and on one that has neither of them, or both', async () => {
    const repository = await importedWithNamesakes();
    // 1.1's SRO is neither Chris Evans now; 1.2 is owned by both.
    const changes: Array<[string, Partial<Action>]> = [['1-1', { sroId: marsh.id }], ['1-2', { ownerIds: [inspector.id, finance.id] }]];
    for (const [id, change] of changes) {
      const stored = (await repository.getAction(id))!;
      await repository.putAction({ ...stored, ...change, version: stored.version + 1 }, stored.version);
    }
    const withNew = csv('1.1,Do this,Chris Evans,Priya Nair', '1.2,Do that,DCC Marsh,Chris Evans', '1.3,Do more,DCC Marsh,"Chris Evans, Priya Nair"', '1.5,Do it all,DCC Marsh,Chris Evans');
    const report = await importSpreadsheets(repository, { plan: withNew }, { now: later, acceptWarnings: true });
    expect(report.namesHeld).toEqual([]);
    expect(report.plan?.unmatchedNames).toEqual(['Chris Evans']);
    expect(couldBe(report)).toEqual(['1.1', '1.2', '1.5']);
    expect(holders(await repository.listActions())).toEqual([
      ['1.1', null, [priya.id], []],
      ['1.2', marsh.id, [], ['Chris Evans']],
      ['1.3', marsh.id, [finance.id, priya.id], []],
      ['1.4', marsh.id, [priya.id, finance.id], []],
      ['1.5', marsh.id, [], ['Chris Evans']],
    ]);
  });

  it("changes nothing when the console's own Export is imported, with a second ACO Helen Carver added to the directory", async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, { plan: demoPlanCsv, people: demoPeopleCsv }, { now });
    await repository.putPerson(makePerson({ id: 'carver2', name: 'ACO Helen Carver', email: 'h.carver@northshire.police.example' }));
    const before = await repository.listActions();
    const config = { timeZone: 'Europe/London', staleAfterDays: 28 };
    const exported = await buildPlanWorkbook(currentPlan(before, await repository.listPeople(), later, config), {
      forceName: 'Testshire Police',
      timeZone: config.timeZone,
      staleHeader: noUpdateColumn(config.staleAfterDays),
      createdAt: later,
    });
    const report = await importSpreadsheets(repository, { plan: exported }, { now: later });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ outcome: 'written', actions: { updated: 0, unchanged: 27 }, changedActions: [], namesHeld: ['ACO Helen Carver'] });
    expect(await repository.listActions()).toEqual(before);
  });
});

describe('a name written surname first that two people have', () => {
  it('is one name, asked about as written forename first, not a surname and a forename', () => {
    const index = indexPeople([inspector, finance, priya]);
    expect(matchNames('Evans, Chris', index)).toEqual({ ids: [], unmatched: ['Chris Evans'], shared: [{ name: 'Chris Evans', ids: [inspector.id, finance.id], at: 0 }] });
    // A cell whose names all match is still those people.
    expect(matchNames('Nair, Priya', index).ids).toEqual([priya.id]);
    expect(matchNames('Priya Nair, DCC Marsh', indexPeople([inspector, finance, priya, marsh])).ids).toEqual([priya.id, marsh.id]);
  });

  it('is matched as the admin answers for "Chris Evans" on the preview, and not kept as "Evans" and "Chris"', async () => {
    const repository = new MemoryRepository();
    for (const person of [inspector, finance, priya, marsh]) await repository.putPerson(person);
    const surnameFirst = csv('X1,Do this,"Evans, Chris","Evans, Chris"');
    const asked = await importSpreadsheets(repository, { plan: surnameFirst }, { now, dryRun: true, acceptWarnings: true });
    expect(asked.plan?.unmatchedNames).toEqual(['Chris Evans']);
    expect(couldBe(asked)).toEqual(['X1', 'X1']);
    const report = await importSpreadsheets(repository, { plan: surnameFirst }, { now, acceptWarnings: true, matches: [{ name: 'Chris Evans', personId: finance.id }] });
    expect(report.problems).toEqual([]);
    expect(holders(await repository.listActions())).toEqual([['X1', finance.id, [finance.id], []]]);
  });
});
