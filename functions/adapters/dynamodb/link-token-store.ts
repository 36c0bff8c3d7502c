import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LinkTokenRecord, type LinkTokenStore } from '../../core/links/link-token.js';
import { putNew } from './conditional-write.js';
import { personPk } from './item-mapping.js';
import { moveRevokedBefore, readRevokedBefore } from './revocation.js';
import { expiryAttribute } from './table-definition.js';

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
    await putNew(this.doc, { TableName: this.tableName, Item: { ...record, ...tokenKey(record.hash), ...expiryAttribute(record.expiresAt) } });
  }

  async getToken(hash: string): Promise<LinkTokenRecord | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: tokenKey(hash), ConsistentRead: true }));
    if (!Item) return null;
    return LinkTokenRecord.parse({ hash: Item.hash, personId: Item.personId, issuedAt: Item.issuedAt, expiresAt: Item.expiresAt });
  }

  getRevokedBefore(personId: string): Promise<string | null> {
    return readRevokedBefore(this.doc, this.tableName, revocationKey(personId));
  }

  revokeBefore(personId: string, at: string): Promise<void> {
    return moveRevokedBefore(this.doc, this.tableName, revocationKey(personId), at);
  }
}
