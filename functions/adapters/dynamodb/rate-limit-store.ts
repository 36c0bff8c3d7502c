import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateLimitStore } from '../../core/links/rate-limit.js';
import { conditionHeld } from './conditional-write.js';
import { expiryEpochSeconds, tableDefinition } from './table-definition.js';

/** One counter item per key and window, counted up with a conditional update (atomic, no read first). */
export class DynamoRateLimitStore implements RateLimitStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  consume(key: string, windowStart: string, limit: number, expiresAt: string): Promise<boolean> {
    return conditionHeld(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `RATE#${key}`, sk: windowStart },
          UpdateExpression: 'ADD hits :one SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeNames: { '#ttl': tableDefinition.timeToLiveAttribute },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': expiryEpochSeconds(expiresAt) },
        }),
      ),
    );
  }

  async isFull(key: string, windowStart: string, limit: number): Promise<boolean> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: `RATE#${key}`, sk: windowStart }, ProjectionExpression: 'hits' }));
    return typeof Item?.['hits'] === 'number' && Item['hits'] >= limit;
  }
}
