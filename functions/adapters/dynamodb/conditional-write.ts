import { isDeepStrictEqual } from 'node:util';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient, type PutCommandInput, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Item } from './item-mapping.js';

/** A write whose condition did not hold; dynalite, unlike DynamoDB, never returns the item with it. */
function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Sends a conditional write: true when it was written, false when its condition did not hold; any other
 * error is thrown. `isOwnRetry` is asked when the condition failed: the SDK sends a write again when its
 * answer was lost (a 5xx, a dropped connection, no answer in time), the first try may have been applied,
 * and then the retry's condition fails against the write itself.
 */
export async function conditionHeld(write: () => Promise<unknown>, isOwnRetry?: () => Promise<boolean>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    return isOwnRetry ? isOwnRetry() : false;
  }
}

async function readItem(doc: DynamoDBDocumentClient, tableName: string | undefined, key: Record<string, unknown>): Promise<Item | undefined> {
  return (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
}

/**
 * A conditional Put, held when written or when the table holds this very item: a retry's, or one equal to
 * it, which leaves the table as this write would have. The comparison drops undefined attributes, as the
 * document client does when it writes.
 */
export function putHeld(doc: DynamoDBDocumentClient, input: PutCommandInput & { Item: Item }): Promise<boolean> {
  const written = JSON.parse(JSON.stringify(input.Item)) as Item;
  return conditionHeld(
    () => doc.send(new PutCommand(input)),
    async () => isDeepStrictEqual(await readItem(doc, input.TableName, { pk: input.Item.pk, sk: input.Item.sk }), written),
  );
}

/** A Put of an item whose key is new (a random or timed id): one already there is an error, unless it is this one. */
export async function putNew(doc: DynamoDBDocumentClient, input: Omit<PutCommandInput, 'ConditionExpression'> & { Item: Item }): Promise<void> {
  if (!(await putHeld(doc, { ...input, ConditionExpression: 'attribute_not_exists(pk)' }))) {
    throw new Error('Not written: an item with the same key, and other values, is already in the table');
  }
}

/** A conditional Update, held when written or when `isOwn` finds its effect in the item as it now stands. */
export function updateHeld(doc: DynamoDBDocumentClient, input: UpdateCommandInput & { Key: Item }, isOwn: (stored: Item) => boolean): Promise<boolean> {
  return conditionHeld(
    () => doc.send(new UpdateCommand(input)),
    async () => {
      const stored = await readItem(doc, input.TableName, input.Key);
      return stored !== undefined && isOwn(stored);
    },
  );
}
