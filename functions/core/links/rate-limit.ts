/** Counts requests per key and fixed window; the fresh-link form uses it so it cannot be used to flood inboxes. */
export interface RateLimitStore {
  /**
   * Records one hit for `key` in the window starting at `windowStart`; false (and nothing recorded) when
   * the window already holds `limit` hits. `expiresAt` lets the store tidy old windows.
   */
  consume(key: string, windowStart: string, limit: number, expiresAt: string): Promise<boolean>;
  /** Whether the window starting at `windowStart` already holds `limit` hits for `key`; records nothing. */
  isFull(key: string, windowStart: string, limit: number): Promise<boolean>;
}

/** The start of the fixed window that `now` falls in. */
export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

/** Whether an hourly limit is used up for now, without taking a hit from it. */
export function limitReached(store: RateLimitStore, { key, limit }: { key: string; limit: number }, now: Date): Promise<boolean> {
  return store.isFull(key, windowStart(now, hourMs).toISOString(), limit);
}

/**
 * Takes one hit from each limit (per hour unless told) in turn: false at the first that is full, and the
 * limits after it are not counted. Windows are kept for two, so the one just ended can still be tidied.
 */
export async function consumeLimits(store: RateLimitStore, limits: ReadonlyArray<{ key: string; limit: number }>, now: Date, windowMs = hourMs): Promise<boolean> {
  const start = windowStart(now, windowMs);
  const expiresAt = new Date(start.getTime() + 2 * windowMs).toISOString();
  for (const { key, limit } of limits) {
    if (!(await store.consume(key, start.toISOString(), limit, expiresAt))) return false;
  }
  return true;
}
