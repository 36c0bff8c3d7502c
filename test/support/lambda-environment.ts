import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { createDocumentClient, localCredentials } from '../../functions/adapters/aws-clients.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { startDynalite, startLocalSes, type StandIn } from '../../infra/local/stand-ins.js';
import { makeAction, makePerson } from './make-action.js';

export interface LambdaStandIns {
  dynamo: StandIn;
  ses: StandIn;
  /** How many emails the local SES holds for `address`. */
  emailsTo(address: string): Promise<number>;
}

/**
 * dynalite and aws-ses-v2-local for a test file that runs Lambda entries or builds clients as a Lambda
 * does: started before its tests (fields filled in then), stopped after them, and the environment the
 * tests set put back as it was.
 */
export function useLambdaStandIns(): LambdaStandIns {
  const saved = { ...process.env };
  const standIns: LambdaStandIns = {
    dynamo: undefined as unknown as StandIn,
    ses: undefined as unknown as StandIn,
    async emailsTo(address) {
      const { emails } = (await (await fetch(`${standIns.ses.endpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
      return emails.filter((e) => e.destination.to.includes(address)).length;
    },
  };
  beforeAll(async () => {
    standIns.dynamo = await startDynalite({ port: 0 });
    standIns.ses = await startLocalSes({ port: 0 });
  });
  afterAll(async () => {
    process.env = saved;
    await standIns.dynamo?.close();
    await standIns.ses?.close();
  });
  return standIns;
}

/**
 * A force table on dynalite holding one owner and their stale action 'a-1', and the environment a
 * Lambda entry reads to use it, with SES at `sesEndpoint` (the SDK takes both endpoints from it).
 */
export async function lambdaEnvironment(options: { dynamoEndpoint: string; sesEndpoint: string; tableName: string; config: object }): Promise<Record<string, string>> {
  const admin = new DynamoDBClient({ region: 'eu-west-2', endpoint: options.dynamoEndpoint, credentials: localCredentials });
  await ensureTable(admin, options.tableName);
  admin.destroy();
  const doc = createDocumentClient({ region: 'eu-west-2', dynamoEndpoint: options.dynamoEndpoint });
  const repository = new DynamoRepository(doc, options.tableName);
  await repository.putPerson(makePerson({ id: 'owner', email: 'owner@testshire.example' }));
  await repository.putAction(makeAction({ id: 'a-1', ownerIds: ['owner'], lastUpdatedAt: '2026-10-01T09:00:00Z' }), null);
  doc.destroy();
  return {
    TABLE_NAME: options.tableName,
    FORCE_CONFIG: JSON.stringify(options.config),
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamoEndpoint,
    AWS_ENDPOINT_URL_SESV2: options.sesEndpoint,
  };
}
