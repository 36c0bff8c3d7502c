import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../functions/adapters/dynamodb/audit-log-store.js';
import { MemoryAuditLog } from '../../functions/adapters/memory/memory-audit-log.js';
import { AuditCursor, type AuditEntry, type AuditLog } from '../../functions/core/admin/audit-log.js';
import { startDynamoFixture, type DynamoFixture } from '../adapters/dynamo-fixture.js';

let dynamo: DynamoFixture;
beforeAll(async () => {
  dynamo = await startDynamoFixture();
});
afterAll(() => dynamo.close());

const entry = (at: string, change: string): AuditEntry => ({
  at,
  by: 'admin@northshire.example',
  change,
  target: { type: 'action', id: '1612' },
  before: { ownerIds: ['old'] },
  after: { ownerIds: ['new'] },
});

describe.each([
  ['memory', async (): Promise<AuditLog> => new MemoryAuditLog()],
  ['dynamodb', async (): Promise<AuditLog> => new DynamoAuditLog(dynamo.doc, await dynamo.createTable())],
])('audit log (%s)', (_, makeLog) => {
  it('keeps every entry, two in the same millisecond included, newest first', async () => {
    const log = await makeLog();
    await log.record(entry('2026-11-02T09:00:00.000Z', 'reassign-owners'));
    await log.record(entry('2026-11-03T09:00:00.000Z', 'sign-off-closure'));
    await log.record(entry('2026-11-03T09:00:00.000Z', 'reopen-action'));
    const { entries, older } = await log.listRecent(10);
    expect(entries).toHaveLength(3);
    expect(entries.at(-1)).toEqual(entry('2026-11-02T09:00:00.000Z', 'reassign-owners'));
    expect(older).toBeNull();
    expect((await log.listRecent(2)).entries.map((e) => e.at)).toEqual(['2026-11-03T09:00:00.000Z', '2026-11-03T09:00:00.000Z']);
  });

  it('pages from newest to oldest: every entry once, same-millisecond ones included, and no empty last page', async () => {
    const log = await makeLog();
    const changes = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const [i, change] of changes.entries()) await log.record(entry(`2026-11-0${1 + Math.floor(i / 2)}T09:00:00.000Z`, change));
    const seen: AuditEntry[] = [];
    const cursors: Array<string | null> = [];
    let page = await log.listRecent(2);
    for (;;) {
      seen.push(...page.entries);
      cursors.push(page.older);
      if (!page.older) break;
      page = await log.listRecent(2, page.older);
    }
    expect(cursors.map((c) => c !== null)).toEqual([true, true, false]);
    expect(seen.map((e) => e.at)).toEqual(['2026-11-03', '2026-11-03', '2026-11-02', '2026-11-02', '2026-11-01', '2026-11-01'].map((d) => `${d}T09:00:00.000Z`));
    expect(seen.map((e) => e.change).sort()).toEqual(changes);
    for (const cursor of cursors.filter((c) => c !== null)) expect(AuditCursor.safeParse(cursor).success).toBe(true);
  });

  it('refuses an entry without who or what', async () => {
    const log = await makeLog();
    await expect(log.record({ ...entry('2026-11-02T09:00:00.000Z', ''), by: '' })).rejects.toThrow();
    expect(await log.listRecent(10)).toEqual({ entries: [], older: null });
  });
});

it('pages past DynamoDB\'s 1 MB response: large entries are all listed, and a full page still says there is more', async () => {
  const log = new DynamoAuditLog(dynamo.doc, await dynamo.createTable());
  const large = 'x'.repeat(100_000);
  for (let i = 0; i < 15; i++) await log.record({ ...entry(`2026-11-01T09:${String(i).padStart(2, '0')}:00.000Z`, `edit-${i}`), before: { text: large } });
  const all = await log.listRecent(20);
  expect(all.entries).toHaveLength(15);
  expect(all.older).toBeNull();
  const first = await log.listRecent(12);
  expect(first.entries).toHaveLength(12);
  expect((await log.listRecent(12, first.older!)).entries.map((e) => e.change)).toEqual(['edit-2', 'edit-1', 'edit-0']);
});

it('never scans', () => {
  expect(dynamo.commandCounts.get('ScanCommand') ?? 0).toBe(0);
});
