import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { awsTimeouts, createDocumentClient } from '../../functions/adapters/aws-clients.js';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { createSesMailer } from '../../functions/adapters/ses/ses-mailer.js';
import { certainlyNotSent } from '../../functions/core/reminders/send-with-backoff.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy.js';
import { lambdaEnvironment, useLambdaStandIns } from '../support/lambda-environment.js';

/*
 * The clients as a Lambda builds them (no endpoint given: the SDK reads AWS_ENDPOINT_URL_* as it
 * would find AWS), behind a proxy that never answers a request, as a kept-alive connection that died
 * while Lambda froze the sandbox does. Without a request timeout each of these waits for ever.
 */
const tableName = 'force-timeouts';
const sender = { address: 'actions@testshire.example', name: 'Testshire Police Action Plan Tracker' };
const email = { to: ['owner@testshire.example'], subject: 'Your link', html: '<p>x</p>', text: 'x' };
const standIns = useLambdaStandIns();
let proxy: FaultProxy | undefined;

beforeAll(async () => {
  const { dynamo, ses } = standIns;
  const config = { id: 'test', name: 'Testshire Police', baseUrl: 'https://actions.testshire.example', sender: sender.address, admins: ['admin@testshire.example'] };
  Object.assign(process.env, await lambdaEnvironment({ dynamoEndpoint: dynamo.endpoint, sesEndpoint: ses.endpoint, tableName, config }));
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

async function behindProxy(variable: 'AWS_ENDPOINT_URL_DYNAMODB' | 'AWS_ENDPOINT_URL_SESV2', target: string, faultFor: (request: number, connection: number) => Fault): Promise<FaultProxy> {
  proxy = await startFaultProxy(target, faultFor);
  process.env[variable] = proxy.endpoint;
  return proxy;
}

/** One request (a repository read may make two at once), for a key that holds nothing. */
const readNothing = (doc: DynamoDBDocumentClient) => doc.send(new GetCommand({ TableName: tableName, Key: { pk: 'nothing', sk: 'here' } }));

describe('AWS requests that get no answer', () => {
  it('DynamoDB: the request is given up after its timeout and tried again, and answered', async () => {
    const dynamoProxy = await behindProxy('AWS_ENDPOINT_URL_DYNAMODB', standIns.dynamo.endpoint, (n) => (n === 1 ? 'hang' : 'forward'));
    const doc = createDocumentClient({ region: 'eu-west-2' });
    try {
      const started = performance.now();
      const action = await new DynamoRepository(doc, tableName).getAction('a-1');
      expect(action?.id).toBe('a-1');
      // One request taken and never answered; the same request again, and any after it, answered.
      expect(dynamoProxy.received() - dynamoProxy.delivered()).toBe(1);
      expect(dynamoProxy.delivered()).toBeGreaterThanOrEqual(1);
      // It waited for the timeout, not for an error from the connection.
      expect(performance.now() - started).toBeGreaterThanOrEqual(awsTimeouts.dynamo.requestTimeout - 100);
    } finally {
      doc.destroy();
    }
  });

  it('DynamoDB: an answer that stops half-way is given up too, and the request tried again', async () => {
    await behindProxy('AWS_ENDPOINT_URL_DYNAMODB', standIns.dynamo.endpoint, (n) => (n === 1 ? 'stall-answer' : 'forward'));
    const doc = createDocumentClient({ region: 'eu-west-2' });
    try {
      await expect(readNothing(doc)).resolves.toMatchObject({ $metadata: { httpStatusCode: 200, attempts: 2 } });
    } finally {
      doc.destroy();
    }
  });

  it('DynamoDB: when every kept-alive connection died together, one timeout is waited out, not one for each', async () => {
    let dead = 0;
    const dynamoProxy = await behindProxy('AWS_ENDPOINT_URL_DYNAMODB', standIns.dynamo.endpoint, (_request, connection) => (connection <= dead ? 'hang' : 'forward'));
    const doc = createDocumentClient({ region: 'eu-west-2' });
    const read = () => readNothing(doc);
    try {
      // Reads made together, as a page makes them, leave as many connections kept alive; then the freeze.
      await Promise.all(Array.from({ length: 6 }, read));
      dead = dynamoProxy.connections();
      expect(dead).toBeGreaterThan(4);
      const lostBefore = dynamoProxy.received() - dynamoProxy.delivered();
      await expect(read()).resolves.toMatchObject({ $metadata: { httpStatusCode: 200, attempts: 2 } });
      // Each retry on another dead connection would be one more request lost, up to the SDK's four attempts.
      expect(dynamoProxy.received() - dynamoProxy.delivered() - lostBefore).toBe(1);
      expect(dynamoProxy.connections()).toBe(dead + 1);
    } finally {
      doc.destroy();
    }
  });

  it('SES for a web request (a link email): tried again, and the email is sent', async () => {
    const sesProxy = await behindProxy('AWS_ENDPOINT_URL_SESV2', standIns.ses.endpoint, (n) => (n === 1 ? 'hang' : 'forward'));
    const before = await standIns.emailsTo('owner@testshire.example');
    await expect(createSesMailer({ region: 'eu-west-2' }, sender).send(email)).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(sesProxy.received()).toBe(2);
    expect(await standIns.emailsTo('owner@testshire.example')).toBe(before + 1);
  });

  it("SES for a job (sending once): fails after the timeout, as an email that may have gone, and the job moves on", async () => {
    const sesProxy = await behindProxy('AWS_ENDPOINT_URL_SESV2', standIns.ses.endpoint, () => 'hang');
    const error: unknown = await createSesMailer({ region: 'eu-west-2' }, sender, { sendOnce: true })
      .send(email)
      .then(
        () => null,
        (failure: unknown) => failure,
      );
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(sesProxy.received()).toBe(1);
    // SES may have taken it before the answer was lost: the board summary keeps its claim and asks.
    expect(certainlyNotSent(error)).toBe(false);
  });
});
