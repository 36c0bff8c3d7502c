import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, localCredentials } from '../../functions/adapters/aws-clients.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { startDynalite } from '../../infra/local/stand-ins.js';

export interface DynamoFixture {
  doc: DynamoDBDocumentClient;
  /** dynalite's own address, for a proxy in front of it. */
  endpoint: string;
  /** How often each command was sent through `doc` (e.g. "QueryCommand"), to prove no Scan is issued. */
  commandCounts: Map<string, number>;
  /** A fresh, empty force table, so that tests never see each other's items. */
  createTable(): Promise<string>;
  close(): Promise<void>;
}

/** In-process dynalite with the production document client pointed at it. */
export async function startDynamoFixture(): Promise<DynamoFixture> {
  const dynalite = await startDynalite({ port: 0 });
  const endpoints = { region: 'eu-west-2', dynamoEndpoint: dynalite.endpoint };
  const doc = createDocumentClient(endpoints);
  const admin = new DynamoDBClient({ region: endpoints.region, endpoint: dynalite.endpoint, credentials: localCredentials });
  const commandCounts = new Map<string, number>();
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      commandCounts.set(name, (commandCounts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  let tables = 0;
  return {
    doc,
    endpoint: dynalite.endpoint,
    commandCounts,
    async createTable() {
      const name = `force-${++tables}`;
      await ensureTable(admin, name);
      return name;
    },
    async close() {
      doc.destroy();
      admin.destroy();
      await dynalite.close();
    },
  };
}
