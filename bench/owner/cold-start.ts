import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { build } from 'esbuild';
import { parseForceConfig, runtimeConfigOf } from '../../functions/core/config/force-config.js';
import { createDocumentClient, localCredentials } from '../../functions/adapters/aws-clients.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { DynamoLinkTokenStore } from '../../functions/adapters/dynamodb/link-token-store.js';
import { issueLink } from '../../functions/core/links/links.js';
import { makeAction, makePerson } from '../../test/support/make-action.js';
import { bundleOptions } from '../../infra/constructs/build-bundle.js';
import { bundleSettings, repoRoot } from '../../infra/constructs/bundle-settings.js';
import { startDynalite } from '../../infra/local/stand-ins.js';
import { percentile } from '../figure.js';
import type { NodeBinary } from './lambda-node.js';
import { runCommand } from './run-command.js';

const runs = 20;

/**
 * Times module load plus one request in a fresh Node process: what a Lambda cold start pays for. With
 * a fourth argument it times nothing and counts calls into Intl instead (the first starts ICU).
 */
const childScript = `
let intlCalls = 0;
if (process.argv[4] === 'count-intl') {
  const counted = (target) => new Proxy(target, {
    apply: (fn, self, args) => (intlCalls++, Reflect.apply(fn, self, args)),
    construct: (fn, args, newTarget) => (intlCalls++, Reflect.construct(fn, args, newTarget)),
  });
  for (const name of ['DateTimeFormat', 'Collator', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter']) Intl[name] = counted(Intl[name]);
  for (const [proto, names] of [[String.prototype, ['localeCompare', 'toLocaleUpperCase', 'toLocaleLowerCase']], [Number.prototype, ['toLocaleString']], [Date.prototype, ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']]]) {
    for (const name of names) proto[name] = counted(proto[name]);
  }
}
const t0 = performance.now();
const { handler } = await import(process.argv[2]);
const event = {
  version: '2.0', routeKey: '$default', rawPath: process.argv[3], rawQueryString: '', headers: { host: 'actions.bench.example' },
  requestContext: { accountId: '1', apiId: 'a', domainName: 'actions.bench.example', domainPrefix: 'actions', requestId: 'r', routeKey: '$default', stage: '$default', time: '', timeEpoch: 0,
    http: { method: 'GET', path: process.argv[3], protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' } },
  isBase64Encoded: false,
};
const response = await handler(event, {});
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, status: response.statusCode, intlCalls }));
`;

interface ChildResult {
  ms: number;
  status: number;
  intlCalls: number;
}

async function runChild(node: string, script: string, entry: string, path: string, env: NodeJS.ProcessEnv, countIntl = false): Promise<ChildResult> {
  const ran = await runCommand(node, [script, entry, path, ...(countIntl ? ['count-intl'] : [])], { env });
  if (ran?.code !== 0) throw new Error(`cold-start child failed (${ran?.code ?? `${node} not found`}): ${ran?.err ?? ''}`);
  const result = JSON.parse(ran.out) as ChildResult;
  if (result.status >= 500) throw new Error(`cold-start request answered ${result.status}: ${ran.err}`);
  return result;
}

/** Exports a handler that does nothing: what starting the child and loading one module cost, taken off both counts. */
const bareEntry = 'export const handler = async () => ({ statusCode: 404 });';

/**
 * Instructions one cold start executes, counted by valgrind's callgrind: the same count on every run
 * of one build, whatever else the machine is doing, so that a change of 1% shows (the timed ratio moves
 * by more than 10% with the host's state). Less V8's hash seeding, which draws a random seed and tests
 * numbers for primes until one is found, several million instructions more or less on each start
 * (fixing the seed with --hash-seed instead makes V8 rehash what it loads, which costs more than it
 * saves). Null when valgrind is not installed.
 */
async function countInstructions(node: string, script: string, entry: string, path: string, env: NodeJS.ProcessEnv, outFile: string): Promise<number | null> {
  const run = (command: string, args: string[]) => runCommand(command, args, { env });
  const counted = await run('valgrind', ['--tool=callgrind', `--callgrind-out-file=${outFile}`, node, script, entry, path]);
  if (counted === null) return null;
  const collected = /Collected : (\d+)/.exec(counted.err)?.[1];
  if (counted.code !== 0 || !collected) throw new Error(`callgrind run failed (${counted.code}): ${counted.err.slice(-2000)}`);
  // A page that failed under valgrind would count the wrong work, as runChild refuses it too.
  const status = (JSON.parse(counted.out) as ChildResult).status;
  if (status >= 500) throw new Error(`callgrind run answered ${status}: ${counted.err.slice(-2000)}`);
  const annotated = await run('callgrind_annotate', ['--inclusive=yes', '--threshold=100', outFile]);
  const seeding = annotated && /^\s*([\d,]+) .*HashSeed::InitializeRoots/m.exec(annotated.out)?.[1];
  if (!seeding) throw new Error(`callgrind_annotate found no hash seeding in ${outFile}: ${annotated?.err ?? 'not installed'}`);
  return Number(collected) - Number(seeding.replaceAll(',', ''));
}

/**
 * Builds one entry alone with the deploy's esbuild options, as CDK does for each function (built
 * together, the two entries would share chunks and each would load files split off for the other),
 * for the Node it runs on and without source maps, which a cold start does not read.
 */
async function buildEntry(entry: string, outdir: string, target: string): Promise<string> {
  await build({ ...bundleOptions('http', outdir), entryPoints: { index: join(repoRoot, entry) }, target, sourcemap: false, logLevel: 'silent' });
  return join(outdir, 'index.mjs');
}

