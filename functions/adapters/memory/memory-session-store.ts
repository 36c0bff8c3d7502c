import type { SessionRecord, SessionStore, SignInLinkRecord, SignInLinkStore } from '../../core/admin/session.js';

/** The SessionStore port in memory, with the DynamoDB adapter's conditions: for tests and benchmarks. */
export class MemorySessionStore implements SessionStore {
  readonly sessions = new Map<string, SessionRecord>();
  readonly revocations = new Map<string, string>();

  async create(record: SessionRecord): Promise<void> {
    if (this.sessions.has(record.hash)) throw new Error('Session exists already');
    this.sessions.set(record.hash, { ...record });
  }

  async get(hash: string): Promise<SessionRecord | null> {
    const record = this.sessions.get(hash);
    return record ? { ...record } : null;
  }

  async touch(hash: string, at: string): Promise<void> {
    const record = this.sessions.get(hash);
    if (record && Date.parse(record.lastSeenAt) < Date.parse(at)) record.lastSeenAt = new Date(at).toISOString();
  }

  async delete(hash: string): Promise<void> {
    this.sessions.delete(hash);
  }

  async getRevokedBefore(email: string): Promise<string | null> {
    return this.revocations.get(email.toLowerCase()) ?? null;
  }

  async revokeBefore(email: string, at: string): Promise<void> {
    const key = email.toLowerCase();
    const current = this.revocations.get(key);
    if (current === undefined || Date.parse(current) < Date.parse(at)) this.revocations.set(key, new Date(at).toISOString());
  }
}

/** The SignInLinkStore port in memory; counts writes so tests can show that opening a link writes nothing. */
export class MemorySignInLinkStore implements SignInLinkStore {
  readonly links = new Map<string, SignInLinkRecord>();
  writes = 0;

  async putLink(record: SignInLinkRecord): Promise<void> {
    if (this.links.has(record.hash)) throw new Error('Sign-in link exists already');
    this.writes++;
    this.links.set(record.hash, { ...record });
  }

  async getLink(hash: string): Promise<SignInLinkRecord | null> {
    const record = this.links.get(hash);
    return record ? { ...record } : null;
  }

  async markUsed(hash: string, at: string): Promise<boolean> {
    const record = this.links.get(hash);
    if (!record || record.usedAt !== null) return false;
    this.writes++;
    record.usedAt = new Date(at).toISOString();
    return true;
  }
}
