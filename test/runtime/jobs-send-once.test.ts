import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, localCredentials } from '../../functions/adapters/aws-clients.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { handler as boardSummaryHandler } from '../../functions/board-summary-job.js';
import { handler as reminderHandler } from '../../functions/reminder-job.js';
import { startDynalite, startLocalSes, type StandIn } from '../../infra/local/stand-ins.js';
import { startLostAnswerProxy, type LostAnswerProxy } from '../support/lost-answer-proxy.js';
import { makeAction, makePerson } from '../support/make-action.js';

const config = {
  id: 'test',
  name: 'Testshire Police',
  baseUrl: 'https://actions.testshire.example',
  sender: 'actions@testshire.example',
  admins: ['admin@testshire.example'],
  board: ['board@testshire.example'],
};
let dynamo: StandIn;
let ses: StandIn;
let proxy: LostAnswerProxy;
const saved = { ...process.env };

beforeAll(async () => {
  dynamo = await startDynalite({ port: 0 });
  ses = await startLocalSes({ port: 0 });
  proxy = await startLostAnswerProxy(ses.endpoint);
  const tableName = 'force-jobs';
  const admin = new DynamoDBClient({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: localCredentials });
  await ensureTable(admin, tableName);
  admin.destroy();
  const doc = createDocumentClient({ region: 'eu-west-2', dynamoEndpoint: dynamo.endpoint });
  const repository = new DynamoRepository(doc, tableName);
  await repository.putPerson(makePerson({ id: 'owner', email: 'owner@testshire.example' }));
  await repository.putAction(makeAction({ id: 'a-1', ownerIds: ['owner'], lastUpdatedAt: '2026-09-01T09:00:00Z' }), null);
  doc.destroy();
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    FORCE_CONFIG: JSON.stringify(config),
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SESV2: proxy.endpoint,
  });
});
afterAll(async () => {
  process.env = saved;
  await proxy?.close();
  await dynamo?.close();
  await ses?.close();
});

const mailTo = async (address: string) => {
  const { emails } = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
  return emails.filter((e) => e.destination.to.includes(address)).length;
};

// SES took each email and its answer was lost: the SDK's own retries would deliver it again.
describe('the jobs send each email once when the answer from SES is lost', () => {
  it('the reminder job: one digest, recorded as failed for the next working day to settle', async () => {
    const report = await reminderHandler({ job: 'reminders', scheduledTime: '2026-11-24T09:00:00Z' });
    expect(await mailTo('owner@testshire.example')).toBe(1);
    expect(report).toMatchObject({ peopleReminded: 0, failures: 1 });
  });

  it("the board summary job: one summary for the board member, kept as claimed so that Lambda's retry does not send it again", async () => {
    await expect(boardSummaryHandler({ month: '2026-10' })).rejects.toThrow();
    expect(await mailTo('board@testshire.example')).toBe(1);
    await expect(boardSummaryHandler({ month: '2026-10' })).rejects.toThrow(/being sent by another run for 1/);
    expect(await mailTo('board@testshire.example')).toBe(1);
  });
});
