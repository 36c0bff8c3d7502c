import type { RateLimitStore } from '../../core/links/rate-limit.js';

/** The RateLimitStore port in memory: for tests and the in-memory local runner. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly hits = new Map<string, number>();

  async consume(key: string, windowStart: string, limit: number): Promise<boolean> {
    const id = `${key}|${windowStart}`;
    const count = this.hits.get(id) ?? 0;
    if (count >= limit) return false;
    this.hits.set(id, count + 1);
    return true;
  }

  async isFull(key: string, windowStart: string, limit: number): Promise<boolean> {
    return (this.hits.get(`${key}|${windowStart}`) ?? 0) >= limit;
  }
}
