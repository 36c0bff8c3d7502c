import { QueryCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';
import { makeAction, makePerson, makeUpdate } from '../support/make-action.js';
import { startDynamoFixture, type DynamoFixture } from './dynamo-fixture.js';
import { describeRepositoryContract } from './repository-contract.js';

let dynamo: DynamoFixture;
beforeAll(async () => {
  dynamo = await startDynamoFixture();
});
afterAll(() => dynamo.close());
// The reminder job must read stale actions, never the whole table: no test may cause a Scan.
afterEach(() => expect(dynamo.commandCounts.get('ScanCommand') ?? 0).toBe(0));

// Pages of 2 items make every list in the contract follow LastEvaluatedKey.
describeRepositoryContract('DynamoRepository', async () => new DynamoRepository(dynamo.doc, await dynamo.createTable(), { pageSize: 2 }));

describe('DynamoRepository storage', () => {
  const queries = () => dynamo.commandCounts.get('QueryCommand') ?? 0;

  it('pages through more than 1 MB of actions with the default page size', async () => {
    const repo = new DynamoRepository(dynamo.doc, await dynamo.createTable());
    const text = 'x'.repeat(19_000);
    const all = Array.from({ length: 120 }, (_, i) => makeAction({ id: `a-${String(i).padStart(3, '0')}`, text, plan: text }));
    await Promise.all(all.map((action) => repo.putAction(action, null)));
    const before = queries();
    expect(await repo.listActions()).toEqual(all);
    expect(queries() - before).toBeGreaterThan(1);
  });

  it('pages through people with a small page size', async () => {
    const repo = new DynamoRepository(dynamo.doc, await dynamo.createTable(), { pageSize: 10 });
    const people = Array.from({ length: 25 }, (_, i) => makePerson({ id: `p-${String(i).padStart(2, '0')}` }));
    for (const person of people) await repo.putPerson(person);
    const before = queries();
    expect(await repo.listPeople()).toEqual(people);
    expect(queries() - before).toBe(3);
  });

  it('keeps only open actions in the sparse index, keyed by the normalised last-update instant', async () => {
    const table = await dynamo.createTable();
    const repo = new DynamoRepository(dynamo.doc, table);
    await repo.putAction(makeAction({ id: 'never' }), null);
    await repo.putAction(makeAction({ id: 'offset', lastUpdatedAt: '2025-01-10T12:00:00+01:00' }), null);
    await repo.putAction(makeAction({ id: 'closing' }), null);
    await repo.putAction(makeAction({ id: 'closed', status: 'closed' }), null);
    await repo.saveUpdate(makeUpdate({ actionId: 'closing', patch: { status: 'closed' } }));

    const { Items } = await dynamo.doc.send(
      new QueryCommand({
        TableName: table,
        IndexName: tableDefinition.indexes.openByLastUpdated.name,
        KeyConditionExpression: 'openPk = :open',
        ExpressionAttributeValues: { ':open': 'OPEN' },
      }),
    );
    expect(Items?.map((item) => [item.id, item.openSk])).toEqual([
      ['never', '0000'],
      ['offset', '2025-01-10T11:00:00.000Z'],
    ]);
    expect(await repo.getAction('closing')).toMatchObject({ status: 'closed', version: 2 });
  });

  it('validates items on read: a malformed stored action fails loudly', async () => {
    const table = await dynamo.createTable();
    const repo = new DynamoRepository(dynamo.doc, table);
    const { ref: _ref, ...broken } = makeAction();
    await dynamo.doc.send(new PutCommand({ TableName: table, Item: { ...broken, pk: 'ACTION#a-1', sk: 'ACTION' } }));
    await expect(repo.getAction('a-1')).rejects.toThrow(/ref/);
  });

  it('stores no key attributes in the objects it returns', async () => {
    const repo = new DynamoRepository(dynamo.doc, await dynamo.createTable());
    await repo.putAction(makeAction(), null);
    await repo.putPerson(makePerson());
    for (const object of [await repo.getAction('a-1'), ...(await repo.listStaleActions(new Date())), await repo.getPerson('p-1')]) {
      expect(Object.keys(object ?? {}).filter((key) => /^(pk|sk|typePk|typeSk|openPk|openSk)$/.test(key))).toEqual([]);
    }
  });

  it('counts commands, so that the no-Scan check is not vacuous', () => {
    expect(queries()).toBeGreaterThan(0);
  });
});
