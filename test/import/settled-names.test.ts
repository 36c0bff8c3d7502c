import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { makePerson } from '../support/make-action.js';
import { now } from './fixtures.js';

const grey = makePerson({ id: 'grey', name: 'DCI Ann Grey', email: 'ann.grey@force.example' });
// Two Greys: "DCI Grey" alone could be either.
const bob = makePerson({ id: 'bob', name: 'PC Bob Grey', email: 'bob.grey@force.example' });
const plan = new TextEncoder().encode('Ref,Recommendation,Plan Owner\n1.1,Do this,DCI Grey (Ops)\n1.2,Do that,DCI Grey\n');

describe('names matched on the console preview, in the import', () => {
  it('match as loosely as the alias saved on confirming will in later imports: "DCI Grey" too', async () => {
    const repository = new MemoryRepository();
    for (const person of [grey, bob]) await repository.putPerson(person);
    const report = await importSpreadsheets(repository, { plan }, { now, acceptWarnings: true, matches: [{ name: 'DCI Grey (Ops)', personId: 'grey' }] });
    expect(report.outcome).toBe('written');
    expect((await repository.listActions()).map((action) => [action.ref, action.ownerIds, action.unmatchedNames])).toEqual([
      ['1.1', ['grey'], []],
      ['1.2', ['grey'], []],
    ]);
  });
});
