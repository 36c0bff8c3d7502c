import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient, localCredentials } from '../../functions/adapters/aws-clients.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { makeAction, makePerson } from './make-action.js';

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
