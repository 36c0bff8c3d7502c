import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LinkTokenRecord, type LinkTokenStore } from '../../core/links/link-token.js';
import { personPk } from './item-mapping.js';
import { isConditionFailed } from './query-all.js';
import { tableDefinition } from './table-definition.js';

const tokenKey = (hash: string) => ({ pk: `LINK#${hash}`, sk: 'LINK' });
/** In the person's partition, next to their reminders. */
const revocationKey = (personId: string) => ({ pk: personPk(personId), sk: 'LINK-REVOCATION' });

/**
 * Link tokens on the force table, keyed by the token's hash. Expiry and revocation are checked in code;
 * `expiresAtEpoch` only lets DynamoDB's TTL tidy old items in AWS.
 */
export class DynamoLinkTokenStore implements LinkTokenStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putToken(record: LinkTokenRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...record, ...tokenKey(record.hash), [tableDefinition.timeToLiveAttribute]: Math.ceil(Date.parse(record.expiresAt) / 1000) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getToken(hash: string): Promise<LinkTokenRecord | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: tokenKey(hash), ConsistentRead: true }));
    if (!Item) return null;
    return LinkTokenRecord.parse({ hash: Item.hash, personId: Item.personId, issuedAt: Item.issuedAt, expiresAt: Item.expiresAt });
  }

  async getRevokedBefore(personId: string): Promise<string | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: revocationKey(personId), ConsistentRead: true }));
    return typeof Item?.revokedBefore === 'string' ? Item.revokedBefore : null;
  }

  async revokeBefore(personId: string, at: string): Promise<void> {
    const instant = new Date(at).toISOString();
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: revocationKey(personId),
          UpdateExpression: 'SET revokedBefore = :at',
          // Never moves back: a late, older revocation must not revive links revoked after it.
          ConditionExpression: 'attribute_not_exists(revokedBefore) OR revokedBefore < :at',
          ExpressionAttributeValues: { ':at': instant },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
}
