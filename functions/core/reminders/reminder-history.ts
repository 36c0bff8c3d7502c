import { daysBetween, type LocalDate } from '../calendar/local-date.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { ReminderRecord } from '../model/reminder.js';
import { quietSince } from '../rules/stale.js';

type Kind = ReminderRecord['kind'];

/**
 * Where a person stands for one kind of digest today:
 * - `due`: send one;
 * - `recently-reminded`: a digest was sent fewer than `everyDays` local days ago (today included);
 * - `claimed-today`: today's record is claimed: another run holds it right now, or a run crashed while
 *   sending it (outcome unknown);
 * - `failed-today`: today's record says it did not reach them: SES refused it, or it bounced.
 * Either way today's claim would fail: the next working day tries again.
 *
 * Only `sent` records count towards the cadence: one that bounced never arrived, so once the address
 * is put right the person is reminded at the next run. A `claimed` record from an earlier day was left by a run
 * that crashed between claiming and completing: it does not count, so the person is sent a digest again
 * (`recovering`), which is how a crash never silently drops a reminder (see deliver-digest.ts).
 */
export function cadenceFor(
  records: readonly ReminderRecord[],
  kind: Kind,
  today: LocalDate,
  everyDays: number,
): { status: 'due' | 'recently-reminded' | 'claimed-today' | 'failed-today'; recovering: boolean } {
  const ofKind = records.filter((r) => r.kind === kind);
  const todays = ofKind.find((r) => r.period === today);
  if (todays?.state === 'claimed') return { status: 'claimed-today', recovering: false };
  if (todays && todays.state !== 'sent') return { status: 'failed-today', recovering: false };
  const recent = ofKind.some((r) => r.state === 'sent' && daysBetween(r.period, today) < everyDays);
  if (recent) return { status: 'recently-reminded', recovering: false };
  const previous = ofKind.filter((r) => r.period < today).sort((a, b) => (a.period < b.period ? 1 : -1))[0];
  return { status: 'due', recovering: previous?.state === 'claimed' };
}

/**
 * The reminders about this action that its owner was sent since the action was last updated (or became
 * open again), and the local date of the latest. An update after a reminder answers it; a failed,
 * bounced or unconfirmed one is not counted.
 */
export function ignoredReminders(records: readonly ReminderRecord[], action: Action): { count: number; latest: LocalDate | null } {
  const quiet = quietSince(action);
  const since = quiet === null ? Number.NEGATIVE_INFINITY : Date.parse(quiet);
  const ignored = records.filter(
    (r) => r.kind === 'reminder' && r.state === 'sent' && r.actionIds.includes(action.id) && Date.parse(r.claimedAt) > since,
  );
  const latest = ignored.reduce<LocalDate | null>((max, r) => (max === null || r.period > max ? r.period : max), null);
  return { count: ignored.length, latest };
}

/**
 * Escalate once the owner has ignored `afterReminders` reminders about the action and has had a full
 * reminder interval to answer the latest one (not the day after it).
 */
export function shouldEscalate(
  records: readonly ReminderRecord[],
  action: Action,
  today: LocalDate,
  policy: { escalateAfterReminders: number; remindEveryDays: number },
): { escalate: boolean; ignored: number } {
  const { count, latest } = ignoredReminders(records, action);
  const escalate = count >= policy.escalateAfterReminders && latest !== null && daysBetween(latest, today) >= policy.remindEveryDays;
  return { escalate, ignored: count };
}

export type Unreachable = 'inactive' | 'bounced' | 'complained';

/** Why a person must not be emailed, or null when they can be. */
export function unreachableReason(person: Person): Unreachable | null {
  if (!person.active) return 'inactive';
  if (person.mailStatus !== 'ok') return person.mailStatus;
  return null;
}
