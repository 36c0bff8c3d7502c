import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does with one request: pass it on and relay the answer; pass it on and tell the
 * caller 500 (SES took the email, then the answer was lost); take it and never answer (a kept-alive
 * connection that died while Lambda froze the sandbox); or pass it on and relay the answer's headers
 * and half its body, then nothing more.
 */
export type Fault = 'forward' | 'lose-answer' | 'hang' | 'stall-answer';

export interface FaultProxy {
  endpoint: string;
  /** Requests that reached the proxy, answered or not. */
  received: () => number;
  /** Requests the proxy passed on, each delivered to the real endpoint. */
  delivered: () => number;
  /** Connections opened to the proxy so far. */
  connections: () => number;
  close: () => Promise<void>;
}

/**
 * Stands in front of an HTTP API (dynalite, aws-ses-v2-local) and plays `faultFor(n, c, operation)` on
 * its n-th request, which came on its c-th connection (both from 1); `operation` is DynamoDB's, as
 * "PutItem", from the request's X-Amz-Target header (empty for SES).
 */
export async function startFaultProxy(target: string, faultFor: (request: number, connection: number, operation: string) => Fault): Promise<FaultProxy> {
  let received = 0;
  let delivered = 0;
  let opened = 0;
  const connections = new WeakMap<Socket, number>();
  const server = createServer((request, response) => {
    const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const fault = faultFor(++received, connections.get(request.socket) ?? 0, operation);
    if (fault === 'hang') return;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host'));
      void fetch(new URL(request.url ?? '/', target), { method: request.method ?? 'POST', headers, body: Buffer.concat(chunks) }).then(async (passed) => {
        const body = Buffer.from(await passed.arrayBuffer());
        delivered++;
        if (fault === 'lose-answer') {
          response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'InternalFailure' }));
          return;
        }
        response.writeHead(passed.status, { 'content-type': passed.headers.get('content-type') ?? 'application/json', 'content-length': String(body.length) });
        if (fault === 'stall-answer') response.write(body.subarray(0, body.length >> 1));
        else response.end(body);
      }).catch(() => response.destroy()); // the target closed: the caller sees a dropped connection
    });
  });
  server.on('connection', (socket: Socket) => connections.set(socket, ++opened));
  // Kept-alive connections stay open until the client closes them, as AWS's do between a Lambda's requests.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => received,
    delivered: () => delivered,
    connections: () => opened,
    close: () =>
      new Promise((resolve) => {
        // A hanging request holds its connection open, which would keep close() waiting for ever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every request reaches the real endpoint (aws-ses-v2-local, which stores the email), and its answer is lost. */
export const startLostAnswerProxy = (target: string): Promise<FaultProxy> => startFaultProxy(target, () => 'lose-answer');
