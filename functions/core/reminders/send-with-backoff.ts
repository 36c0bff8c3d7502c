import type { Mailer, OutgoingEmail } from '../ports.js';
import type { Timer } from '../timer.js';
import type { Pacer } from './pacer.js';

const throttlingNames = new Set(['TooManyRequestsException', 'Throttling', 'ThrottlingException', 'LimitExceededException']);

/** SESv2 says TooManyRequestsException, SES v1 Throttling; the SDK marks either as retryable throttling. */
export function isThrottling(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const retryable = (error as { $retryable?: { throttling?: boolean } }).$retryable;
  return throttlingNames.has(error.name) || retryable?.throttling === true;
}

export interface BackoffPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { maxAttempts: 8, baseMs: 200, capMs: 10_000 };

/** Thrown when SES still throttles after every attempt: recorded as a failure for that person. */
export class ThrottledError extends Error {
  constructor(attempts: number) {
    super(`SES throttled all ${attempts} attempts`);
    this.name = 'ThrottledError';
  }
}

/** Connections that failed before a byte of the request went: the service cannot have taken it. */
const notConnected = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether the email certainly did not go, so that sending it again cannot make a second copy: the
 * mail service answered that it did not take it (SES's 4xx: refused, throttled, not permitted), or was
 * never reached. A 5xx, a timeout or a connection dropped mid-request may have come after SES took it.
 */
export function certainlyNotSent(error: unknown): boolean {
  const { $fault, code } = (error ?? {}) as { $fault?: unknown; code?: unknown };
  return error instanceof ThrottledError || isThrottling(error) || $fault === 'client' || (typeof code === 'string' && notConnected.has(code));
}

/**
 * One email through the pacer, retried on throttling with exponential backoff and full jitter. Each
 * attempt takes its own pacing slot: a retry is a send as far as the account's rate is concerned. Any
 * other error is returned to the caller at once: the jobs' mailer makes one attempt (createSesClient),
 * since the error may have come after SES took the email.
 */
export async function sendWithBackoff(
  mailer: Mailer,
  email: OutgoingEmail,
  pacer: Pacer,
  timer: Timer,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): Promise<{ messageId: string; attempts: number }> {
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    await pacer.acquire();
    try {
      return { ...(await mailer.send(email)), attempts: attempt };
    } catch (error) {
      if (!isThrottling(error)) throw error;
      if (attempt === policy.maxAttempts) break;
      await timer.sleep(random() * Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1)));
    }
  }
  throw new ThrottledError(policy.maxAttempts);
}
