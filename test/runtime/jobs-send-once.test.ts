import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as boardSummaryHandler } from '../../functions/board-summary-job.js';
import { handler as reminderHandler } from '../../functions/reminder-job.js';
import { lambdaEnvironment, useLambdaStandIns } from '../support/lambda-environment.js';
import { startLostAnswerProxy, type FaultProxy } from '../support/fault-proxy.js';

const config = {
  id: 'test',
  name: 'Testshire Police',
  baseUrl: 'https://actions.testshire.example',
  sender: 'actions@testshire.example',
  admins: ['admin@testshire.example'],
  board: ['board@testshire.example'],
};
const standIns = useLambdaStandIns();
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startLostAnswerProxy(standIns.ses.endpoint);
  Object.assign(process.env, await lambdaEnvironment({ dynamoEndpoint: standIns.dynamo.endpoint, sesEndpoint: proxy.endpoint, tableName: 'force-jobs', config }));
});
afterAll(() => proxy?.close());

// SES took each email and its answer was lost: the SDK's own retries would deliver it again.
describe('the jobs send each email once when the answer from SES is lost', () => {
  it('the reminder job: one digest, recorded as failed for the next working day to settle', async () => {
    const report = await reminderHandler({ job: 'reminders', scheduledTime: '2026-11-24T09:00:00Z' });
    expect(await standIns.emailsTo('owner@testshire.example')).toBe(1);
    expect(report).toMatchObject({ peopleReminded: 0, failures: 1 });
  });

  it('the board summary job: one summary for the board member, kept as claimed so that a retry does not send it again', async () => {
    // Not a failure for Lambda to retry: the email may have gone.
    expect(await boardSummaryHandler({ month: '2026-10' })).toMatchObject({ sent: 0, unconfirmed: 1 });
    expect(await standIns.emailsTo('board@testshire.example')).toBe(1);
    await expect(boardSummaryHandler({ month: '2026-10' })).rejects.toThrow(/being sent by another run for 1/);
    expect(await standIns.emailsTo('board@testshire.example')).toBe(1);
  });
});
