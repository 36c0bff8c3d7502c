import type { LocalDate } from '../calendar/local-date.js';
import type { IssuedLink } from '../links/links.js';
import type { Person } from '../model/person.js';
import { reminderPeriodTag, type ReminderRecord } from '../model/reminder.js';
import type { Clock, Mailer, Repository } from '../ports.js';
import type { Timer } from '../timer.js';
import type { Pacer } from './pacer.js';
import { digestActionIds, partsOf, type Digest, type PersonDigest } from './reminder-plan.js';
import { classifySendFailure, type SendFailureReason } from '../send-failure.js';
import { sendWithBackoff, type BackoffPolicy } from './send-with-backoff.js';

/** The person's fresh link: its address, and when it stops working, which the email says. */
export type DigestLink = Pick<IssuedLink, 'url' | 'expiresAt'>;

/** Subject, HTML and text of a person's digest: refs, counts, ages and the link, nothing else. */
export interface DigestEmailInput {
  digest: PersonDigest;
  link: DigestLink;
  forceName: string;
  /** The force's, for the day the link stops working. */
  timeZone: string;
  period: LocalDate;
  staleAfterDays: number;
  /** Whom an escalation tells the SRO to ask to reassign an action: the first admin in the config. */
  adminContact: string | null;
}
export type RenderDigestEmail = (input: DigestEmailInput) => Promise<{ subject: string; html: string; text: string }>;

/** Test-only crash points: an error thrown here aborts the run as a crash of the process would. */
export interface DeliveryHooks {
  afterClaim?(digest: PersonDigest): Promise<void> | void;
  afterSend?(digest: PersonDigest): Promise<void> | void;
}

export interface DeliveryDeps {
  repository: Repository;
  clock: Clock;
  mailer: Mailer;
  pacer: Pacer;
  timer: Timer;
  backoff: BackoffPolicy;
  issueLink: (person: Person, now: Date) => Promise<DigestLink>;
  renderEmail: RenderDigestEmail;
  forceName: string;
  timeZone: string;
  staleAfterDays: number;
  adminContact: string | null;
  hooks: DeliveryHooks;
}

export type DeliveryOutcome =
  | { status: 'sent' }
  | { status: 'claimed-elsewhere' }
  | { status: 'unconfirmed'; error: string }
  | Failure;

/** `error` is the detail for the person's reminder record; the run report takes only `reason`. */
type Failure = { status: 'failed'; error: string; reason: SendFailureReason };

/** How one part of a person's digest (their reminder, or their escalation) went. */
export interface PartOutcome {
  digest: Digest;
  outcome: DeliveryOutcome;
}

/**
 * One person's digest in one email, each part at most once per person, period and kind: claim → send → complete.
 *
 * The run first claims the person's one email for the period, then each part's record (person, period,
 * kind), each with a conditional write: of any number of concurrent or repeated runs exactly one sends,
 * and the others leave the person out. Without the first claim, two runs could each win one part and
 * send one email each. The link is minted before the claims and rendering is pure, so that a claimed
 * record means "sending now": nothing but the pacing wait (at most a few intervals) and the SES call
 * lies between the claims and the completion. A part left out because another run holds today's email
 * (after a crash, say) is planned again on the next working day.
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
export async function deliverDigest(deps: DeliveryDeps, digest: PersonDigest, period: LocalDate, now: Date): Promise<PartOutcome[]> {
  const parts = partsOf(digest);
  const claims: Claims = { records: [], elsewhere: [] };
  let prepared: { sending: PersonDigest; content: RenderedDigest } | null;
  try {
    prepared = await claimAndRender(deps, digest, period, now, claims);
  } catch (error) {
    // A part claimed before the failure is recorded as failed: the next working day tries it again.
    return settle(deps, parts, claims, failure(error));
  }
  if (prepared === null) return settle(deps, parts, claims, { status: 'sent' });
  await deps.hooks.afterClaim?.(prepared.sending);

  try {
    // Tagged with its period: a bounce of it then marks its records, so that it is not counted as read.
    const tags = { [reminderPeriodTag]: period };
    await sendWithBackoff(deps.mailer, { to: [digest.person.email], ...prepared.content, tags }, deps.pacer, deps.timer, deps.backoff);
  } catch (error) {
    return settle(deps, parts, claims, failure(error));
  }
  await deps.hooks.afterSend?.(prepared.sending);
  return settle(deps, parts, claims, { status: 'sent' });
}

type RenderedDigest = Awaited<ReturnType<RenderDigestEmail>>;

/** The parts this run claimed (their records), and those another run had claimed first. */
interface Claims {
  records: ReminderRecord[];
  elsewhere: Digest['kind'][];
}

/** Mints the link, claims each part in turn, and renders the parts claimed; null when another run holds them all. */
async function claimAndRender(
  deps: DeliveryDeps,
  digest: PersonDigest,
  period: LocalDate,
  now: Date,
  claims: Claims,
): Promise<{ sending: PersonDigest; content: RenderedDigest } | null> {
  const link = await deps.issueLink(digest.person, now);
  if (!(await deps.repository.claimDailyEmail(digest.person.id, period))) {
    claims.elsewhere.push(...partsOf(digest).map((part) => part.kind));
    return null;
  }
  for (const part of partsOf(digest)) {
    const record = toRecord(part, period, now);
    if (await deps.repository.claimReminder(record)) claims.records.push(record);
    else claims.elsewhere.push(part.kind);
  }
  if (claims.records.length === 0) return null;
  const claimed = <D extends Digest>(part: D | null): D | null => (part !== null && !claims.elsewhere.includes(part.kind) ? part : null);
  const sending = { ...digest, reminder: claimed(digest.reminder), escalation: claimed(digest.escalation) };
  const content = await deps.renderEmail({ digest: sending, link, forceName: deps.forceName, timeZone: deps.timeZone, period, staleAfterDays: deps.staleAfterDays, adminContact: deps.adminContact });
  return { sending, content };
}

function toRecord(part: Digest, period: LocalDate, now: Date): ReminderRecord {
  return {
    personId: part.person.id,
    period,
    kind: part.kind,
    state: 'claimed',
    actionIds: digestActionIds(part),
    claimedAt: now.toISOString(),
    completedAt: null,
    error: null,
  };
}

/**
 * Completes each part this run claimed as sent or failed, and reports the rest as claimed elsewhere or,
 * when the run failed before claiming them, failed. If even the completing write fails, the record stays
 * claimed and the next working day retries the person.
 */
async function settle(
  deps: DeliveryDeps,
  parts: Digest[],
  claims: Claims,
  result: { status: 'sent' } | Failure,
): Promise<PartOutcome[]> {
  return Promise.all(
    parts.map(async (part): Promise<PartOutcome> => {
      const record = claims.records.find((r) => r.kind === part.kind);
      if (!record) return { digest: part, outcome: claims.elsewhere.includes(part.kind) ? { status: 'claimed-elsewhere' } : result };
      const recorded = await complete(deps, result.status === 'sent' ? { ...record, state: 'sent' } : { ...record, state: 'failed', error: result.error });
      if (result.status === 'failed' || recorded === true) return { digest: part, outcome: result };
      return { digest: part, outcome: { status: 'unconfirmed', error: recorded } };
    }),
  );
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

function failure(error: unknown): Failure {
  const detail = describe(error);
  return { status: 'failed', error: detail, reason: classifySendFailure(detail) };
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
