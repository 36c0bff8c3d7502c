import type { LinkTokenRecord, LinkTokenStore } from '../../core/links/link-token.js';

/** The LinkTokenStore port in memory, with the DynamoDB adapter's conditions: for tests and benchmarks. */
export class MemoryLinkTokenStore implements LinkTokenStore {
  readonly tokens = new Map<string, LinkTokenRecord>();
  readonly revocations = new Map<string, string>();
  /** Counts writes, so tests can show that opening a link writes nothing. */
  writes = 0;

  async putToken(record: LinkTokenRecord): Promise<void> {
    if (this.tokens.has(record.hash)) throw new Error('Link token exists already');
    this.writes++;
    this.tokens.set(record.hash, { ...record });
  }

  async getToken(hash: string): Promise<LinkTokenRecord | null> {
    const record = this.tokens.get(hash);
    return record ? { ...record } : null;
  }

  async getRevokedBefore(personId: string): Promise<string | null> {
    return this.revocations.get(personId) ?? null;
  }

  async revokeBefore(personId: string, at: string): Promise<void> {
    const current = this.revocations.get(personId);
    this.writes++;
    if (current === undefined || Date.parse(current) < Date.parse(at)) this.revocations.set(personId, new Date(at).toISOString());
  }
}
