import { Action } from '../../core/model/action.js';
import { Person } from '../../core/model/person.js';
import { ReminderRecord } from '../../core/model/reminder.js';
import { Update } from '../../core/model/update.js';
import { quietSince } from '../../core/rules/stale.js';
import { expiryAttribute, keyAttributes } from './table-definition.js';

/** A stored item as the document client reads and writes it. */
export type Item = Record<string, unknown>;
export type Key = { pk: string; sk: string };

export const actionPk = (id: string): string => `ACTION#${id}`;
export const actionSk = 'ACTION';
export const updateSkPrefix = 'UPDATE#';
export const personPk = (id: string): string => `PERSON#${id}`;
export const personSk = 'PERSON';
export const reminderSkPrefix = 'REMINDER#';
export const typeActions = 'ACTION';
export const typePeople = 'PERSON';
export const openPartition = 'OPEN';
/** The same index's partition for closures awaiting their SRO's sign-off. */
export const proposedPartition = 'PROPOSED';
/** The open index's sort key for an action never updated nor reopened: sorts before every ISO date, so it is always stale. */
export const neverUpdated = '0000';

export const actionKey = (id: string): Key => ({ pk: actionPk(id), sk: actionSk });
/** Zero-padded so that the history sorts by version as a string. */
export const updateKey = (actionId: string, version: number): Key => ({
  pk: actionPk(actionId),
  sk: `${updateSkPrefix}${String(version).padStart(10, '0')}`,
});
export const personKey = (id: string): Key => ({ pk: personPk(id), sk: personSk });
export const reminderKey = (record: Pick<ReminderRecord, 'personId' | 'period' | 'kind'>): Key => ({
  pk: personPk(record.personId),
  sk: `${reminderSkPrefix}${record.period}#${record.kind}`,
});

/**
 * The open index's sort key. Instants are normalised to `toISOString()` because the schema accepts
 * offsets and any number of fraction digits, and only one spelling compares correctly as a string.
 */
export function openSortKey(quietSince: string | null): string {
  return quietSince === null ? neverUpdated : new Date(quietSince).toISOString();
}

/** The partition of the sparse index for the statuses that can go quiet: work still owed by someone. */
export const indexPartitions: Partial<Record<Action['status'], string>> = { open: openPartition, 'proposed-closure': proposedPartition };

/** Only open and proposed actions carry openPk/openSk: a Put of any other status leaves the sparse index. */
export function toActionItem(action: Action): Item {
  const partition = indexPartitions[action.status];
  const indexed = partition === undefined ? {} : { openPk: partition, openSk: openSortKey(quietSince(action)) };
  return { ...action, ...actionKey(action.id), typePk: typeActions, typeSk: action.id, ...indexed };
}

export const toUpdateItem = (update: Update): Item => ({ ...update, ...updateKey(update.actionId, update.version) });
export const toPersonItem = (person: Person): Item => ({ ...person, ...personKey(person.id), typePk: typePeople, typeSk: person.id });
export const toReminderItem = (record: ReminderRecord): Item => ({ ...record, ...reminderKey(record) });

/** A month after its day, DynamoDB's TTL may tidy a daily email's claim: only that day's runs read it. */
const dailyEmailKeptMs = 31 * 86_400_000;
export const toDailyEmailItem = (personId: string, period: string): Item => ({
  pk: personPk(personId),
  sk: `EMAIL#${period}`,
  ...expiryAttribute(new Date(Date.parse(`${period}T00:00:00Z`) + dailyEmailKeptMs).toISOString()),
});

/** Drops the key attributes, then validates: a malformed item fails loudly here rather than deep in a use case. */
function withoutKeys(item: Item): Item {
  const rest: Item = { ...item };
  for (const name of keyAttributes) delete rest[name];
  return rest;
}

export const fromActionItem = (item: Item): Action => Action.parse(withoutKeys(item));
export const fromUpdateItem = (item: Item): Update => Update.parse(withoutKeys(item));
export const fromPersonItem = (item: Item): Person => Person.parse(withoutKeys(item));
export const fromReminderItem = (item: Item): ReminderRecord => ReminderRecord.parse(withoutKeys(item));
