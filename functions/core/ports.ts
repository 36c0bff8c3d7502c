import type { Action } from './model/action.js';
import type { MailStatus, Person, PersonFields } from './model/person.js';
import type { LocalDate } from './calendar/local-date.js';
import type { ReminderRecord } from './model/reminder.js';
import type { Update } from './model/update.js';

export interface Clock {
  now(): Date;
}

export interface Repository {
  getAction(id: string): Promise<Action | null>;
  /** Every action, paged through a keyed index (never a Scan). */
  listActions(): Promise<Action[]>;
  /**
   * Writes an action as a whole (import, admin edit). `expectedVersion` null means it must not exist
   * yet; otherwise the stored version must match. Throws ConflictError.
   */
  putAction(action: Action, expectedVersion: number | null): Promise<void>;
  /**
   * Records an update and applies it to its action, whose stored version must be `update.version - 1`.
   * Throws ConflictError when someone else got there first. Returns the action as saved.
   */
  saveUpdate(update: Update): Promise<Action>;
  /** The history of one action, oldest first. */
  listUpdates(actionId: string): Promise<Update[]>;
  /** Open actions last updated before the cutoff (never-updated ones included), from the sparse index. */
  listStaleActions(cutoff: Date): Promise<Action[]>;
  /** Closures awaiting their SRO's sign-off, last updated before the cutoff, from the same sparse index. */
  listWaitingClosures(cutoff: Date): Promise<Action[]>;

  getPerson(id: string): Promise<Person | null>;
  listPeople(): Promise<Person[]>;
  putPerson(person: Person): Promise<void>;
  /**
   * Sets one person's mail status, only while their address is still `email` and their status one of
   * `replaces`; false otherwise. Nothing else of the person is written, so an admin's edit made since
   * the directory was read stands.
   */
  markMailStatus(personId: string, email: string, status: MailStatus, replaces: readonly MailStatus[]): Promise<boolean>;
  /**
   * Sets the given fields of one person and nothing else of them, so that a bounce recorded since they
   * were read stands; false when there is no such person. Their address changes only by setEmail.
   */
  updatePerson(personId: string, fields: PersonFields): Promise<boolean>;
  /**
   * Sets one person's address, its mail status working again (a bounce was the old address's), and
   * nothing else of them, so that a deactivation or an edit saved meanwhile stands; false when there is
   * no such person.
   */
  setEmail(personId: string, email: string): Promise<boolean>;

  /**
   * Claims the one email a person may be sent for a period, before the parts it carries are claimed;
   * false when another run has it. Without it, two runs could each win one part and send one each.
   */
  claimDailyEmail(personId: string, period: LocalDate): Promise<boolean>;
  /** Claims a digest for a person and period; false when it was claimed already. */
  claimReminder(record: ReminderRecord): Promise<boolean>;
  /** Replaces a claimed record with its outcome, unless a bounce of it was marked first. */
  completeReminder(record: ReminderRecord): Promise<void>;
  /** Marks the person's digests of the period that were sent (or are being completed) as bounced; how many it marked. */
  markRemindersBounced(personId: string, period: LocalDate): Promise<number>;
  listReminders(personId: string): Promise<ReminderRecord[]>;
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface OutgoingEmail {
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  /**
   * Given back with SES's bounce and complaint events, to tell which email one is about: so never item
   * text, only what names the email (a month). Names and values: letters, digits, "_" and "-".
   */
  tags?: Readonly<Record<string, string>>;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