export interface ColdStart {
  /** Medians in ms: module load plus the first request, in a fresh process. */
  httpMs: number;
  floorMs: number;
  /** Instructions each executes beyond a bare Node process loading a module that does nothing; null without valgrind. */
  instructions: { http: number; floor: number } | null;
  /** Calls into Intl during the http entry's start-up and first request, beyond the floor's. */
  extraIntlCalls: { unknownLink: number; ownersPage: number };
}

/** An owner with a link and a dozen actions (some overdue, refs to sort), as a real first page shows them. */
async function seedOwner(endpoint: string, tableName: string, configJson: string): Promise<string> {
  const doc = createDocumentClient({ region: 'eu-west-2', dynamoEndpoint: endpoint });
  const repository = new DynamoRepository(doc, tableName);
  const owner = makePerson({ id: 'owner', name: 'Supt Bench Owner', email: 'owner@bench.example' });
  await repository.putPerson(owner);
  const now = Date.now();
  for (let i = 0; i < 12; i++) {
    const target = i % 3 === 0 ? '2026-03' : '2027-06';
    // Three at a time share a last update, so that the page also orders some by ref.
    const lastUpdatedAt = new Date(now - Math.floor(i / 3) * 21 * 86_400_000).toISOString();
    await repository.putAction(makeAction({ id: `a${i}`, ref: `${1 + (i % 4)}.${i}`, ownerIds: ['owner'], lastUpdatedAt, timescale: { text: null, target, originalTarget: target, revisions: [] } }), null);
  }
  const config = JSON.parse(configJson) as Parameters<typeof issueLink>[0]['config'];
  const { token } = await issueLink({ config, repository, linkTokens: new DynamoLinkTokenStore(doc, tableName) }, owner, new Date(now));
  doc.destroy();
  return `/u/${token}`;
}

/**
 * The config as the stack hands it to each function (force-stack.ts): parsed, so every default is
 * filled in, without the deploy section. A minimal one would skip checks a deployed Lambda runs at start.
 */
function deployedConfigJson(): string {
  const config = parseForceConfig({ id: 'bench', name: 'Benchshire Police', baseUrl: 'https://actions.bench.example', sender: 's@bench.example', admins: ['a@bench.example'] }, 'bench');
  return JSON.stringify(runtimeConfigOf(config));
}

/** Median cold start of the http entry and of a floor entry, each built as deployed, on `node` (Lambda's, where it can be had). */
export async function measureColdStart(node: NodeBinary): Promise<ColdStart> {
  const target = node.fallback ? `node${node.version.split('.')[0]}` : bundleSettings.target;
  /*
   * Laid out as Lambda lays them out: each handler alone in a folder about as short as /var/task, and
   * this script in the runtime's place. Node's loader normalises every path it resolves, and with the
   * longer paths of one shared folder that function got hot enough in the http entry alone (15 files
   * to the floor's 9) for V8 to optimise it: 18M instructions (4%) that the deployed layout may not pay.
   */
  const folders = await Promise.all(['runtime', 'http', 'floor', 'bare'].map(() => mkdtemp(tmpdir() + sep)));
  const [dir, httpDir, floorDir, bareDir] = folders as [string, string, string, string];
  const dynamo = await startDynalite({ port: 0 });
  try {
    const entries = { http: await buildEntry('functions/http.ts', httpDir, target), floor: await buildEntry('bench/owner/floor-entry.ts', floorDir, target) };

    const tableName = 'bench-owner';
    const admin = new DynamoDBClient({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: localCredentials });
    await ensureTable(admin, tableName);
    admin.destroy();
    const configJson = deployedConfigJson();
    const ownersPage = await seedOwner(dynamo.endpoint, tableName, configJson);
    const script = join(dir, 'index.mjs');
    await writeFile(script, childScript);
    const env = {
      ...process.env,
      TABLE_NAME: tableName,
      AWS_REGION: 'eu-west-2',
      FORCE_CONFIG: configJson,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const path = `/u/${'b'.repeat(43)}`;
    const http: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved, so that a noisy moment on the machine hits both alike.
      http.push((await runChild(node.path, script, entries.http, path, env)).ms);
      floor.push((await runChild(node.path, script, entries.floor, path, env)).ms);
    }
    // The SDK makes one call of its own (toLocaleLowerCase, resolving its defaults mode) in both.
    const extraIntlCalls = async (page: string, expectedStatus: number) => {
      const counted = await runChild(node.path, script, entries.http, page, env, true);
      if (counted.status !== expectedStatus) throw new Error(`${page} answered ${counted.status}, not ${expectedStatus}: the count would be of another page`);
      return counted.intlCalls - (await runChild(node.path, script, entries.floor, page, env, true)).intlCalls;
    };
    const bare = join(bareDir, 'index.mjs');
    await writeFile(bare, bareEntry);
    const count = (entry: string, name: string) => countInstructions(node.path, script, entry, path, env, join(dir, `callgrind-${name}.out`));
    const [bareCount, httpCount, floorCount] = [await count(bare, 'bare'), await count(entries.http, 'http'), await count(entries.floor, 'floor')];
    return {
      httpMs: percentile(http, 50),
      floorMs: percentile(floor, 50),
      instructions: bareCount === null || httpCount === null || floorCount === null ? null : { http: httpCount - bareCount, floor: floorCount - bareCount },
      extraIntlCalls: { unknownLink: await extraIntlCalls(path, 404), ownersPage: await extraIntlCalls(ownersPage, 200) },
    };
  } finally {
    await dynamo.close();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  }
}
