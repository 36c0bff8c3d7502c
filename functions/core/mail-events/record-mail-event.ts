import type { Month } from '../board-summary/month.js';
import type { LocalDate } from '../calendar/local-date.js';
import type { BouncedSend } from '../board-summary/summary-store.js';
import type { MailStatus } from '../model/person.js';
import type { Repository } from '../ports.js';

/** What SES reported about delivery to some recipients, stripped of SES's envelope. */
export type MailEvent =
  /**
   * `boardMonth`: the month of the board summary that bounced, when it was one; `reminderPeriod`: the
   * period of the reminder digest that bounced, when it was one; `send`: which email it was.
   */
  | { kind: 'bounce'; permanent: boolean; recipients: string[]; boardMonth?: Month; reminderPeriod?: LocalDate; send?: BouncedSend }
  | { kind: 'complaint'; recipients: string[] };

export interface MailEventOutcome {
  /** Ids of the people whose mail status changed. */
  marked: string[];
  /** Recipients who are not people of this force's plan (an admin's own address, a board list). */
  unknown: number;
}

/** A complaint outranks a bounce: someone who complained must not be mailed again even if later fixed. */
const outranked: Record<Exclude<MailStatus, 'ok'>, readonly MailStatus[]> = { bounced: ['ok'], complained: ['ok', 'bounced'] };

/**
 * Marks the people an SES bounce or complaint is about, so that reminders stop going to them and go to
 * their SRO instead. Only permanent bounces count: a full mailbox or an out-of-office is transient and
 * the next reminder may well arrive. A bounced reminder digest is marked too: it never arrived, so it
 * does not count as a reminder ignored (an SRO is not told of two when one arrived), nor as one sent
 * lately (once the address is put right, the next run reminds them).
 */
export async function recordMailEvent(repository: Repository, event: MailEvent): Promise<MailEventOutcome> {
  if (event.kind === 'bounce' && !event.permanent) return { marked: [], unknown: 0 };
  const status = event.kind === 'bounce' ? 'bounced' : 'complained';
  const recipients = new Set(event.recipients.map(normaliseAddress));
  const people = (await repository.listPeople()).filter((person) => recipients.has(normaliseAddress(person.email)));
  const marked: string[] = [];
  const { reminderPeriod } = event.kind === 'bounce' ? event : {};
  for (const person of people) {
    // The person first: their mark is what stops further email. The directory comes from an index that
    // lags writes: the mark is conditional and writes the status alone.
    if (outranked[status].includes(person.mailStatus) && (await repository.markMailStatus(person.id, person.email, status, outranked[status]))) marked.push(person.id);
    // Whatever the person's status: the first bounce marks them, and each digest bounces on its own.
    if (reminderPeriod) await repository.markRemindersBounced(person.id, reminderPeriod);
  }
  const found = new Set(people.map((person) => normaliseAddress(person.email)));
  return { marked, unknown: [...recipients].filter((address) => !found.has(address)).length };
}

/** SES reports "Name <a@b>" or plain addresses, in any case. */
export function normaliseAddress(address: string): string {
  const bracketed = /<([^>]+)>/.exec(address);
  return (bracketed?.[1] ?? address).trim().toLowerCase();
}
