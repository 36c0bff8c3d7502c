import { gunzipSync, gzipSync } from 'node:zlib';
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { draftSha256, type ImportDraft, type ImportDraftStore, type NameMatch } from '../../core/admin/import-drafts.js';
import * as z from '../../core/zod.js';
import { conditionHeld } from './conditional-write.js';
import { queryAll } from './query-all.js';
import { deletablePartitions, expiryAttribute } from './table-definition.js';

/**
 * Item layout, all in the force table:
 *   IMPORTDRAFT#<id> / HEADER       who, when, the file names and lengths, how many chunks
 *   IMPORTDRAFT#<id> / CHUNK#<n>    the plan then the directory, gzipped together, cut into chunks
 * A plan may be up to 4 MB, far past DynamoDB's 400 KB item limit, hence the chunks (as summary-store.ts).
 * Chunks are written before the header, so a header is never read without its chunks.
 */
const draftPk = (id: string) => `${deletablePartitions.importDraft}${id}`;
const headerKey = (id: string) => ({ pk: draftPk(id), sk: 'HEADER' });
const chunkKey = (id: string, index: number) => ({ pk: draftPk(id), sk: `CHUNK#${String(index).padStart(4, '0')}` });

export const defaultDraftChunkBytes = 300_000;

/** The header's matched names, read back as the port's type (a header from before they were kept has none). */
const Matches = z._default(z.array(z.object({ name: z.string(), personId: z.string() })), []);

export class DynamoImportDraftStore implements ImportDraftStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly chunkBytes = defaultDraftChunkBytes,
  ) {}

  async put(draft: ImportDraft): Promise<void> {
    const people = draft.people?.bytes ?? new Uint8Array(0);
    const bytes = gzipSync(Buffer.concat([draft.plan.bytes, people]));
    const chunkCount = Math.max(1, Math.ceil(bytes.length / this.chunkBytes));
    const expiry = expiryAttribute(draft.expiresAt);
    for (let index = 0; index < chunkCount; index++) {
      const data = bytes.subarray(index * this.chunkBytes, (index + 1) * this.chunkBytes);
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...chunkKey(draft.id, index), data, ...expiry } }));
    }
    const header = {
      ...headerKey(draft.id),
      createdBy: draft.createdBy,
      createdAt: draft.createdAt,
      expiresAt: draft.expiresAt,
      planName: draft.plan.name,
      planLength: draft.plan.bytes.length,
      peopleName: draft.people?.name ?? null,
      peopleLength: draft.people ? people.length : null,
      sha256: draft.sha256,
      matches: draft.matches,
      chunkCount,
      ...expiry,
    };
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: header }));
  }

  async get(id: string): Promise<ImportDraft | null> {
    const { Item: header } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: headerKey(id), ConsistentRead: true }));
    if (!header) return null;
    const chunks = await this.chunks(id);
    if (chunks.length !== Number(header.chunkCount)) throw new Error(`Import draft ${id} is incomplete: ${chunks.length} of ${header.chunkCount} chunks`);
    const bytes = new Uint8Array(gunzipSync(Buffer.concat(chunks.map((item) => item.data as Uint8Array))));
    const planLength = Number(header.planLength);
    const plan = bytes.slice(0, planLength);
    const people = header.peopleName === null || header.peopleName === undefined ? null : bytes.slice(planLength);
    if (draftSha256(plan, people) !== header.sha256) throw new Error(`Import draft ${id} is damaged: its files do not match their hash`);
    return {
      id,
      createdBy: String(header.createdBy),
      createdAt: String(header.createdAt),
      expiresAt: String(header.expiresAt),
      plan: { name: String(header.planName), bytes: plan },
      people: people ? { name: String(header.peopleName), bytes: people } : null,
      sha256: String(header.sha256),
      matches: Matches.parse(header.matches),
    };
  }

  async setMatches(id: string, matches: NameMatch[]): Promise<boolean> {
    const update = new UpdateCommand({
      TableName: this.tableName,
      Key: headerKey(id),
      UpdateExpression: 'SET matches = :matches',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':matches': matches },
    });
    return conditionHeld(() => this.doc.send(update));
  }

  /** The header first, so that a half-deleted draft reads as gone rather than damaged. */
  async delete(id: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: headerKey(id) }));
    const keys = (await this.chunks(id)).map((item) => ({ pk: item.pk, sk: item.sk }));
    for (let start = 0; start < keys.length; start += 25) {
      let requests = keys.slice(start, start + 25).map((Key) => ({ DeleteRequest: { Key } }));
      while (requests.length > 0) {
        const result = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }

  private chunks(id: string) {
    return queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': draftPk(id), ':prefix': 'CHUNK#' },
      ConsistentRead: true,
    });
  }
}
