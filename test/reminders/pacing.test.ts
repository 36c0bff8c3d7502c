import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '../../functions/core/ports.js';
import { createPacer } from '../../functions/core/reminders/pacer.js';
import { realTimer, type Timer } from '../../functions/core/timer.js';
import { certainlyNotSent, isThrottling, sendWithBackoff, ThrottledError } from '../../functions/core/reminders/send-with-backoff.js';
import { sesRejection, sesServerError, sesThrottling } from '../support/ses-rejection.js';

/** Virtual time: sleeping moves the clock on at once, and may wake a little early as real timers do. */
function virtualTimer(earlyBy = 0): Timer & { sleeps: number[] } {
  let t = 1_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += Math.max(0.1, ms - earlyBy);
    },
  };
}

const email: OutgoingEmail = { to: ['a@b.example'], subject: 's', html: 'h', text: 't' };
const throttled = () => Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' });

describe('pacer', () => {
  it('spaces sends one interval apart, the first one interval after the start', async () => {
    const timer = virtualTimer();
    const pacer = createPacer(20, timer);
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pacer.acquire();
      starts.push(timer.now());
    }
    expect(starts).toEqual([1050, 1100, 1150, 1200, 1250]);
  });

  it('never lets a slot start early, even when timers wake early', async () => {
    const timer = virtualTimer(3);
    const pacer = createPacer(10, timer);
    const starts: number[] = [];
    for (let i = 0; i < 20; i++) {
      await pacer.acquire();
      starts.push(timer.now());
    }
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(100 - 1e-9);
  });

  it('does not bank idle time into a burst', async () => {
    const timer = virtualTimer();
    const pacer = createPacer(10, timer);
    await pacer.acquire();
    await timer.sleep(5_000);
    const before = timer.now();
    await pacer.acquire();
    await pacer.acquire();
    expect(timer.now() - before).toBeGreaterThanOrEqual(100);
  });

  it('holds concurrent callers to the rate on real time', async () => {
    const pacer = createPacer(200, realTimer);
    const starts: number[] = [];
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 40 }, async () => {
      await pacer.acquire();
      starts.push(performance.now());
    }));
    // The i-th start (from 0) is never before its slot, t0 + (i + 1) intervals: no window runs ahead of the rate.
    starts.sort((a, b) => a - b);
    starts.forEach((start, i) => expect(start - t0).toBeGreaterThanOrEqual((i + 1) * 5 - 0.5));
  });
});

describe('sendWithBackoff', () => {
  it('knows the throttling errors of SESv2, SES v1 and the SDK', () => {
    expect(isThrottling(throttled())).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { name: 'Throttling' }))).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { name: 'ThrottlingException' }))).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { name: 'Other', $retryable: { throttling: true } }))).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { name: 'MessageRejected' }))).toBe(false);
    expect(isThrottling('TooManyRequestsException')).toBe(false);
  });

  it('tells an email that certainly did not go from one SES may have taken', () => {
    const withCode = (code: string) => Object.assign(new Error(code), { code });
    for (const notSent of [sesRejection('a@b.example'), sesThrottling(), new ThrottledError(8), withCode('ECONNREFUSED'), withCode('ENOTFOUND')]) expect(certainlyNotSent(notSent)).toBe(true);
    for (const maybeSent of [sesServerError(), withCode('ECONNRESET'), Object.assign(new Error('timed out'), { name: 'TimeoutError' }), new Error('x'), undefined]) {
      expect(certainlyNotSent(maybeSent)).toBe(false);
    }
  });

  it('backs off exponentially with jitter, taking a pacing slot for each attempt', async () => {
    const timer = virtualTimer();
    let attempts = 0;
    let acquired = 0;
    const mailer: Mailer = { send: async () => (++attempts < 4 ? Promise.reject(throttled()) : { messageId: 'm' }) };
    const result = await sendWithBackoff(mailer, email, { acquire: async () => void acquired++ }, timer, { maxAttempts: 8, baseMs: 100, capMs: 250 }, () => 1);
    expect(result).toEqual({ messageId: 'm', attempts: 4 });
    expect(acquired).toBe(4);
    expect(timer.sleeps).toEqual([100, 200, 250]);
  });

  it('gives up after maxAttempts with ThrottledError, and passes other errors through at once', async () => {
    const timer = virtualTimer();
    const always: Mailer = { send: async () => Promise.reject(throttled()) };
    await expect(sendWithBackoff(always, email, { acquire: async () => undefined }, timer, { maxAttempts: 3, baseMs: 1, capMs: 1 })).rejects.toBeInstanceOf(ThrottledError);
    let calls = 0;
    const rejected: Mailer = { send: async () => (calls++, Promise.reject(Object.assign(new Error('bad'), { name: 'MessageRejected' }))) };
    await expect(sendWithBackoff(rejected, email, { acquire: async () => undefined }, timer)).rejects.toThrow('bad');
    expect(calls).toBe(1);
  });
});
