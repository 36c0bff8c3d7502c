import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DeleteCommandInput, type DynamoDBDocumentClient, type PutCommandInput, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Item } from './item-mapping.js';

interface ConditionFailed extends Error {
  $metadata?: { attempts?: number };
}

function isConditionFailed(error: unknown): error is ConditionFailed {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Sends a conditional write: true when it was written, false when its condition did not hold; any other
 * error is thrown. The SDK sends a write again when its answer was lost (a 5xx, a dropped connection, no
 * answer in time), the first try may have been applied, and the retry's condition then fails against it:
 * after more than one attempt, `isOwnRetry` is asked whether the table holds this write's own effect.
 */
export async function conditionHeld(write: () => Promise<unknown>, isOwnRetry?: () => Promise<boolean>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    return (error.$metadata?.attempts ?? 1) > 1 && isOwnRetry !== undefined ? isOwnRetry() : false;
  }
}

/** Read back after a failed condition: DynamoDB returns the item with the failure only when asked, and dynalite never does. */
async function readItem(doc: DynamoDBDocumentClient, tableName: string | undefined, key: Record<string, unknown>): Promise<Item | undefined> {
  return (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
}

/**
 * A conditional Put, held when written or, after a retry, when the table holds an item equal to this one
 * (compared as stored: the document client drops undefined attributes). Where another writer could put an
 * equal item and both must not count (a claim), the item carries an id of its own.
 */
export function putHeld(doc: DynamoDBDocumentClient, input: PutCommandInput & { Item: Item }): Promise<boolean> {
  return conditionHeld(
    () => doc.send(new PutCommand(input)),
    async () => {
      const stored = await readItem(doc, input.TableName, { pk: input.Item.pk, sk: input.Item.sk });
      return isDeepStrictEqual(stored, unmarshall(marshall(input.Item, { removeUndefinedValues: true })));
    },
  );
}

/** A Put of an item whose key is new (a random or timed id): one already there is an error, unless it is this one. */
export async function putNew(doc: DynamoDBDocumentClient, input: Omit<PutCommandInput, 'ConditionExpression'> & { Item: Item }): Promise<void> {
  if (!(await putHeld(doc, { ...input, ConditionExpression: 'attribute_not_exists(pk)' }))) {
    throw new Error('Not written: an item with the same key, and other values, is already in the table');
  }
}

/** A conditional Delete, held when deleted or, after a retry, when the item is gone: its own first try took it. */
export function deleteHeld(doc: DynamoDBDocumentClient, input: DeleteCommandInput & { Key: Item }): Promise<boolean> {
  return conditionHeld(
    () => doc.send(new DeleteCommand(input)),
    async () => (await readItem(doc, input.TableName, input.Key)) === undefined,
  );
}

/**
 * A conditional Update, held when written or, after a retry, when the item as it now stands holds this
 * update's own id in `idAttribute`: the update's expression sets it to `:writeId`, a random id given here,
 * which no other writer's update can equal (an equal value, such as the same status, could be another's).
 */
export function updateHeld(doc: DynamoDBDocumentClient, input: UpdateCommandInput & { Key: Item }, idAttribute: string): Promise<boolean> {
  const writeId = randomUUID();
  return conditionHeld(
    () => doc.send(new UpdateCommand({ ...input, ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':writeId': writeId } })),
    async () => (await readItem(doc, input.TableName, input.Key))?.[idAttribute] === writeId,
  );
}
