import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface AwsEndpoints {
  region: string;
  /** Set for the local stand-ins; in AWS the SDK finds the endpoint and credentials itself. */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
}

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * How long a request to AWS may go unanswered (`socketTimeout`: or stall half-way through its answer)
 * before the SDK gives it up and, where it retries, tries again. Lambda freezes a sandbox between
 * requests, and a kept-alive connection that died meanwhile takes the next request and never answers:
 * without a limit that request waits out the function's own timeout (the web's 10 s, after which API
 * Gateway shows its bare error, not the app's page) and a job stops part-way. One call's every attempt
 * fits in the web's 10 s in the usual case: DynamoDB's four of 2 s, SES's three of 2.5 s, each with its
 * backoff (an answer whose headers come late and which then stalls can take longer, one trickled in
 * slowly longer still). Not for the local stand-ins, which run in the caller's process: a test busy
 * for a moment would look like a lost connection and be retried.
 */
export const awsTimeouts = {
  dynamo: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  ses: { connectionTimeout: 1_000, requestTimeout: 2_500 },
} as const;

/**
 * A client built for AWS with the timeouts above, whose idle connections are closed once a request had
 * no answer: the freeze that killed that connection killed the others kept alive with it, and each of
 * the SDK's retries would otherwise take the next of them and wait out its timeout too.
 */
export function buildAwsClient<Client extends DynamoDBClient | SESv2Client>(timeouts: (typeof awsTimeouts)[keyof typeof awsTimeouts], build: (requestHandler: DynamoDBClientConfig['requestHandler']) => Client): Client {
  // Kept alive, as the SDK's own handler keeps them, but ours to close.
  const agents = [new HttpAgent({ keepAlive: true, maxSockets: 50 }), new HttpsAgent({ keepAlive: true, maxSockets: 50 })] as const;
  const client = build({ ...timeouts, socketTimeout: timeouts.requestTimeout, throwOnRequestTimeout: true, httpAgent: agents[0], httpsAgent: agents[1] });
  // The deserialize step is passed through on each attempt, so the SDK's retry opens a new connection;
  // high priority wraps the SDK's deserializer too, which reads the answer's body (a stalled answer).
  // The cast: the middleware is generic, and TypeScript will not call `add` on a union of two stacks.
  (client.middlewareStack as DynamoDBClient['middlewareStack']).add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if ((error as Error | undefined)?.name === 'TimeoutError') {
          for (const agent of agents) for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
        }
        throw error;
      }
    },
    { step: 'deserialize', priority: 'high', name: 'closeIdleConnectionsAfterTimeout' },
  );
  return client;
}

/** Built once per process by a composition root and injected into adapters. */
export function createDocumentClient(endpoints: AwsEndpoints): DynamoDBDocumentClient {
  const client = endpoints.dynamoEndpoint
    ? new DynamoDBClient({ region: endpoints.region, endpoint: endpoints.dynamoEndpoint, credentials: localCredentials })
    : buildAwsClient(awsTimeouts.dynamo, (requestHandler) => new DynamoDBClient({ region: endpoints.region, requestHandler }));
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export { localCredentials };
