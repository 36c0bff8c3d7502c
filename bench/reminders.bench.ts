import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, localCredentials } from '../functions/adapters/aws-clients.js';
import { ensureTable } from '../functions/adapters/dynamodb/create-table.js';
import { DynamoLinkTokenStore } from '../functions/adapters/dynamodb/link-token-store.js';
import { DynamoRepository } from '../functions/adapters/dynamodb/dynamo-repository.js';
import { toActionItem, toPersonItem, toUpdateItem, type Item } from '../functions/adapters/dynamodb/item-mapping.js';
import { DynamoRunReportStore } from '../functions/adapters/dynamodb/run-report-store.js';
import { createSesClient, SesMailer } from '../functions/adapters/ses/ses-mailer.js';
import { parseForceConfig, type ForceConfig } from '../functions/core/config/force-config.js';
import type { Mailer } from '../functions/core/ports.js';
import { noPacing } from '../functions/core/reminders/pacer.js';
import { runReminders } from '../functions/core/reminders/run-reminders.js';
import { reminderJobDeps } from '../functions/reminder-job.js';
import { startDynalite, startLocalSes } from '../infra/local/stand-ins.js';
import { makeAction, makePerson, makeUpdate } from '../test/support/make-action.js';
import type { BenchFigure } from './figure.js';

const at = new Date('2026-11-24T09:00:00Z');
const daysAgo = (days: number) => new Date(at.getTime() - days * 86_400_000).toISOString();
const region = 'eu-west-2';

/** What the job read: Items returned by every Query and Get, and how many Scans it issued. */
function countReads(doc: DynamoDBDocumentClient) {
  const counts = { items: 0, scans: 0, counting: false };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (counts.counting) {
        if (context.commandName === 'ScanCommand') counts.scans++;
        const output = result.output as { Items?: unknown[]; Item?: unknown };
        counts.items += (output.Items?.length ?? 0) + (output.Item ? 1 : 0);
      }
      return result;
    },
    { step: 'initialize', name: 'countReads' },
  );
  return counts;
}

/** Seeds straight to the table, 25 items a request and 8 requests at once, so seeding stays quick. */
async function batchWrite(doc: DynamoDBDocumentClient, tableName: string, items: Item[]): Promise<void> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  const worker = async () => {
    for (let batch = batches.pop(); batch; batch = batches.pop()) {
      let pending: Item[] = batch;
      while (pending.length > 0) {
        const { UnprocessedItems } = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending.map((Item) => ({ PutRequest: { Item } })) } }));
        pending = (UnprocessedItems?.[tableName] ?? []).map((r) => r.PutRequest!.Item as Item);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * `people` owners, `actions` actions of which every (1/staleShare)-th is stale, spread across owners, and
 * 1% proposed for closure (half of them waiting past the threshold for their SRO). Each stale action and
 * closure has the history of its last update, as real ones do, so that reading history would show in
 * the items-read figure.
 */
function force(people: number, actions: number, staleEvery: number) {
  const directory = Array.from({ length: people }, (_, i) => makePerson({ id: `p${i}`, name: `Supt Owner ${i}`, email: `owner${i}@bench.example` }));
  const plan = Array.from({ length: actions }, (_, i) => {
    const stale = i % staleEvery === 0;
    const closure = i % 100 === 50 && !stale;
    const age = stale || (closure && i % 200 === 50) ? 40 + (i % 50) : 1 + (i % 20);
    const status = closure ? 'proposed-closure' : 'open';
    return makeAction({ id: `a${i}`, ref: `R${i}`, sroId: `p${i % 20}`, ownerIds: [`p${Math.floor(i / staleEvery) % people}`], lastUpdatedAt: daysAgo(age), status, version: 2 });
  });
  const history = plan
    .filter((action, i) => i % staleEvery === 0 || action.status === 'proposed-closure')
    .map((action) => makeUpdate({ actionId: action.id, version: 2, at: action.lastUpdatedAt!, by: action.ownerIds[0]!, patch: { latestProgress: 'Work continues.' }, changes: [] }));
  return [...directory.map(toPersonItem), ...plan.map(toActionItem), ...history.map(toUpdateItem)];
}

