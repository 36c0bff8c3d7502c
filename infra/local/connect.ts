import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localCredentials } from '../../functions/adapters/aws-clients.js';
import type { ForceConfig } from '../../functions/core/config/force-config.js';
import type { Repository } from '../../functions/core/ports.js';
import { composeDeps, type CoreDeps } from '../../functions/runtime/compose.js';
import { loadForceConfig } from '../forces/load-force-config.js';
import { readLocalEnv } from './local-env.js';
import { localRegion, localTableName } from './local-stack.js';

export interface LocalConnection {
  repository: Repository;
  config: ForceConfig;
  deps: CoreDeps;
  close(): void;
}

/** The command-line jobs act on the stack that `npm start` runs, through the same ports. */
export async function connectLocalRepository(env: Record<string, string | undefined> = process.env): Promise<LocalConnection> {
  const settings = readLocalEnv(env);
  const config = await loadForceConfig(settings.FORCE);
  const dynamoEndpoint = `http://127.0.0.1:${settings.DYNAMO_PORT}`;
  const tableName = localTableName(config.id);
  const probe = new DynamoDBClient({ region: localRegion, endpoint: dynamoEndpoint, credentials: localCredentials });
  try {
    await probe.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    const reason = (error as Error).name === 'ResourceNotFoundException' ? `it has no table ${tableName}` : 'nothing answers there';
    throw new Error(`Cannot reach the local stack at ${dynamoEndpoint} (${reason}). Start it first with "npm start" in another terminal; if it runs on other ports, set the same PORT, MAIL_PORT and DYNAMO_PORT for this command too.`);
  } finally {
    probe.destroy();
  }
  const deps = composeDeps({
    config: { ...config, baseUrl: `http://localhost:${settings.PORT}` },
    tableName,
    endpoints: { region: localRegion, dynamoEndpoint, sesEndpoint: `http://127.0.0.1:${settings.MAIL_PORT}` },
  });
  return { repository: deps.repository, config: deps.config, deps, close: () => undefined };
}
