import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AuditEntry, type AuditCursor, type AuditLog, type AuditPage } from '../../core/admin/audit-log.js';
import { putNew } from './conditional-write.js';
import { queryFirst } from './query-all.js';

const auditPk = 'AUDIT';

/**
 * The audit log in the force table, one partition read newest first by Query. The sort key adds a random
 * suffix to the time, since two changes may land in the same millisecond; the put never overwrites.
 */
export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    const item = { ...AuditEntry.parse(entry), pk: auditPk, sk: `${new Date(entry.at).toISOString()}#${randomUUID()}` };
    await putNew(this.doc, { TableName: this.tableName, Item: item });
  }

  async listRecent(limit: number, olderThan?: AuditCursor): Promise<AuditPage> {
    // One more than the page, to know whether an older page exists without another read.
    const items = await queryFirst(
      this.doc,
      {
        TableName: this.tableName,
        KeyConditionExpression: olderThan === undefined ? 'pk = :pk' : 'pk = :pk AND sk < :olderThan',
        ExpressionAttributeValues: { ':pk': auditPk, ...(olderThan === undefined ? {} : { ':olderThan': olderThan }) },
        ScanIndexForward: false,
      },
      limit + 1,
    );
    const page = items.slice(0, limit);
    return {
      entries: page.map(({ pk: _pk, sk: _sk, ...entry }) => AuditEntry.parse(entry)),
      older: items.length > limit ? String(page.at(-1)!.sk) : null,
    };
  }
}
