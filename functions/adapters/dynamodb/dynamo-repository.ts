import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Action } from '../../core/model/action.js';
import type { MailStatus, Person, PersonFields } from '../../core/model/person.js';
import type { ReminderRecord } from '../../core/model/reminder.js';
import type { Update } from '../../core/model/update.js';
import type { Repository } from '../../core/ports.js';
import { ActionStore, type ActionStoreHooks } from './action-store.js';
import { PeopleStore } from './people-store.js';

export interface DynamoRepositoryOptions {
  /** Items per Query page. Unset in production (1 MB pages); tests set it small to exercise paging. */
  pageSize?: number;
  /** Test-only crash points; see ActionStoreHooks. */
  hooks?: ActionStoreHooks;
}

/**
 * The Repository port on the force's single DynamoDB table (layout in item-mapping.ts). Every list is a
 * Query on a keyed index, never a Scan, and only operations dynalite also supports are used.
 */
export class DynamoRepository implements Repository {
  private readonly actions: ActionStore;
  private readonly people: PeopleStore;

  constructor(doc: DynamoDBDocumentClient, tableName: string, options: DynamoRepositoryOptions = {}) {
    this.actions = new ActionStore(doc, tableName, options.pageSize, options.hooks);
    this.people = new PeopleStore(doc, tableName, options.pageSize);
  }

  getAction(id: string): Promise<Action | null> {
    return this.actions.getAction(id);
  }

  listActions(): Promise<Action[]> {
    return this.actions.listActions();
  }

  putAction(action: Action, expectedVersion: number | null): Promise<void> {
    return this.actions.putAction(action, expectedVersion);
  }

  saveUpdate(update: Update): Promise<Action> {
    return this.actions.saveUpdate(update);
  }

  listUpdates(actionId: string): Promise<Update[]> {
    return this.actions.listUpdates(actionId);
  }

  listStaleActions(cutoff: Date): Promise<Action[]> {
    return this.actions.listStaleActions(cutoff);
  }

  listWaitingClosures(cutoff: Date): Promise<Action[]> {
    return this.actions.listWaitingClosures(cutoff);
  }

  getPerson(id: string): Promise<Person | null> {
    return this.people.getPerson(id);
  }

  listPeople(): Promise<Person[]> {
    return this.people.listPeople();
  }

  putPerson(person: Person): Promise<void> {
    return this.people.putPerson(person);
  }

  markMailStatus(personId: string, email: string, status: MailStatus, replaces: readonly MailStatus[]): Promise<boolean> {
    return this.people.markMailStatus(personId, email, status, replaces);
  }

  updatePerson(personId: string, fields: PersonFields): Promise<boolean> {
    return this.people.updatePerson(personId, fields);
  }

  setEmail(personId: string, email: string): Promise<boolean> {
    return this.people.setEmail(personId, email);
  }

  claimDailyEmail(personId: string, period: string): Promise<boolean> {
    return this.people.claimDailyEmail(personId, period);
  }

  claimReminder(record: ReminderRecord): Promise<boolean> {
    return this.people.claimReminder(record);
  }

  completeReminder(record: ReminderRecord): Promise<void> {
    return this.people.completeReminder(record);
  }

  markRemindersBounced(personId: string, period: string): Promise<number> {
    return this.people.markRemindersBounced(personId, period);
  }

  listReminders(personId: string): Promise<ReminderRecord[]> {
    return this.people.listReminders(personId);
  }
}
