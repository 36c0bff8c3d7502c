import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Month } from '../../core/board-summary/month.js';
import { Snapshot, SummaryListing } from '../../core/board-summary/snapshot.js';
import { claimTimeoutMs, latestClaimFor, listingOf, recipientKey, SendClaimRecord, type BouncedSend, type SendClaim, type SummaryStore } from '../../core/board-summary/summary-store.js';
import { conditionHeld, deleteHeld, putHeld } from './conditional-write.js';
import { queryAll } from './query-all.js';
import { deletablePartitions } from './table-definition.js';

/**
 * Item layout, all in the force table:
 *   SUMMARY#<month> / SNAPSHOT                 the header: which chunks hold the snapshot, and its figures
 *   SUMMARY#<month> / CHUNK#<snapshotId>#<n>   the snapshot as gzipped JSON, cut into chunks
 *   SUMMARY#<month> / SENT#<recipient>         the per-recipient claim that makes sending idempotent
 *   SUMMARIES / <month>                        the list of kept summaries, read with one Query
 * A plan of 5,000 actions is megabytes of JSON, far past DynamoDB's 400 KB item limit, hence the chunks.
 */
const summaryPk = (month: Month) => `${deletablePartitions.summary}${month}`;
const headerKey = (month: Month) => ({ pk: summaryPk(month), sk: 'SNAPSHOT' });
const chunkPrefix = (snapshotId: string) => `CHUNK#${snapshotId}#`;
const chunkKey = (month: Month, snapshotId: string, index: number) => ({ pk: summaryPk(month), sk: `${chunkPrefix(snapshotId)}${String(index).padStart(4, '0')}` });
const sentKey = (month: Month, recipient: string) => ({ pk: summaryPk(month), sk: `SENT#${recipientKey(recipient)}` });
const listPartition = 'SUMMARIES';

/** Well under 400 KB, leaving room for the key attributes. */
export const defaultChunkBytes = 300_000;

interface Header {
  snapshotId: string;
  chunkCount: number;
  byteLength: number;
  listing: SummaryListing;
}

