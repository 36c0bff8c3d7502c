import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localCredentials } from '../../functions/adapters/aws-clients.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { composeDeps, systemClock, type CoreDeps } from '../../functions/runtime/compose.js';
import { createApp } from '../../web/app.js';
import { loadForceConfig } from '../forces/load-force-config.js';
import { localJobs } from './local-jobs.js';
import { loadDemoForce } from './load-demo-force.js';
import { startSchedules, type RunningSchedule } from './schedules.js';
import { startDynalite, startLocalSes } from './stand-ins.js';

export interface LocalStackOptions {
  forceId?: string;
  /** Keep the data in memory only; otherwise it persists under dataDir. */
  memory: boolean;
  dataDir?: string;
  /** 0 picks a free port (tests); the defaults are the README's. */
  ports?: { app?: number; mail?: number; dynamo?: number };
  loadDemo?: boolean;
  schedules?: boolean;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface LocalStack {
  appUrl: string;
  mailUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  dataPath: string | null;
  demoLoaded: boolean;
  deps: CoreDeps;
  schedules: RunningSchedule[];
  stop(): Promise<void>;
}

export const localRegion = 'eu-west-2';
export const localTableName = (forceId: string) => `action-plan-${forceId}`;

/**
 * The production wiring on local stand-ins: dynalite for DynamoDB, aws-ses-v2-local for SES, the same
 * createApp on @hono/node-server and the jobs on the config's schedules. Nothing else differs.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const config = await loadForceConfig(options.forceId ?? 'demo');
  const dataPath = options.memory ? null : `${options.dataDir ?? '.data'}/${config.id}/dynamodb`;
  if (dataPath) await mkdir(dataPath, { recursive: true });

  const stopping: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const step of stopping.reverse()) await step();
  };
  try {
    const dynamo = await startDynalite({ port: options.ports?.dynamo ?? 8000, ...(dataPath ? { path: dataPath } : {}) });
    stopping.push(() => dynamo.close());
    const ses = await startLocalSes({ port: options.ports?.mail ?? 8005 });
    stopping.push(() => ses.close());

    const tableName = localTableName(config.id);
    const admin = new DynamoDBClient({ region: localRegion, endpoint: dynamo.endpoint, credentials: localCredentials });
    await ensureTable(admin, tableName);
    admin.destroy();

    // The app needs its own address in config (links, CSRF origin), known only once it listens.
    let fetchApp: ReturnType<typeof createApp>['fetch'] | undefined;
    // The node server's bindings (its socket) passed on, or every caller shares the rate limits' one "unknown" client.
    const server = createAdaptorServer({ fetch: (request: Request, env: unknown) => fetchApp!(request, env as never) });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.ports?.app ?? 3000, '127.0.0.1', () => resolve());
    });
    stopping.push(
      () =>
        new Promise<void>((resolve) => {
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          server.close(() => resolve());
        }),
    );
    const appUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
    const deps = composeDeps({
      config: { ...config, baseUrl: appUrl },
      tableName,
      endpoints: { region: localRegion, dynamoEndpoint: dynamo.endpoint, sesEndpoint: ses.endpoint },
      clock: options.now ? { now: options.now } : systemClock,
    });
    fetchApp = createApp(deps).fetch;

    const demoLoaded = options.loadDemo === false ? false : await loadDemoForce(deps);
    const schedule = options.schedules === false ? null : startSchedules(localJobs(deps, log), deps.config, log);
    if (schedule) stopping.push(() => schedule.stop());

    return {
      appUrl,
      mailUrl: ses.endpoint.replace('127.0.0.1', 'localhost'),
      dynamoEndpoint: dynamo.endpoint,
      tableName,
      dataPath,
      demoLoaded,
      deps,
      schedules: schedule?.list() ?? [],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
