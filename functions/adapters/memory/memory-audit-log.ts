import { AuditEntry, type AuditLog } from '../../core/admin/audit-log.js';

export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(structuredClone(AuditEntry.parse(entry)));
  }

  async listRecent(limit: number): Promise<AuditEntry[]> {
    return [...this.entries].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit).map((e) => structuredClone(e));
  }
}
