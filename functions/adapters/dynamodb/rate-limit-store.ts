import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateLimitStore } from '../../core/links/rate-limit.js';
import { updateHeld } from './conditional-write.js';
import { expiryEpochSeconds, tableDefinition } from './table-definition.js';

/** One counter item per key and window, counted up with a conditional update (atomic, no read first). */
export class DynamoRateLimitStore implements RateLimitStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  consume(key: string, windowStart: string, limit: number, expiresAt: string): Promise<boolean> {
    // Each hit leaves its id, so that the SDK's retry of a hit already counted is refused rather than
    // counted twice, and is still this hit's: a limit of 1 is a send-once claim (the closure email's).
    return updateHeld(
      this.doc,
      {
        TableName: this.tableName,
        Key: { pk: `RATE#${key}`, sk: windowStart },
        UpdateExpression: 'ADD hits :one SET #ttl = :ttl, lastHit = :writeId',
        ConditionExpression: '(attribute_not_exists(hits) OR hits < :limit) AND (attribute_not_exists(lastHit) OR lastHit <> :writeId)',
        ExpressionAttributeNames: { '#ttl': tableDefinition.timeToLiveAttribute },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': expiryEpochSeconds(expiresAt) },
      },
      'lastHit',
    );
  }

  async isFull(key: string, windowStart: string, limit: number): Promise<boolean> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: `RATE#${key}`, sk: windowStart }, ProjectionExpression: 'hits' }));
    return typeof Item?.['hits'] === 'number' && Item['hits'] >= limit;
  }
}
