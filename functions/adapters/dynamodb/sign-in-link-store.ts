import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SignInLinkRecord, type SignInLinkStore } from '../../core/admin/session.js';
import { putNew, updateHeld } from './conditional-write.js';
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
    await putNew(this.doc, { TableName: this.tableName, Item: item });
  }

  async getLink(hash: string): Promise<SignInLinkRecord | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: linkKey(hash), ConsistentRead: true }));
    if (!Item) return null;
    return SignInLinkRecord.parse({ hash: Item.hash, email: Item.email, issuedAt: Item.issuedAt, expiresAt: Item.expiresAt, usedAt: Item.usedAt ?? null });
  }

  markUsed(hash: string, at: string): Promise<boolean> {
    // Tells this request's own retry (its first try applied, the answer lost) from another use at the same instant.
    return updateHeld(
      this.doc,
      {
        TableName: this.tableName,
        Key: linkKey(hash),
        UpdateExpression: 'SET usedAt = :at, useId = :writeId',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt)',
        ExpressionAttributeValues: { ':at': new Date(at).toISOString() },
      },
      'useId',
    );
  }
}
