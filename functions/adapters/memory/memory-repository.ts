import { ConflictError } from '../../core/errors.js';
import type { Action } from '../../core/model/action.js';
import { Person, PersonFields, type MailStatus } from '../../core/model/person.js';
import { parseOrThrow } from '../../core/validation.js';
import type { ReminderRecord } from '../../core/model/reminder.js';
import type { Update } from '../../core/model/update.js';
import type { Repository } from '../../core/ports.js';
import { applyUpdate } from '../../core/rules/apply-update.js';
import { sameUpdate } from '../../core/rules/same-update.js';
import { quietSince } from '../../core/rules/stale.js';

/**
 * What is stored is a frozen copy, handed out as it is: a caller that changed what it read would throw,
 * as it could never change a DynamoDB item by editing a read, and reading copies nothing (the warm-render
 * bench reads the plan through this fake on every page).
 */
const stored = <T>(value: T): T => deepFreeze(structuredClone(value));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Code-unit order, as DynamoDB sorts string keys (localeCompare would not: it ignores some punctuation). */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Instants compare as times: the schema accepts offsets and any number of fraction digits. */
const instant = (iso: string | null): number => (iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso));

/**
 * The Repository port in memory, with the same conditions as the DynamoDB adapter: a fake for core and
 * web tests and benchmarks, never a stand-in for testing storage itself.
 */
export class MemoryRepository implements Repository {
  private readonly actions = new Map<string, Action>();
  private readonly updates = new Map<string, Update[]>();
  private readonly people = new Map<string, Person>();
  private readonly reminders = new Map<string, ReminderRecord>();
  private readonly dailyEmails = new Set<string>();

  async getAction(id: string): Promise<Action | null> {
    return this.actions.get(id) ?? null;
  }

  async listActions(): Promise<Action[]> {
    return [...this.actions.values()].sort((a, b) => byKey(a.id, b.id));
  }

  async putAction(action: Action, expectedVersion: number | null): Promise<void> {
    const current = this.actions.get(action.id) ?? null;
    if ((current?.version ?? null) !== expectedVersion) throw new ConflictError(current);
    this.actions.set(action.id, stored(action));
  }

  async saveUpdate(update: Update): Promise<Action> {
    const current = this.actions.get(update.actionId);
    // A retry of a save that went through succeeds again without a second history entry, as in DynamoDB.
    const saved = this.updates.get(update.actionId)?.find((entry) => entry.version === update.version);
    if (current && current.version === update.version && sameUpdate(saved, update)) return current;
    if (!current || current.version !== update.version - 1) throw new ConflictError(current ?? null);
    const next = applyUpdate(current, update);
    this.updates.set(update.actionId, [...(this.updates.get(update.actionId) ?? []), stored(update)]);
    const kept = stored(next);
    this.actions.set(kept.id, kept);
    return kept;
  }

  async listUpdates(actionId: string): Promise<Update[]> {
    return [...(this.updates.get(actionId) ?? [])];
  }

  async listStaleActions(cutoff: Date): Promise<Action[]> {
    return this.listQuietSince('open', cutoff);
  }

  async listWaitingClosures(cutoff: Date): Promise<Action[]> {
    return this.listQuietSince('proposed-closure', cutoff);
  }

  private listQuietSince(status: Action['status'], cutoff: Date): Action[] {
    // Oldest first and never-updated before all, like the sparse index.
    return [...this.actions.values()]
      .filter((a) => a.status === status && instant(quietSince(a)) < cutoff.getTime())
      .sort((a, b) => instant(quietSince(a)) - instant(quietSince(b)) || byKey(a.id, b.id));
  }

  async getPerson(id: string): Promise<Person | null> {
    return this.people.get(id) ?? null;
  }

  async listPeople(): Promise<Person[]> {
    return [...this.people.values()].sort((a, b) => byKey(a.id, b.id));
  }

  async putPerson(person: Person): Promise<void> {
    this.people.set(person.id, stored(person));
  }

  async markMailStatus(personId: string, email: string, status: MailStatus, replaces: readonly MailStatus[]): Promise<boolean> {
    const person = this.people.get(personId);
    if (!person || person.email !== email || !replaces.includes(person.mailStatus)) return false;
    this.people.set(personId, stored({ ...person, mailStatus: status }));
    return true;
  }

  async updatePerson(personId: string, fields: PersonFields): Promise<boolean> {
    // As DynamoDB's: a field given as undefined is left as it is, and there must be one to set.
    const set = Object.fromEntries(Object.entries(parseOrThrow(PersonFields, fields, `Person ${personId} was not updated`)).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length === 0) throw new Error('updatePerson needs at least one field to set');
    const person = this.people.get(personId);
    if (!person) return false;
    this.people.set(personId, stored({ ...person, ...set }));
    return true;
  }

  async setEmail(personId: string, email: string): Promise<boolean> {
    const person = this.people.get(personId);
    if (!person) return false;
    this.people.set(personId, stored(Person.parse({ ...person, email, mailStatus: 'ok' })));
    return true;
  }

  async claimDailyEmail(personId: string, period: string): Promise<boolean> {
    const key = `${personId}|${period}`;
    if (this.dailyEmails.has(key)) return false;
    this.dailyEmails.add(key);
    return true;
  }

  async claimReminder(record: ReminderRecord): Promise<boolean> {
    const key = reminderKey(record);
    if (this.reminders.has(key)) return false;
    this.reminders.set(key, stored(record));
    return true;
  }

  async completeReminder(record: ReminderRecord): Promise<void> {
    if (this.reminders.get(reminderKey(record))?.state === 'bounced') return;
    this.reminders.set(reminderKey(record), stored(record));
  }

  async markRemindersBounced(personId: string, period: string): Promise<number> {
    const sent = [...this.reminders.values()].filter((r) => r.personId === personId && r.period === period && (r.state === 'sent' || r.state === 'claimed'));
    for (const record of sent) this.reminders.set(reminderKey(record), stored({ ...record, state: 'bounced' }));
    return sent.length;
  }

  async listReminders(personId: string): Promise<ReminderRecord[]> {
    return [...this.reminders.values()]
      .filter((r) => r.personId === personId)
      .sort((a, b) => byKey(`${a.period}#${a.kind}`, `${b.period}#${b.kind}`));
  }
}

function reminderKey(record: ReminderRecord): string {
  return `${record.personId}|${record.period}|${record.kind}`;
}
