import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Item } from './item-mapping.js';

/** Every item a Query matches, following LastEvaluatedKey page by page. */
export async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> {
  return queryFirst(doc, input, Number.POSITIVE_INFINITY);
}

/**
 * The first `count` items a Query matches (fewer only at its end). One response stops at 1 MB whatever
 * its Limit, so a short page is not the end: follow LastEvaluatedKey until there are enough.
 */
export async function queryFirst(doc: DynamoDBDocumentClient, input: QueryCommandInput, count: number): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const limit = Number.isFinite(count) ? { Limit: count - items.length } : {};
    const page = await doc.send(new QueryCommand({ ...input, ...limit, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < count);
  return items;
}
