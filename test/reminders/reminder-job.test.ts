import { describe, expect, it } from 'vitest';
import { handler, ReminderJobEvent } from '../../functions/reminder-job.js';
import { lambdaEnvironment, useLambdaStandIns } from '../support/lambda-environment.js';

const config = { id: 'test', name: 'Testshire Police', baseUrl: 'https://actions.testshire.example', sender: 'actions@testshire.example', admins: ['admin@testshire.example'] };
const standIns = useLambdaStandIns();

describe('the reminder Lambda entry', () => {
  it('accepts the event the schedule sends and refuses anything else, naming the field', () => {
    expect(ReminderJobEvent.parse({ job: 'reminders', scheduledTime: '2026-11-24T09:00:00Z', executionId: 'x' })).toMatchObject({ job: 'reminders' });
    expect(() => ReminderJobEvent.parse({ job: 'board-summary' })).toThrow();
  });

  it('refuses a bad event before reading any settings', async () => {
    await expect(handler({ job: 'nope' })).rejects.toThrow(/Reminder job event is not valid:\n - job: must be "reminders"/);
  });

  it('runs the job once per scheduled time, composed from the environment (SDK endpoints pointed at the stand-ins)', async () => {
    Object.assign(process.env, await lambdaEnvironment({ dynamoEndpoint: standIns.dynamo.endpoint, sesEndpoint: standIns.ses.endpoint, tableName: 'force-lambda', config }));
    const event = { job: 'reminders', scheduledTime: '2026-11-24T09:00:00Z', executionId: 'e-1' };
    const first = await handler(event);
    const retry = await handler(event);
    expect(first).toMatchObject({ period: '2026-11-24', peopleReminded: 1, failures: 0 });
    expect(retry).toMatchObject({ period: '2026-11-24', peopleReminded: 0, skipped: { 'recently-reminded': 1 } });
    const { emails } = (await (await fetch(`${standIns.ses.endpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
    expect(emails.map((e) => e.destination.to)).toEqual([['owner@testshire.example']]);
  });
});
