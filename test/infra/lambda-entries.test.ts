import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { localCredentials } from '../../functions/adapters/aws-clients.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { DynamoSummaryStore } from '../../functions/adapters/dynamodb/summary-store.js';
import { createDocumentClient } from '../../functions/adapters/aws-clients.js';
import { entryPath, type FunctionName } from '../../infra/constructs/bundle-settings.js';
import { loadForceConfig } from '../../infra/forces/load-force-config.js';
import { startDynalite, startLocalSes, type StandIn } from '../../infra/local/stand-ins.js';
import { makeAction, makePerson, makeReminder } from '../support/make-action.js';

/**
 * Each Lambda entry imported fresh and invoked as Lambda would, with the event shape its trigger sends,
 * reading the environment the stack sets; the AWS SDK reaches dynalite and aws-ses-v2-local through
 * its service-specific endpoint variables, so the entries run unchanged.
 */
const baseUrl = 'https://actions.northshire.example';
const tableName = 'entries-test';
let dynamo: StandIn;
let ses: StandIn;
let repository: DynamoRepository;
const savedEnv = { ...process.env };

async function importEntry<T>(name: FunctionName): Promise<T> {
  vi.resetModules();
  // The entry's absolute path: a template with only a variable in it is not one vite can resolve statically.
  return (await import(/* @vite-ignore */ entryPath(name))) as T;
}

async function sentEmails(): Promise<Array<{ destination: { to: string[] }; subject: string }>> {
  return ((await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: Array<{ destination: { to: string[] }; subject: string }> }).emails;
}

/** Runs `work` with the SDK's SES endpoint pointing where nothing listens, so that every send fails. */
async function withSesUnreachable<T>(work: () => Promise<T>): Promise<T> {
  process.env.AWS_ENDPOINT_URL_SESV2 = 'http://127.0.0.1:1';
  try {
    return await work();
  } finally {
    process.env.AWS_ENDPOINT_URL_SESV2 = ses.endpoint;
  }
}

/**
 * What `work` writes to stdout itself, bypassing console (as a Lambda's bare log lines do): console.log,
 * which Lambda prefixes, is held back, so a line written through it is not in `text`.
 */
async function captureStdout<T>(work: () => Promise<T>): Promise<{ result: T; text: string }> {
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  const consoleLog = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return { result: await work(), text: chunks.join('') };
  } finally {
    write.mockRestore();
    consoleLog.mockRestore();
  }
}

beforeAll(async () => {
  [dynamo, ses] = await Promise.all([startDynalite(), startLocalSes()]);
  const { deploy: _, ...config } = await loadForceConfig('demo');
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    FORCE_CONFIG: JSON.stringify({ ...config, baseUrl }),
    AWS_REGION: 'eu-west-2',
    SES_CONFIGURATION_SET: 'entries-test',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
  });
  const client = new DynamoDBClient({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: localCredentials });
  await ensureTable(client, tableName);
  repository = new DynamoRepository(createDocumentClient({ region: 'eu-west-2', dynamoEndpoint: dynamo.endpoint }), tableName);
});

afterAll(async () => {
  process.env = savedEnv;
  await Promise.all([dynamo?.close(), ses?.close()]);
});

beforeEach(async () => {
  await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
});

/** An API Gateway HTTP API (payload 2.0) event, as the $default route sends it. */
function httpApiEvent(method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): LambdaEvent {
  const host = 'abc123.execute-api.eu-west-2.amazonaws.com';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host, 'user-agent': 'vitest', accept: 'text/html', ...options.headers },
    requestContext: {
      accountId: '111111111111',
      apiId: 'abc123',
      domainName: host,
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: `req-${Math.random()}`,
      routeKey: '$default',
      stage: '$default',
      time: '02/Mar/2026:09:00:00 +0000',
      timeEpoch: Date.parse('2026-03-02T09:00:00Z'),
    },
    isBase64Encoded: false,
    ...(options.body !== undefined ? { body: options.body } : {}),
  } as unknown as LambdaEvent;
}

