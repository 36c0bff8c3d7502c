import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../functions/adapters/dynamodb/audit-log-store.js';
import { MemoryAuditLog } from '../../functions/adapters/memory/memory-audit-log.js';
import type { AuditEntry, AuditLog } from '../../functions/core/admin/audit-log.js';
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
    const entries = await log.listRecent(10);
    expect(entries).toHaveLength(3);
    expect(entries.at(-1)).toEqual(entry('2026-11-02T09:00:00.000Z', 'reassign-owners'));
    expect((await log.listRecent(2)).map((e) => e.at)).toEqual(['2026-11-03T09:00:00.000Z', '2026-11-03T09:00:00.000Z']);
  });

  it('refuses an entry without who or what', async () => {
    const log = await makeLog();
    await expect(log.record({ ...entry('2026-11-02T09:00:00.000Z', ''), by: '' })).rejects.toThrow();
    expect(await log.listRecent(10)).toEqual([]);
  });
});

it('never scans', () => {
  expect(dynamo.commandCounts.get('ScanCommand') ?? 0).toBe(0);
});
