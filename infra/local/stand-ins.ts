import type { AddressInfo, Server } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface StandIn {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** Starts dynalite in this process; `path` persists to LevelDB, without it the data lives in memory. */
export async function startDynalite(options: { port?: number; path?: string } = {}): Promise<StandIn> {
  const dynalite = require('dynalite') as (options: { createTableMs: number; path?: string }) => Server;
  const server = dynalite({ createTableMs: 0, ...(options.path ? { path: options.path } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, port, close: () => closeServer(server) };
}

/** Starts aws-ses-v2-local in this process: its web UI and GET /store show every email sent. */
export async function startLocalSes(options: { port?: number } = {}): Promise<StandIn> {
  const start = require('aws-ses-v2-local').default as (config: { host: string; port: number }) => Promise<Server>;
  const server = await start({ host: '127.0.0.1', port: options.port ?? 0 });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      // Express keeps idle keep-alive sockets open; close them so that shutdown does not wait.
      (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
      await closeServer(server);
    },
  };
}
