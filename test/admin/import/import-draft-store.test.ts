import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoImportDraftStore } from '../../../functions/adapters/dynamodb/import-draft-store.js';
import { MemoryImportDraftStore } from '../../../functions/adapters/memory/memory-import-draft-store.js';
import { newImportDraft, usableDraft, type ImportDraftStore } from '../../../functions/core/admin/import-drafts.js';
import { startDynamoFixture, type DynamoFixture } from '../../adapters/dynamo-fixture.js';

let dynamo: DynamoFixture;
beforeAll(async () => {
  dynamo = await startDynamoFixture();
});
afterAll(() => dynamo.close());

const now = new Date('2026-11-16T09:00:00.000Z');
const by = 'admin@northshire.example';
const csv = new TextEncoder().encode('Ref,Text\n1,Do it\n');

describe.each([
  ['memory', async (): Promise<ImportDraftStore> => new MemoryImportDraftStore()],
  // Small chunks, so that a small file already spans several items.
  ['dynamodb', async (): Promise<ImportDraftStore> => new DynamoImportDraftStore(dynamo.doc, await dynamo.createTable(), 1000)],
])('import drafts (%s)', (_, makeStore) => {
  it('gives back exactly the files kept, a binary one spanning many chunks included', async () => {
    const store = await makeStore();
    const xlsx = new Uint8Array(randomBytes(5000));
    const draft = newImportDraft({ by, now, plan: { name: 'plan.xlsx', bytes: xlsx }, people: { name: 'people.csv', bytes: csv } });
    await store.put(draft);
    expect(await store.get(draft.id)).toEqual(draft);
  });

  it('keeps the names matched on the preview, replaced whole, with the files untouched', async () => {
    const store = await makeStore();
    const draft = newImportDraft({ by, now, plan: { name: 'plan.csv', bytes: new Uint8Array(randomBytes(3000)) }, people: null });
    await store.put(draft);
    expect((await store.get(draft.id))?.matches).toEqual([]);
    expect(await store.setMatches(draft.id, [{ name: 'Supt Nobody', personId: 'fiona' }])).toBe(true);
    await store.setMatches(draft.id, [{ name: 'Supt Nobody', personId: 'fiona' }, { name: 'DCI Who', personId: 'sam' }]);
    expect(await store.get(draft.id)).toEqual({ ...draft, matches: [{ name: 'Supt Nobody', personId: 'fiona' }, { name: 'DCI Who', personId: 'sam' }] });
    // A draft confirmed or deleted meanwhile (another tab): nothing to match names for, and nothing made.
    await store.delete(draft.id);
    expect(await store.setMatches(draft.id, [{ name: 'Supt Nobody', personId: 'fiona' }])).toBe(false);
    expect(await store.get(draft.id)).toBeNull();
  });

  it('keeps a plan without a directory apart from one with an empty directory', async () => {
    const store = await makeStore();
    const draft = newImportDraft({ by, now, plan: { name: 'plan.csv', bytes: csv }, people: null });
    await store.put(draft);
    expect((await store.get(draft.id))?.people).toBeNull();
  });

  it('forgets a deleted draft', async () => {
    const store = await makeStore();
    const draft = newImportDraft({ by, now, plan: { name: 'plan.csv', bytes: new Uint8Array(randomBytes(3000)) }, people: null });
    await store.put(draft);
    await store.delete(draft.id);
    expect(await store.get(draft.id)).toBeNull();
  });

  it('is usable only by its uploader, before it expires, and by a well-formed id', async () => {
    const store = await makeStore();
    const draft = newImportDraft({ by, now, plan: { name: 'plan.csv', bytes: csv }, people: null });
    await store.put(draft);
    expect(await usableDraft(store, draft.id, 'ADMIN@northshire.example', now)).not.toBeNull();
    expect(await usableDraft(store, draft.id, 'other@northshire.example', now)).toBeNull();
    expect(await usableDraft(store, draft.id, by, new Date(Date.parse(draft.expiresAt)))).toBeNull();
    expect(await usableDraft(store, '../etc', by, now)).toBeNull();
  });
});

it('never scans', () => {
  expect(dynamo.commandCounts.get('ScanCommand') ?? 0).toBe(0);
});
