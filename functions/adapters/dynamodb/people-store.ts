import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PersonEmail, PersonFields, type MailStatus, type Person } from '../../core/model/person.js';
import { parseOrThrow } from '../../core/validation.js';
import { reminderKinds, type ReminderRecord } from '../../core/model/reminder.js';
import {
  fromPersonItem,
  fromReminderItem,
  personKey,
  personPk,
  reminderKey,
  reminderSkPrefix,
  toPersonItem,
  toDailyEmailItem,
  toReminderItem,
  typePeople,
  type Item,
} from './item-mapping.js';
import { conditionHeld, putHeld, updateHeld } from './conditional-write.js';
import { queryAll } from './query-all.js';
import { tableDefinition } from './table-definition.js';

/** People and their reminder records: a person's reminders live in the person's partition. */
export class PeopleStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly pageSize: number | undefined,
  ) {}

  async getPerson(id: string): Promise<Person | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: personKey(id), ConsistentRead: true }));
    return Item ? fromPersonItem(Item) : null;
  }

  async listPeople(): Promise<Person[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      IndexName: tableDefinition.indexes.byType.name,
      KeyConditionExpression: 'typePk = :type',
      ExpressionAttributeValues: { ':type': typePeople },
      Limit: this.pageSize,
    });
    return items.map(fromPersonItem);
  }

  async putPerson(person: Person): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: toPersonItem(person) }));
  }

  async markMailStatus(personId: string, email: string, status: MailStatus, replaces: readonly MailStatus[]): Promise<boolean> {
    const was = Object.fromEntries(replaces.map((s, i) => [`:was${i}`, s]));
    // The mark's id tells the SDK's retry of this mark, which holds, from a mark of the same status by another.
    return updateHeld(
      this.doc,
      {
        TableName: this.tableName,
        Key: personKey(personId),
        UpdateExpression: 'SET mailStatus = :status, mailStatusMark = :writeId',
        ConditionExpression: `email = :email AND mailStatus IN (${Object.keys(was).join(', ')})`,
        ExpressionAttributeValues: { ':status': status, ':email': email, ...was },
      },
      'mailStatusMark',
    );
  }

  async updatePerson(personId: string, fields: PersonFields): Promise<boolean> {
    // Names, since "name" and "role" are DynamoDB reserved words.
    const set = Object.entries(parseOrThrow(PersonFields, fields, `Person ${personId} was not updated`)).filter(([, value]) => value !== undefined);
    if (set.length === 0) throw new Error('updatePerson needs at least one field to set');
    return conditionHeld(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: personKey(personId),
          UpdateExpression: `SET ${set.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: Object.fromEntries(set.map(([field], i) => [`#f${i}`, field])),
          ExpressionAttributeValues: Object.fromEntries(set.map(([, value], i) => [`:v${i}`, value])),
        }),
      ),
    );
  }

  setEmail(personId: string, email: string): Promise<boolean> {
    return conditionHeld(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: personKey(personId),
          UpdateExpression: 'SET email = :email, mailStatus = :ok',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':email': parseOrThrow(PersonEmail, { email }, `Person ${personId} was not updated`).email, ':ok': 'ok' },
        }),
      ),
    );
  }

  claimDailyEmail(personId: string, period: string): Promise<boolean> {
    return this.putIfAbsent(toDailyEmailItem(personId, period));
  }

  claimReminder(record: ReminderRecord): Promise<boolean> {
    return this.putIfAbsent(toReminderItem(record));
  }

  /** The claim's own id tells a retry of this claim, which holds, from another run's claim of the same thing. */
  private putIfAbsent(claim: Item): Promise<boolean> {
    const item = { ...claim, claimId: randomUUID() };
    return putHeld(this.doc, { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' });
  }

  async completeReminder(record: ReminderRecord): Promise<void> {
    // Never over a bounce the mail-events function marked first: SES can report one within a second.
    await conditionHeld(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toReminderItem(record),
          ConditionExpression: 'attribute_not_exists(pk) OR #state <> :bounced',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':bounced': 'bounced' },
        }),
      ),
    );
  }

  async markRemindersBounced(personId: string, period: string): Promise<number> {
    // Sent, or still being completed (completeReminder then leaves the mark); a bounce that arrives again changes nothing.
    const marked = await Promise.all(
      reminderKinds.map((kind) =>
        conditionHeld(() =>
          this.doc.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: reminderKey({ personId, period, kind }),
              UpdateExpression: 'SET #state = :bounced',
              ConditionExpression: '#state IN (:sent, :claimed)',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':bounced': 'bounced', ':sent': 'sent', ':claimed': 'claimed' },
            }),
          ),
        ),
      ),
    );
    return marked.filter(Boolean).length;
  }

  /** Oldest period first (the sort key orders them). */
  async listReminders(personId: string): Promise<ReminderRecord[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': personPk(personId), ':prefix': reminderSkPrefix },
      ConsistentRead: true,
      Limit: this.pageSize,
    });
    return items.map(fromReminderItem);
  }
}
