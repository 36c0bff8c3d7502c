import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SignInLinkRecord, type SignInLinkStore } from '../../core/admin/session.js';
import { conditionHeld } from './query-all.js';
import { expiryAttribute } from './table-definition.js';

const linkKey = (hash: string) => ({ pk: `SIGN-IN#${hash}`, sk: 'SIGN-IN' });

/** Console sign-in links on the force table, keyed by the token's hash; used once, by a conditional write. */
export class DynamoSignInLinkStore implements SignInLinkStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putLink(record: SignInLinkRecord): Promise<void> {
    // An unused link has no usedAt attribute, so that marking it used is one attribute_not_exists condition.
    const { usedAt, ...unused } = SignInLinkRecord.parse(record);
    const item = { ...unused, ...(usedAt ? { usedAt } : {}), ...linkKey(record.hash), ...expiryAttribute(record.expiresAt) };
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async getLink(hash: string): Promise<SignInLinkRecord | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: linkKey(hash), ConsistentRead: true }));
    if (!Item) return null;
    return SignInLinkRecord.parse({ hash: Item.hash, email: Item.email, issuedAt: Item.issuedAt, expiresAt: Item.expiresAt, usedAt: Item.usedAt ?? null });
  }

  markUsed(hash: string, at: string): Promise<boolean> {
    return conditionHeld(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: linkKey(hash),
          UpdateExpression: 'SET usedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt)',
          ExpressionAttributeValues: { ':at': new Date(at).toISOString() },
        }),
      ),
    );
  }
}
