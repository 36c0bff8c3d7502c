import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCredentials } from '../../functions/adapters/aws-clients.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { createDocumentClient } from '../../functions/adapters/aws-clients.js';
import { handler, ReminderJobEvent } from '../../functions/reminder-job.js';
import { startDynalite, startLocalSes, type StandIn } from '../../infra/local/stand-ins.js';
import { makeAction, makePerson } from '../support/make-action.js';

const config = { id: 'test', name: 'Testshire Police', baseUrl: 'https://actions.testshire.example', sender: 'actions@testshire.example', admins: ['admin@testshire.example'] };
let dynamo: StandIn;
let ses: StandIn;
const saved = { ...process.env };

beforeAll(async () => {
  dynamo = await startDynalite({ port: 0 });
  ses = await startLocalSes({ port: 0 });
});
afterAll(async () => {
  process.env = saved;
  await dynamo?.close();
  await ses?.close();
});

describe('the reminder Lambda entry', () => {
  it('accepts the event the schedule sends and refuses anything else, naming the field', () => {
    expect(ReminderJobEvent.parse({ job: 'reminders', scheduledTime: '2026-11-24T09:00:00Z', executionId: 'x' })).toMatchObject({ job: 'reminders' });
    expect(() => ReminderJobEvent.parse({ job: 'board-summary' })).toThrow();
  });

  it('refuses a bad event before reading any settings', async () => {
    await expect(handler({ job: 'nope' })).rejects.toThrow(/Reminder job event is not valid:\n - job: must be "reminders"/);
  });

  it('runs the job once per scheduled time, composed from the environment (SDK endpoints pointed at the stand-ins)', async () => {
    const tableName = 'force-lambda';
    const admin = new DynamoDBClient({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: localCredentials });
    await ensureTable(admin, tableName);
    admin.destroy();
    const doc = createDocumentClient({ region: 'eu-west-2', dynamoEndpoint: dynamo.endpoint });
    const repository = new DynamoRepository(doc, tableName);
    await repository.putPerson(makePerson({ id: 'owner', email: 'owner@testshire.example' }));
    await repository.putAction(makeAction({ id: 'a-1', ownerIds: ['owner'], lastUpdatedAt: '2026-10-01T09:00:00Z' }), null);

    Object.assign(process.env, {
      TABLE_NAME: tableName,
      FORCE_CONFIG: JSON.stringify(config),
      AWS_REGION: 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    });
    const event = { job: 'reminders', scheduledTime: '2026-11-24T09:00:00Z', executionId: 'e-1' };
    const first = await handler(event);
    const retry = await handler(event);
    expect(first).toMatchObject({ period: '2026-11-24', peopleReminded: 1, failures: 0 });
    expect(retry).toMatchObject({ period: '2026-11-24', peopleReminded: 0, skipped: { 'recently-reminded': 1 } });
    const { emails } = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
    expect(emails.map((e) => e.destination.to)).toEqual([['owner@testshire.example']]);
    doc.destroy();
  });
});
