import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normaliseEmail } from '../../core/admin/roles.js';
import { SessionRecord, type SessionStore } from '../../core/admin/session.js';
import { conditionHeld, putNew } from './conditional-write.js';
import { moveRevokedBefore, readRevokedBefore } from './revocation.js';
import { deletablePartitions, expiryAttribute, tableDefinition } from './table-definition.js';

const sessionKey = (hash: string) => ({ pk: `${deletablePartitions.session}${hash}`, sk: 'SESSION' });
/** One item per address: sessions created at or before `revokedBefore` no longer count. */
const revocationKey = (email: string) => ({ pk: `ADMIN#${normaliseEmail(email)}`, sk: 'SESSION-REVOCATION' });

/**
 * Console sessions on the force table, keyed by the hash of the cookie's value. Idle and absolute
 * expiry are checked in code; `expiresAtEpoch` (the absolute expiry) only lets TTL tidy in AWS.
 */
export class DynamoSessionStore implements SessionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(record: SessionRecord): Promise<void> {
    const item = { ...SessionRecord.parse(record), ...sessionKey(record.hash), ...expiryAttribute(record.expiresAt) };
    await putNew(this.doc, { TableName: this.tableName, Item: item });
  }

  async get(hash: string): Promise<SessionRecord | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: sessionKey(hash), ConsistentRead: true }));
    if (!Item) return null;
    const { pk: _pk, sk: _sk, [tableDefinition.timeToLiveAttribute]: _ttl, ...record } = Item;
    return SessionRecord.parse(record);
  }

  async touch(hash: string, at: string): Promise<void> {
    await conditionHeld(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: sessionKey(hash),
          UpdateExpression: 'SET lastSeenAt = :at',
          // Never recreates a deleted session, never moves back.
          ConditionExpression: 'attribute_exists(pk) AND lastSeenAt < :at',
          ExpressionAttributeValues: { ':at': new Date(at).toISOString() },
        }),
      ),
    );
  }

  async delete(hash: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: sessionKey(hash) }));
  }

  getRevokedBefore(email: string): Promise<string | null> {
    return readRevokedBefore(this.doc, this.tableName, revocationKey(email));
  }

  revokeBefore(email: string, at: string): Promise<void> {
    return moveRevokedBefore(this.doc, this.tableName, revocationKey(email), at);
  }
}