export class DynamoSummaryStore implements SummaryStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly chunkBytes = defaultChunkBytes,
  ) {}

  async getSnapshot(month: Month): Promise<Snapshot | null> {
    const header = await this.getHeader(month);
    if (!header) return null;
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': summaryPk(month), ':prefix': chunkPrefix(header.snapshotId) },
      ConsistentRead: true,
    });
    if (items.length !== header.chunkCount) {
      throw new Error(`The ${month} summary is incomplete: ${items.length} of its ${header.chunkCount} chunks were found`);
    }
    const bytes = Buffer.concat(items.map((item) => item.data as Uint8Array));
    if (bytes.length !== header.byteLength) throw new Error(`The ${month} summary is damaged: ${bytes.length} bytes where ${header.byteLength} were kept`);
    return Snapshot.parse(JSON.parse(gunzipSync(bytes).toString('utf8')));
  }

  async putSnapshot(snapshot: Snapshot): Promise<boolean> {
    const month = snapshot.summary.month;
    const bytes = gzipSync(JSON.stringify(snapshot));
    const snapshotId = randomUUID();
    const chunkCount = Math.max(1, Math.ceil(bytes.length / this.chunkBytes));
    // Chunks first, under this write's own id: a header is never seen without its chunks, and a
    // concurrent run's chunks never mix with these.
    for (let index = 0; index < chunkCount; index++) {
      const data = bytes.subarray(index * this.chunkBytes, (index + 1) * this.chunkBytes);
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...chunkKey(month, snapshotId, index), data } }));
    }
    const header: Header = { snapshotId, chunkCount, byteLength: bytes.length, listing: listingOf(snapshot) };
    const created = await putHeld(this.doc, { TableName: this.tableName, Item: { ...headerKey(month), ...header }, ConditionExpression: 'attribute_not_exists(pk)' });
    if (!created) {
      for (let index = 0; index < chunkCount; index++) {
        await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: chunkKey(month, snapshotId, index) }));
      }
    }
    // Written on every attempt from the kept header, so a run that stopped after the header still lists it.
    const kept = created ? header : await this.getHeader(month);
    if (kept) await this.putListing(kept.listing);
    return created;
  }

  ensureListed(snapshot: Snapshot): Promise<void> {
    return this.putListing(listingOf(snapshot));
  }

  private async putListing(listing: SummaryListing): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { pk: listPartition, sk: listing.month, ...listing } }));
  }

  async claimSend(month: Month, recipient: string, at: Date): Promise<SendClaim> {
    const claimed = await putHeld(this.doc, {
      TableName: this.tableName,
      // The claim's own id tells a retry of this claim, which holds, from another run's claim at the same instant.
      Item: { ...sentKey(month, recipient), recipient, claimedAt: at.toISOString(), state: 'claimed', claimId: randomUUID() },
      // ISO instants compare as strings. A claim without a state predates confirmations: it was sent.
      ConditionExpression: 'attribute_not_exists(pk) OR (#state = :claimed AND claimedAt < :stale)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':claimed': 'claimed', ':stale': new Date(at.getTime() - claimTimeoutMs).toISOString() },
    });
    if (claimed) return 'claimed';
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: sentKey(month, recipient), ConsistentRead: true }));
    return Item?.state === 'claimed' ? 'in-flight' : Item?.bounced === true ? 'bounced' : 'sent';
  }

  async confirmSent(month: Month, recipient: string, at: Date, messageId: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: sentKey(month, recipient),
        UpdateExpression: 'SET sentAt = :at, #state = :sent, messageId = :messageId',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':at': at.toISOString(), ':sent': 'sent', ':messageId': messageId },
      }),
    );
  }

  async releaseSent(month: Month, recipient: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: sentKey(month, recipient) }));
  }

  markBounced(month: Month, recipient: string, { messageId, sentAt }: BouncedSend = {}): Promise<boolean> {
    // A claim never confirmed (SES's answer was lost), or confirmed before claims kept the id, is told by its time.
    const sameSend = [
      ...(messageId === undefined ? [] : [' AND (attribute_not_exists(messageId) OR messageId = :messageId)']),
      ...(sentAt === undefined ? [] : [' AND claimedAt <= :latestClaim']),
    ].join('');
    return conditionHeld(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: sentKey(month, recipient),
          UpdateExpression: 'SET bounced = :yes, #state = :sent',
          ConditionExpression: `attribute_exists(pk)${sameSend}`,
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':yes': true,
            ':sent': 'sent',
            ...(messageId === undefined ? {} : { ':messageId': messageId }),
            ...(sentAt === undefined ? {} : { ':latestClaim': latestClaimFor(sentAt) }),
          },
        }),
      ),
    );
  }

  releaseBounced(month: Month, recipient: string): Promise<boolean> {
    return deleteHeld(this.doc, { TableName: this.tableName, Key: sentKey(month, recipient), ConditionExpression: 'bounced = :yes', ExpressionAttributeValues: { ':yes': true } });
  }

  async listSendClaims(month: Month): Promise<SendClaimRecord[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sent)',
      ExpressionAttributeValues: { ':pk': summaryPk(month), ':sent': 'SENT#' },
      ConsistentRead: true,
    });
    // A claim without a state predates confirmations: it was sent (as claimSend reads it).
    return items.map((item) =>
      SendClaimRecord.parse({ recipient: String(item.sk).slice('SENT#'.length), claimedAt: item.claimedAt, sent: item.state !== 'claimed', bounced: item.bounced === true }),
    );
  }

  async listSummaries(): Promise<SummaryListing[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': listPartition },
      ScanIndexForward: false,
    });
    return items.map((item) => SummaryListing.parse({ month: item.month, compiledAt: item.compiledAt, figures: item.figures }));
  }

  private async getHeader(month: Month): Promise<Header | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: headerKey(month), ConsistentRead: true }));
    if (!Item) return null;
    return {
      snapshotId: String(Item.snapshotId),
      chunkCount: Number(Item.chunkCount),
      byteLength: Number(Item.byteLength),
      listing: SummaryListing.parse(Item.listing),
    };
  }
}
