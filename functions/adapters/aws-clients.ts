import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface AwsEndpoints {
  region: string;
  /** Set for the local stand-ins; in AWS the SDK finds the endpoint and credentials itself. */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
}

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * How long a request to AWS may go unanswered before the SDK gives it up and, where it retries, tries
 * again on a new connection. Lambda freezes a sandbox between requests, and a kept-alive connection
 * that died meanwhile takes the next request and never answers: without a limit that request waits out
 * the function's own timeout (the web's 10 s, after which API Gateway shows its bare error, not the
 * app's page) and a job stops part-way. Sized so that every attempt fits in the web's 10 s: DynamoDB's
 * four of 2 s, SES's three of 2.5 s, each with its backoff. Not for the local stand-ins, which run in
 * the caller's process: a test busy for a moment would look like a lost connection and be retried.
 */
export const awsTimeouts = {
  dynamo: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
  ses: { connectionTimeout: 1_000, requestTimeout: 2_500, throwOnRequestTimeout: true },
} as const;

/** Built once per process by a composition root and injected into adapters. */
export function createDocumentClient(endpoints: AwsEndpoints): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: endpoints.region,
    ...(endpoints.dynamoEndpoint ? { endpoint: endpoints.dynamoEndpoint, credentials: localCredentials } : { requestHandler: awsTimeouts.dynamo }),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export { localCredentials };
