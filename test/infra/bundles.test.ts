import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { createDocumentClient, localCredentials } from '../../functions/adapters/aws-clients.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { DynamoSummaryStore } from '../../functions/adapters/dynamodb/summary-store.js';
import { loadForceConfig } from '../../infra/forces/load-force-config.js';
import { startDynalite } from '../../infra/local/stand-ins.js';
import { synthForce } from './synth-force.js';

const run = promisify(execFile);

/** Runs a bundle's handler in a plain Node process, as Lambda's runtime would load index.mjs. */
async function invokeBundle(file: string, event: unknown, env: Record<string, string>): Promise<unknown> {
  const script = 'const m = await import(process.argv[1]); console.log(JSON.stringify(await m.handler(JSON.parse(process.argv[2]))));';
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, file, JSON.stringify(event)], {
    env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('the bundles cdk synth produces (local esbuild, no Docker)', () => {
  it('bundles every function, and the http and mail-events bundles run on their own', { timeout: 120_000 }, async () => {
    const { app, stacks } = await synthForce('demo', { bundle: true });
    const assembly = app.synth();
    const template = Template.fromStack(stacks[0]!);
    const bundles = Object.fromEntries(
      Object.entries(template.findResources('AWS::Lambda::Function')).map(([id, fn]) => {
        const key = (fn.Properties as { Code: { S3Key: string } }).Code.S3Key;
        return [id, join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs')];
      }),
    );
    for (const [id, file] of Object.entries(bundles)) {
      expect(existsSync(file), id).toBe(true);
      // Split into chunks: the entry may be small, but the folder holds the SDK and the app.
      const folder = dirname(file);
      const javascript = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.mjs'));
      expect(javascript.reduce((bytes, name) => bytes + statSync(join(folder, name)).size, 0), id).toBeGreaterThan(300_000);
    }

    const { deploy: _, ...config } = await loadForceConfig('demo');
    const env = { TABLE_NAME: 't', FORCE_CONFIG: JSON.stringify(config), AWS_REGION: 'eu-west-2' };
    const httpBundle = Object.entries(bundles).find(([id]) => id.startsWith('WebHttp'))![1];
    const get = (path: string) => ({ version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', headers: { host: 'x.example' }, requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'node' }, requestId: 'r', routeKey: '$default', stage: '$default', timeEpoch: 0 }, isBase64Encoded: false });
    expect(await invokeBundle(httpBundle, get('/healthz'), env)).toMatchObject({ statusCode: 200, body: 'ok' });
    // The admin console is a chunk of its own, loaded on its first request: it must load from the bundle too.
    expect(await invokeBundle(httpBundle, get('/admin/sign-in'), env)).toMatchObject({ statusCode: 200, body: expect.stringContaining('Sign in to the admin console') });

    const mailEventsBundle = Object.entries(bundles).find(([id]) => id.startsWith('MailMailEvents'))![1];
    const delivery = { Records: [{ EventSource: 'aws:sns', Sns: { Message: JSON.stringify({ eventType: 'Delivery', delivery: {} }) } }] };
    expect(await invokeBundle(mailEventsBundle, delivery, env)).toEqual({ marked: [], unknown: 0, boardBounces: 0 });

    // A board summary's bounce loads the stores chunk the bundle keeps apart, and marks the month's claim.
    const dynamo = await startDynalite({ port: 0 });
    try {
      const admin = new DynamoDBClient({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: localCredentials });
      await ensureTable(admin, 'bundles-test');
      admin.destroy();
      const doc = createDocumentClient({ region: 'eu-west-2', dynamoEndpoint: dynamo.endpoint });
      const summaries = new DynamoSummaryStore(doc, 'bundles-test');
      await summaries.claimSend('2026-10', 'pcc.office@example.police.uk', new Date('2026-11-02T07:30:00Z'));
      const bounce = { eventType: 'Bounce', mail: { tags: { 'board-summary': ['2026-10'] } }, bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'pcc.office@example.police.uk' }] } };
      const local = { ...env, TABLE_NAME: 'bundles-test', AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
      expect(await invokeBundle(mailEventsBundle, { Records: [{ EventSource: 'aws:sns', Sns: { Message: JSON.stringify(bounce) } }] }, local)).toEqual({ marked: [], unknown: 1, boardBounces: 1 });
      expect(await summaries.listSendClaims('2026-10')).toMatchObject([{ sent: true, bounced: true }]);
      doc.destroy();
    } finally {
      await dynamo.close();
    }
  });
});