/** An SES event published by the configuration set, wrapped by SNS as Lambda receives it. */
function snsWrappedSesEvent(sesEvent: Record<string, unknown>) {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-west-2:111111111111:MailEventsTopic:0b1c2d3e',
        Sns: {
          Type: 'Notification',
          MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
          TopicArn: 'arn:aws:sns:eu-west-2:111111111111:MailEventsTopic',
          Subject: null,
          Message: JSON.stringify({
            mail: { timestamp: '2026-03-02T09:00:01.000Z', source: 'action-plan@northshire.example', messageId: 'm-1', destination: ['x@example.police.uk'] },
            ...sesEvent,
          }),
          Timestamp: '2026-03-02T09:00:05.000Z',
          SignatureVersion: '1',
          MessageAttributes: {},
        },
      },
    ],
  };
}

describe('http entry (API Gateway HTTP API v2 event)', () => {
  it('answers GET /healthz with 200', async () => {
    const { handler } = await importEntry<typeof import('../../functions/http.js')>('http');
    const response = (await handler(httpApiEvent('GET', '/healthz'))) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('ok');
  });

  it('emails a fresh link through SES when an owner asks for one', async () => {
    await repository.putPerson(makePerson({ id: 'p-http', email: 'sam.lee@example.police.uk' }));
    const { handler } = await importEntry<typeof import('../../functions/http.js')>('http');
    const response = (await handler(
      httpApiEvent('POST', '/u/new-link', {
        body: 'email=sam.lee%40example.police.uk',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
      }),
    )) as { statusCode: number };
    expect(response.statusCode).toBe(200);
    expect((await sentEmails()).map((e) => e.destination.to)).toEqual([['sam.lee@example.police.uk']]);
  });
});

