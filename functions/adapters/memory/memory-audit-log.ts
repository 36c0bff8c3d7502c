import { AuditEntry, type AuditCursor, type AuditLog, type AuditPage } from '../../core/admin/audit-log.js';

/** The log in memory, keyed like the DynamoDB one: the time, then a counter for the same millisecond. */
export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(structuredClone(AuditEntry.parse(entry)));
  }

  async listRecent(limit: number, olderThan?: AuditCursor): Promise<AuditPage> {
    const keyed = this.entries
      .map((entry, i) => ({ key: `${new Date(entry.at).toISOString()}#${i.toString(16).padStart(8, '0')}`, entry }))
      .filter(({ key }) => olderThan === undefined || key < olderThan)
      .sort((a, b) => b.key.localeCompare(a.key));
    const page = keyed.slice(0, limit);
    return { entries: page.map(({ entry }) => structuredClone(entry)), older: keyed.length > limit ? page.at(-1)!.key : null };
  }
}
