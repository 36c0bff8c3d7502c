import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Update } from '../../core/model/update.js';
import { actionPk, fromUpdateItem, toUpdateItem, updateKey, updateSkPrefix } from './item-mapping.js';
import { conditionHeld } from './conditional-write.js';
import { queryAll } from './query-all.js';

/**
 * An action's history: update items in the action's partition, sorted by version. Each entry is
 * written before the action it produces, so the history doubles as the write-ahead log.
 */
export class ActionHistory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly pageSize: number | undefined,
  ) {}

  /** Claims the entry's version slot; false when the slot is taken (by a competitor or by an earlier try). */
  append(update: Update): Promise<boolean> {
    return conditionHeld(() => this.doc.send(new PutCommand({ TableName: this.tableName, Item: toUpdateItem(update), ConditionExpression: 'attribute_not_exists(pk)' })));
  }

  async get(actionId: string, version: number): Promise<Update | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: updateKey(actionId, version), ConsistentRead: true }),
    );
    return Item ? fromUpdateItem(Item) : null;
  }

  async newest(actionId: string): Promise<Update | null> {
    const { Items } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': actionPk(actionId), ':prefix': updateSkPrefix },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = Items?.[0];
    return item ? fromUpdateItem(item) : null;
  }

  /** Oldest first. */
  async list(actionId: string): Promise<Update[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': actionPk(actionId), ':prefix': updateSkPrefix },
      ConsistentRead: true,
      Limit: this.pageSize,
    });
    return items.map(fromUpdateItem);
  }
}