describe('reminder job entry (EventBridge Scheduler payload)', () => {
  it('sends the owner of a stale action one digest', async () => {
    await repository.putPerson(makePerson({ id: 'p-remind', email: 'jo.khan@example.police.uk' }));
    await repository.putAction(makeAction({ id: 'a-remind', ref: 'R9', ownerIds: ['p-remind'] }), null);
    const { handler } = await importEntry<{ handler: (event: unknown) => Promise<{ peopleReminded: number; failures: number }> }>('reminders');
    // What the schedule's input becomes once Scheduler fills in its context attributes (a Monday 09:00).
    const report = await handler({ job: 'reminders', scheduledTime: '2026-03-02T09:00:00Z', executionId: 'exec-1' });
    expect(report).toMatchObject({ failures: 0 });
    expect(report.peopleReminded).toBeGreaterThanOrEqual(1);
    expect((await sentEmails()).flatMap((e) => e.destination.to)).toContain('jo.khan@example.police.uk');
  });

  it('logs a run that could not email someone as one bare JSON line, the whole log event the failures alarm reads', async () => {
    await repository.putPerson(makePerson({ id: 'p-unreachable', email: 'kim.ode@example.police.uk' }));
    await repository.putAction(makeAction({ id: 'a-unreachable', ref: 'R10', ownerIds: ['p-unreachable'] }), null);
    const { handler } = await importEntry<{ handler: (event: unknown) => Promise<{ failures: number }> }>('reminders');
    const written = await withSesUnreachable(() => captureStdout(() => handler({ job: 'reminders', scheduledTime: '2026-03-03T09:00:00Z', executionId: 'exec-2' })));
    expect(written.result.failures).toBeGreaterThanOrEqual(1);
    const lines = written.text.split('\n').filter((line) => line.includes('"job":"reminders"'));
    expect(lines).toHaveLength(1);
    // What { $.job = "reminders" && $.failures > 0 } needs: the event is a JSON object from its first character.
    expect(lines[0]).toMatch(/^\{/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', job: 'reminders', failures: written.result.failures });
  });
});

describe('board-summary job entry (EventBridge Scheduler payload)', () => {
  it('reads the scheduled payload and judges the day by when the schedule fired', async () => {
    const { handler } = await importEntry<{ handler: (event: unknown) => Promise<{ outcome: string; month?: string }> }>('boardSummary');
    // Monday 2 March 2026 was the month's first working day; the 3rd was not.
    expect(await handler({ scheduledTime: '2026-03-03T07:30:00Z' })).toMatchObject({ outcome: 'nothing-to-do' });
    expect(await handler({ scheduledTime: '2026-03-02T07:30:00Z' })).toMatchObject({ outcome: 'done', month: '2026-02' });
    await expect(handler({ scheduledTime: 'yesterday' })).rejects.toThrow(/scheduledTime/);
  });

  it('counts the recipients it could not send to without naming them, as one bare JSON line, and says how to send the rest', async () => {
    const { handler } = await importEntry<{ handler: (event: unknown) => Promise<unknown> }>('boardSummary');
    const written = await captureStdout(() => withSesUnreachable(() => handler({ month: '2026-01' })).then(() => null, (thrown: Error) => thrown));
    const error = written.result;
    expect(error?.message).toMatch(/failed for 2 .* invoke this function with \{"month":"2026-01"\} once the cause is fixed\.$/);
    expect(error?.message).not.toContain('@');
    const lines = written.text.split('\n').filter((line) => line.includes('"job":"board-summary"'));
    expect(lines).toHaveLength(1);
    // What { $.job = "board-summary" && $.unconfirmed > 0 } needs: the event is a JSON object from its first character.
    expect(lines[0]).toMatch(/^\{/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ outcome: 'done', month: '2026-01', sent: 0, failed: 2, unconfirmed: 0 });
    expect(lines[0]).not.toContain('@');
  });
});

describe('mail-events entry (SNS-wrapped SES event)', () => {
  type Handler = (event: unknown) => Promise<{ marked: string[]; unknown: number; boardBounces: number }>;

  it('marks the person of a permanent bounce as bounced', async () => {
    await repository.putPerson(makePerson({ id: 'p-bounce', email: 'gone.away@example.police.uk' }));
    const { handler } = await importEntry<{ handler: Handler }>('mailEvents');
    const outcome = await handler(
      snsWrappedSesEvent({
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: 'Gone.Away@example.police.uk', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
          timestamp: '2026-03-02T09:00:03.000Z',
          feedbackId: 'f-1',
        },
      }),
    );
    expect(outcome).toEqual({ marked: ['p-bounce'], unknown: 0, boardBounces: 0 });
    expect((await repository.getPerson('p-bounce'))?.mailStatus).toBe('bounced');
  });

  it('ignores a transient bounce and marks a complaint', async () => {
    await repository.putPerson(makePerson({ id: 'p-complain', email: 'annoyed@example.police.uk' }));
    const { handler } = await importEntry<{ handler: Handler }>('mailEvents');
    const transient = { eventType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'annoyed@example.police.uk' }] } };
    expect(await handler(snsWrappedSesEvent(transient))).toEqual({ marked: [], unknown: 0, boardBounces: 0 });
    expect((await repository.getPerson('p-complain'))?.mailStatus).toBe('ok');
    const complaint = { eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'annoyed@example.police.uk' }], complaintFeedbackType: 'abuse' } };
    expect(await handler(snsWrappedSesEvent(complaint))).toEqual({ marked: ['p-complain'], unknown: 0, boardBounces: 0 });
    expect((await repository.getPerson('p-complain'))?.mailStatus).toBe('complained');
  });

  it("marks a board summary that bounced on its month's claim, by the tag it was sent with and its message id, for an address no person has", async () => {
    const summaries = new DynamoSummaryStore(createDocumentClient({ region: 'eu-west-2', dynamoEndpoint: dynamo.endpoint }), tableName);
    const at = new Date('2026-04-01T07:30:00.000Z');
    await summaries.claimSend('2026-03', 'pcc.office@example.police.uk', at);
    await summaries.confirmSent('2026-03', 'pcc.office@example.police.uk', at, 'm-1');
    const { handler } = await importEntry<{ handler: Handler }>('mailEvents');
    const bounce = (tags: Record<string, string[]>, messageId = 'm-1') => ({
      eventType: 'Bounce',
      mail: { timestamp: '2026-04-01T07:30:01.000Z', messageId, tags: { 'ses:configuration-set': ['entries-test'], ...tags } },
      // The second address was never sent that month: there is no claim of it to mark.
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'PCC.Office@example.police.uk' }, { emailAddress: 'never.sent@example.police.uk' }] },
    });
    // A tag that is not a month is not ours, nor are tags of another shape: nothing is marked, and the event is not refused.
    expect(await handler(snsWrappedSesEvent(bounce({ 'board-summary': ['March'] })))).toEqual({ marked: [], unknown: 2, boardBounces: 0 });
    expect(await handler(snsWrappedSesEvent({ ...bounce({}), mail: { tags: ['board-summary=2026-03'] } }))).toEqual({ marked: [], unknown: 2, boardBounces: 0 });
    // A late or repeated event about an earlier send of the month, given back and sent again since: not this send's bounce.
    expect(await handler(snsWrappedSesEvent(bounce({ 'board-summary': ['2026-03'] }, 'm-0')))).toEqual({ marked: [], unknown: 2, boardBounces: 0 });
    expect(await summaries.listSendClaims('2026-03')).toMatchObject([{ recipient: 'pcc.office@example.police.uk', bounced: false }]);
    expect(await handler(snsWrappedSesEvent(bounce({ 'board-summary': ['2026-03'] })))).toEqual({ marked: [], unknown: 2, boardBounces: 1 });
    expect(await summaries.listSendClaims('2026-03')).toEqual([{ recipient: 'pcc.office@example.police.uk', claimedAt: at.toISOString(), sent: true, bounced: true }]);
  });

  it("marks a reminder digest that bounced on its records, by the period it was tagged with, so that it is not counted as read", async () => {
    await repository.putPerson(makePerson({ id: 'p-reminded', email: 'typo.addres@example.police.uk' }));
    const sent = (period: string, kind: 'reminder' | 'escalation') => makeReminder({ personId: 'p-reminded', period, kind, state: 'sent', claimedAt: `${period}T09:00:00.000Z` });
    for (const record of [sent('2026-02-23', 'reminder'), sent('2026-03-02', 'reminder'), sent('2026-03-02', 'escalation')]) await repository.completeReminder(record);
    const { handler } = await importEntry<{ handler: Handler }>('mailEvents');
    const bounce = (period: string) => ({
      eventType: 'Bounce',
      mail: { timestamp: '2026-03-02T09:00:01.000Z', messageId: 'm-9', tags: { 'ses:configuration-set': ['entries-test'], 'reminder-period': [period] } },
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'typo.addres@example.police.uk' }] },
    });
    const states = async () => (await repository.listReminders('p-reminded')).map((r) => `${r.period} ${r.kind} ${r.state}`);
    // A tag that is not a day is not ours: the person is marked, no record is.
    expect(await handler(snsWrappedSesEvent(bounce('March')))).toEqual({ marked: ['p-reminded'], unknown: 0, boardBounces: 0 });
    expect(await states()).toEqual(['2026-02-23 reminder sent', '2026-03-02 escalation sent', '2026-03-02 reminder sent']);
    // The person is marked already; the digest's own bounce still marks its records, and only that period's.
    expect(await handler(snsWrappedSesEvent(bounce('2026-03-02')))).toEqual({ marked: [], unknown: 0, boardBounces: 0 });
    expect(await states()).toEqual(['2026-02-23 reminder sent', '2026-03-02 escalation bounced', '2026-03-02 reminder bounced']);
    // The same event again changes nothing.
    expect(await handler(snsWrappedSesEvent(bounce('2026-03-02')))).toEqual({ marked: [], unknown: 0, boardBounces: 0 });
    expect(await states()).toEqual(['2026-02-23 reminder sent', '2026-03-02 escalation bounced', '2026-03-02 reminder bounced']);
    // A bounce that beats the run's record of the send: the record is marked, and its completion leaves the mark.
    const claimed = makeReminder({ personId: 'p-reminded', period: '2026-03-09', state: 'claimed', claimedAt: '2026-03-09T09:00:00.000Z' });
    expect(await repository.claimReminder(claimed)).toBe(true);
    await handler(snsWrappedSesEvent(bounce('2026-03-09')));
    await repository.completeReminder({ ...claimed, state: 'sent', completedAt: '2026-03-09T09:00:02.000Z' });
    expect((await states()).at(-1)).toBe('2026-03-09 reminder bounced');
  });

  it('refuses an event that is not from SNS, naming the field, so it lands on the dead-letter queue', async () => {
    const { handler } = await importEntry<{ handler: Handler }>('mailEvents');
    await expect(handler({ Records: [{ EventSource: 'aws:sqs', body: '{}' }] })).rejects.toThrow(/SNS event is not valid:\n - Records\[0\]\.EventSource/);
  });
});
