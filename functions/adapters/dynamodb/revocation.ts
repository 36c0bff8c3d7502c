import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionHeld } from './conditional-write.js';

type ItemKey = { pk: string; sk: string };

/**
 * When someone's links (or an admin's sessions) were last revoked: those issued at or before it no
 * longer count. Null when they never were.
 */
export async function readRevokedBefore(doc: DynamoDBDocumentClient, tableName: string, key: ItemKey): Promise<string | null> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return typeof Item?.revokedBefore === 'string' ? Item.revokedBefore : null;
}

/** Moves the revocation forward, never back: a late, older revocation must not revive what a newer one ended. */
export async function moveRevokedBefore(doc: DynamoDBDocumentClient, tableName: string, key: ItemKey, at: string): Promise<void> {
  await conditionHeld(() =>
    doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET revokedBefore = :at',
        ConditionExpression: 'attribute_not_exists(revokedBefore) OR revokedBefore < :at',
        ExpressionAttributeValues: { ':at': new Date(at).toISOString() },
      }),
    ),
  );
}
