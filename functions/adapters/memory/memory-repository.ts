import { ConflictError } from '../../core/errors.js';
import type { Action } from '../../core/model/action.js';
import type { Person } from '../../core/model/person.js';
import type { ReminderRecord } from '../../core/model/reminder.js';
import type { Update } from '../../core/model/update.js';
import type { Repository } from '../../core/ports.js';
import { applyUpdate } from '../../core/rules/apply-update.js';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * The Repository port in memory, with the same conditions as the DynamoDB adapter: a fake for core and
 * web tests and benchmarks, never a stand-in for testing storage itself.
 */
export class MemoryRepository implements Repository {
  private readonly actions = new Map<string, Action>();
  private readonly updates = new Map<string, Update[]>();
  private readonly people = new Map<string, Person>();
  private readonly reminders = new Map<string, ReminderRecord>();

  async getAction(id: string): Promise<Action | null> {
    const action = this.actions.get(id);
    return action ? copy(action) : null;
  }

  async listActions(): Promise<Action[]> {
    return [...this.actions.values()].map(copy).sort((a, b) => a.id.localeCompare(b.id));
  }

  async putAction(action: Action, expectedVersion: number | null): Promise<void> {
    const current = this.actions.get(action.id) ?? null;
    if ((current?.version ?? null) !== expectedVersion) throw new ConflictError(current ? copy(current) : null);
    this.actions.set(action.id, copy(action));
  }

  async saveUpdate(update: Update): Promise<Action> {
    const current = this.actions.get(update.actionId);
    if (!current || current.version !== update.version - 1) throw new ConflictError(current ? copy(current) : null);
    const saved = applyUpdate(current, update);
    this.updates.set(update.actionId, [...(this.updates.get(update.actionId) ?? []), copy(update)]);
    this.actions.set(saved.id, saved);
    return copy(saved);
  }

  async listUpdates(actionId: string): Promise<Update[]> {
    return (this.updates.get(actionId) ?? []).map(copy);
  }

  async listStaleActions(cutoff: Date): Promise<Action[]> {
    const before = cutoff.toISOString();
    return [...this.actions.values()]
      .filter((a) => a.status === 'open' && (a.lastUpdatedAt === null || a.lastUpdatedAt < before))
      .map(copy);
  }

  async getPerson(id: string): Promise<Person | null> {
    const person = this.people.get(id);
    return person ? copy(person) : null;
  }

  async listPeople(): Promise<Person[]> {
    return [...this.people.values()].map(copy).sort((a, b) => a.id.localeCompare(b.id));
  }

  async putPerson(person: Person): Promise<void> {
    this.people.set(person.id, copy(person));
  }

  async claimReminder(record: ReminderRecord): Promise<boolean> {
    const key = reminderKey(record);
    if (this.reminders.has(key)) return false;
    this.reminders.set(key, copy(record));
    return true;
  }

  async completeReminder(record: ReminderRecord): Promise<void> {
    this.reminders.set(reminderKey(record), copy(record));
  }

  async listReminders(personId: string): Promise<ReminderRecord[]> {
    return [...this.reminders.values()].filter((r) => r.personId === personId).map(copy);
  }
}

function reminderKey(record: ReminderRecord): string {
  return `${record.personId}|${record.period}|${record.kind}`;
}
