import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LostAnswerProxy {
  endpoint: string;
  /** Requests the proxy passed on, each delivered to the real endpoint. */
  delivered: () => number;
  close: () => Promise<void>;
}

/**
 * Stands in front of an HTTP API and plays a lost answer: each request is passed on to the real
 * endpoint (aws-ses-v2-local, which stores the email), and the caller is then told 500, as when SES
 * accepted an email and the connection or the service failed before its answer came back.
 */
export async function startLostAnswerProxy(target: string): Promise<LostAnswerProxy> {
  let delivered = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host'));
      void fetch(new URL(request.url ?? '/', target), { method: request.method ?? 'POST', headers, body: Buffer.concat(chunks) }).then(async (passed) => {
        await passed.arrayBuffer();
        delivered++;
        response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'InternalFailure' }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered: () => delivered,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
