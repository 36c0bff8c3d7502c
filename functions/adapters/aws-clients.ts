import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface AwsEndpoints {
  region: string;
  /** Set for the local stand-ins; in AWS the SDK finds the endpoint and credentials itself. */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
}

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Built once per process by a composition root and injected into adapters. */
export function createDocumentClient(endpoints: AwsEndpoints): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: endpoints.region,
    ...(endpoints.dynamoEndpoint ? { endpoint: endpoints.dynamoEndpoint, credentials: localCredentials } : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export { localCredentials };