async function setUp(dynamoEndpoint: string, tableName: string) {
  const admin = new DynamoDBClient({ region, endpoint: dynamoEndpoint, credentials: localCredentials });
  await ensureTable(admin, tableName);
  admin.destroy();
  const doc = createDocumentClient({ region, dynamoEndpoint });
  return doc;
}

function deps(doc: DynamoDBDocumentClient, tableName: string, config: ForceConfig, mailer: Mailer) {
  return reminderJobDeps(
    {
      config,
      repository: new DynamoRepository(doc, tableName),
      clock: { now: () => new Date() },
      getMailer: async () => mailer,
      linkTokens: new DynamoLinkTokenStore(doc, tableName),
      runReports: new DynamoRunReportStore(doc, tableName),
    },
    () => undefined,
  );
}

export default async function remindersBench(): Promise<BenchFigure[]> {
  const dynamo = await startDynalite({ port: 0 });
  const ses = await startLocalSes({ port: 0 });
  const baseConfig = { id: 'bench', name: 'Benchshire Police', baseUrl: 'https://actions.bench.example', sender: 'actions@bench.example', admins: ['admin@bench.example'] };
  const sesClient = createSesClient({ region, sesEndpoint: ses.endpoint });
  try {
    // 10,000 actions, 500 people, 5% stale (one stale action per person), SES pacing off.
    const doc = await setUp(dynamo.endpoint, 'bench-reads');
    await batchWrite(doc, 'bench-reads', force(500, 10_000, 20));
    const reads = countReads(doc);
    const readConfig = parseForceConfig({ ...baseConfig, sendRatePerSecond: 1000 }, 'bench');
    reads.counting = true;
    const start = performance.now();
    const { report, plan } = await runReminders({ ...deps(doc, 'bench-reads', readConfig, new SesMailer(sesClient, readConfig.sender)), pacer: noPacing, concurrency: 16 }, { dryRun: false, at });
    const elapsed = performance.now() - start;
    reads.counting = false;
    if (report.peopleReminded !== 500) throw new Error(`expected 500 reminders, sent ${report.peopleReminded}`);
    if (plan.waitingClosures !== 50) throw new Error(`expected 50 closures waiting, found ${plan.waitingClosures}`);

    // Pacing: 200 emails at 20 per second to aws-ses-v2-local.
    const paceDoc = await setUp(dynamo.endpoint, 'bench-pacing');
    await batchWrite(paceDoc, 'bench-pacing', force(200, 200, 1));
    const paceConfig = parseForceConfig({ ...baseConfig, sendRatePerSecond: 20 }, 'bench');
    const sesMailer = new SesMailer(sesClient, paceConfig.sender);
    const sendStarts: number[] = [];
    let firstDelivery: number | null = null;
    const timed: Mailer = { send: (email) => (sendStarts.push(performance.now()), sesMailer.send(email)) };
    const paceDeps = deps(paceDoc, 'bench-pacing', paceConfig, timed);
    const issueLink = paceDeps.issueLink;
    paceDeps.issueLink = (person, now) => ((firstDelivery ??= performance.now()), issueLink(person, now));
    const paced = await runReminders(paceDeps, { dryRun: false, at });
    const lastSend = Math.max(...sendStarts);
    if (paced.report.peopleReminded !== 200) throw new Error(`expected 200 paced reminders, sent ${paced.report.peopleReminded}`);
    // n sends over the time from the first delivery to the last send: n intervals at the configured rate.
    const achieved = sendStarts.length / ((lastSend - firstDelivery!) / 1000);

    doc.destroy();
    paceDoc.destroy();
    const people = 500;
    return [
      { name: 'reminder run, 10,000 actions / 500 stale / 50 closures waiting / 500 people, pacing off: time', value: elapsed, unit: 'ms', budget: 20_000 },
      { name: 'reminder run: items read / (stale actions + waiting closures + people)', value: reads.items / (report.staleActions + plan.waitingClosures + people), unit: '×', budget: 1.05 },
      { name: 'reminder run: Scans', value: reads.scans, unit: 'Scans', budget: 0 },
      { name: 'pacing: 200 emails at 20/s to aws-ses-v2-local, achieved / configured rate', value: achieved / paceConfig.sendRatePerSecond, unit: '×', budget: [0.9, 1.0] },
    ];
  } finally {
    sesClient.destroy();
    await ses.close();
    await dynamo.close();
  }
}
