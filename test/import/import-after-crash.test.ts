import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { startDynamoFixture, type DynamoFixture } from '../adapters/dynamo-fixture.js';
import { demoPeopleCsv, demoPlanCsv, now } from './fixtures.js';

let dynamo: DynamoFixture;
beforeAll(async () => {
  dynamo = await startDynamoFixture();
});
afterAll(() => dynamo.close());

class Crash extends Error {}

describe('an import stopped between a history entry and its action (a Lambda killed, DynamoDB failing)', () => {
  it('finishes when confirmed again: the change already made is found, not taken for someone else\'s', async () => {
    const table = await dynamo.createTable();
    const repository = new DynamoRepository(dynamo.doc, table);
    await importSpreadsheets(repository, { plan: demoPlanCsv, people: demoPeopleCsv }, { now });
    const edited = new TextEncoder().encode(new TextDecoder().decode(demoPlanCsv).replaceAll('The force should', 'The force must'));
    const later = new Date(now.getTime() + 86_400_000);

    let saves = 0;
    const crashing = new DynamoRepository(dynamo.doc, table, {
      hooks: {
        afterHistoryWrite: () => {
          if (++saves === 3) throw new Crash('process died');
        },
      },
    });
    await expect(importSpreadsheets(crashing, { plan: edited }, { now: later })).rejects.toBeInstanceOf(Crash);

    // Confirmed again a few minutes later, as an admin would.
    const again = await importSpreadsheets(repository, { plan: edited }, { now: new Date(later.getTime() + 5 * 60_000) });
    const histories = await Promise.all((await repository.listActions()).map(async (action) => ({ action, updates: await repository.listUpdates(action.id) })));
    const reworded = histories.filter(({ action }) => action.text.includes('The force must'));
    expect(reworded.length).toBeGreaterThan(3);
    expect(histories.some(({ action }) => action.text.includes('The force should'))).toBe(false);
    // Two were saved before the crash and the third was left pending: this run changes only the rest.
    expect(again).toMatchObject({ outcome: 'written', actions: { created: 0, updated: reworded.length - 3 } });
    // Each reworded action has one import entry for the change, whichever run made it.
    for (const { updates } of reworded) expect(updates.filter((u) => Date.parse(u.at) >= later.getTime())).toHaveLength(1);
  });
});
