import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DynamoImportDraftStore } from '../../functions/adapters/dynamodb/import-draft-store.js';
import { DynamoSessionStore } from '../../functions/adapters/dynamodb/session-store.js';
import { DynamoSummaryStore } from '../../functions/adapters/dynamodb/summary-store.js';
import { deletablePartitions } from '../../functions/adapters/dynamodb/table-definition.js';
import { newImportDraft } from '../../functions/core/admin/import-drafts.js';
import { startDynamoFixture, type DynamoFixture } from './dynamo-fixture.js';

let dynamo: DynamoFixture;
beforeAll(async () => {
  dynamo = await startDynamoFixture();
});
afterAll(() => dynamo.close());

type Key = { pk: string; sk: string };

/**
 * The deploy's IAM lets functions delete only under `deletablePartitions` (dynamodb:LeadingKeys), and
 * dynalite does not check IAM: this reads the keys each store's deletes really send.
 */
it('deletes only under the partitions the functions may delete from', async () => {
  const deleted: string[] = [];
  dynamo.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: Key; RequestItems?: Record<string, { DeleteRequest?: { Key: Key }; PutRequest?: { Item: Key } }[]> };
      if (context.commandName === 'DeleteItemCommand') deleted.push(input.Key!.pk);
      if (context.commandName === 'BatchWriteItemCommand') {
        for (const request of Object.values(input.RequestItems!).flat()) deleted.push((request.DeleteRequest?.Key ?? request.PutRequest!.Item).pk);
      }
      return next(args);
    },
    { step: 'initialize', name: 'recordDeletes' },
  );
  const table = await dynamo.createTable();
  const now = new Date('2026-11-16T09:00:00.000Z');

  await new DynamoSessionStore(dynamo.doc, table).delete('a'.repeat(43));
  const drafts = new DynamoImportDraftStore(dynamo.doc, table, 1000);
  const draft = newImportDraft({ by: 'admin@northshire.example', now, plan: { name: 'plan.xlsx', bytes: new Uint8Array(randomBytes(5000)) }, people: null });
  await drafts.put(draft);
  await drafts.delete(draft.id);
  const summaries = new DynamoSummaryStore(dynamo.doc, table);
  await summaries.claimSend('2026-11', 'board@northshire.example', now);
  await summaries.releaseSent('2026-11', 'board@northshire.example');

  const partitions = Object.values(deletablePartitions);
  expect(deleted.length).toBeGreaterThan(3);
  for (const pk of deleted) expect(partitions.some((prefix) => pk.startsWith(prefix)), pk).toBe(true);
  expect(new Set(deleted.map((pk) => partitions.find((prefix) => pk.startsWith(prefix))))).toEqual(new Set(partitions));
});
