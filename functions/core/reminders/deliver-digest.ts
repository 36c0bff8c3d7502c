import type { LocalDate } from '../calendar/local-date.js';
import type { Person } from '../model/person.js';
import type { ReminderRecord } from '../model/reminder.js';
import type { Clock, Mailer, Repository } from '../ports.js';
import type { Timer } from '../timer.js';
import type { Pacer } from './pacer.js';
import { digestActionIds, type Digest } from './reminder-plan.js';
import { sendWithBackoff, type BackoffPolicy } from './send-with-backoff.js';

/** Subject, HTML and text of a digest: refs, counts, ages and the link, nothing else. */
export interface DigestEmailInput {
  digest: Digest;
  linkUrl: string;
  forceName: string;
  period: LocalDate;
  staleAfterDays: number;
}
export type RenderDigestEmail = (input: DigestEmailInput) => Promise<{ subject: string; html: string; text: string }>;

/** Test-only crash points: an error thrown here aborts the run as a crash of the process would. */
export interface DeliveryHooks {
  afterClaim?(digest: Digest): Promise<void> | void;
  afterSend?(digest: Digest): Promise<void> | void;
}

export interface DeliveryDeps {
  repository: Repository;
  clock: Clock;
  mailer: Mailer;
  pacer: Pacer;
  timer: Timer;
  backoff: BackoffPolicy;
  issueLink: (person: Person, now: Date) => Promise<string>;
  renderEmail: RenderDigestEmail;
  forceName: string;
  staleAfterDays: number;
  hooks: DeliveryHooks;
}

export type DeliveryOutcome =
  | { status: 'sent' }
  | { status: 'claimed-elsewhere' }
  | { status: 'unconfirmed'; error: string }
  | { status: 'failed'; error: string };

/**
 * One digest, at most once per person, period and kind: claim → send → complete.
 *
 * The claim is a conditional write on (person, period, kind), so of any number of concurrent or repeated
 * runs exactly one sends; the others see the claim and stop. The link is minted and the email rendered
 * before the claim, so that the claimed record means "sending now": nothing but the pacing wait (at most
 * a few intervals) and the SES call lies between the claim and the completion.
 *
 * SES has no idempotency key, so a run that crashes after claiming and before completing leaves a record
 * whose outcome nobody can know: the email may or may not have gone. Two rules settle it:
 * - the same day, that record blocks the person (never twice for the same person and period), and the
 *   run report counts it under `skipped.claimed-today`;
 * - on the next working day, a `claimed` record does not count as a reminder (only `sent` does), so the
 *   person is planned again (`recovering`) and sent a digest: a crash never silently drops a reminder.
 * The price: if the crashed send had in fact gone out, that person gets a second digest one working day
 * later rather than `remindEveryDays` later. Never the same period twice; never nothing.
 */
export async function deliverDigest(deps: DeliveryDeps, digest: Digest, period: LocalDate, now: Date): Promise<DeliveryOutcome> {
  let record: ReminderRecord;
  let content: { subject: string; html: string; text: string };
  try {
    const linkUrl = await deps.issueLink(digest.person, now);
    content = await deps.renderEmail({ digest, linkUrl, forceName: deps.forceName, period, staleAfterDays: deps.staleAfterDays });
    record = {
      personId: digest.person.id,
      period,
      kind: digest.kind,
      state: 'claimed',
      actionIds: digestActionIds(digest),
      claimedAt: now.toISOString(),
      completedAt: null,
      error: null,
    };
    if (!(await deps.repository.claimReminder(record))) return { status: 'claimed-elsewhere' };
  } catch (error) {
    // Nothing was claimed, so nothing blocks the next run from trying this person again.
    return { status: 'failed', error: describe(error) };
  }
  await deps.hooks.afterClaim?.(digest);

  try {
    await sendWithBackoff(deps.mailer, { to: [digest.person.email], ...content }, deps.pacer, deps.timer, deps.backoff);
  } catch (error) {
    const message = describe(error);
    // If even this write fails, the record stays claimed and the next working day retries the person.
    await complete(deps, { ...record, state: 'failed', error: message });
    return { status: 'failed', error: message };
  }
  await deps.hooks.afterSend?.(digest);

  const recorded = await complete(deps, { ...record, state: 'sent' });
  return recorded === true ? { status: 'sent' } : { status: 'unconfirmed', error: recorded };
}

/** True, or why the outcome could not be written (the SDK has already retried it). */
async function complete(deps: DeliveryDeps, record: ReminderRecord): Promise<true | string> {
  try {
    await deps.repository.completeReminder({ ...record, completedAt: deps.clock.now().toISOString() });
    return true;
  } catch (error) {
    return describe(error);
  }
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
