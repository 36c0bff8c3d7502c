import type { Context } from 'hono';

interface KnownEnv {
  /** hono/aws-lambda: API Gateway's view of the caller (HTTP API v2), which the caller cannot forge. */
  requestContext?: { http?: { sourceIp?: string } };
  /** @hono/node-server (the local runner): the socket. */
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * Who is asking, for the per-client rate limit: the source IP as API Gateway or the socket saw it.
 * Never X-Forwarded-For, which a caller can set to anything to dodge the limit.
 */
export function clientKey(c: Context): string {
  const env = (c.env ?? {}) as KnownEnv;
  return env.requestContext?.http?.sourceIp ?? env.incoming?.socket?.remoteAddress ?? 'unknown';
}
