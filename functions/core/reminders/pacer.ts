import { realTimer, type Timer } from '../timer.js';

export interface Pacer {
  /** Resolves when the caller may start one send. */
  acquire(): Promise<void>;
}

/**
 * Spaces sends at least 1/rate seconds apart, shared by every concurrent worker: each caller reserves the
 * next free slot and waits for it, so no one-second window ever holds more than `ratePerSecond` starts.
 * The first slot is one interval after the first call, so n sends take at least n intervals. Timers may
 * fire a little early, hence the loop that checks the clock again before returning.
 */
export function createPacer(ratePerSecond: number, timer: Timer = realTimer): Pacer {
  const interval = 1000 / ratePerSecond;
  let nextSlot: number | null = null;
  return {
    async acquire() {
      const now = timer.now();
      const slot = Math.max(nextSlot ?? now + interval, now);
      nextSlot = slot + interval;
      for (let wait = slot - timer.now(); wait > 0; wait = slot - timer.now()) await timer.sleep(wait);
    },
  };
}

/** For runs that must not wait (benchmarks of reads, dry runs). */
export const noPacing: Pacer = { acquire: async () => undefined };
