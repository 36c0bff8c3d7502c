/** Counts requests per key and fixed window; the fresh-link form uses it so it cannot be used to flood inboxes. */
export interface RateLimitStore {
  /**
   * Records one hit for `key` in the window starting at `windowStart`; false (and nothing recorded) when
   * the window already holds `limit` hits. `expiresAt` lets the store tidy old windows.
   */
  consume(key: string, windowStart: string, limit: number, expiresAt: string): Promise<boolean>;
}

/** The start of the fixed window that `now` falls in. */
export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}
