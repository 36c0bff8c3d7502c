import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AuditEntry, type AuditLog } from '../../core/admin/audit-log.js';

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
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async listRecent(limit: number): Promise<AuditEntry[]> {
    const { Items } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditPk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map(({ pk: _pk, sk: _sk, ...entry }) => AuditEntry.parse(entry));
  }
}
