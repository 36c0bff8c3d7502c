import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoSummaryStore } from '../../functions/adapters/dynamodb/summary-store.js';
import { MemorySummaryStore } from '../../functions/adapters/memory/memory-summary-store.js';
import { boardSendStatus, type SummaryStore } from '../../functions/core/board-summary/summary-store.js';
import { startDynamoFixture, type DynamoFixture } from '../adapters/dynamo-fixture.js';
import { generatePlan, snapshotOf } from './plan-fixture.js';

let dynamo: DynamoFixture;
beforeAll(async () => {
  dynamo = await startDynamoFixture();
});
afterAll(() => dynamo.close());

const adapters: Array<[string, () => Promise<SummaryStore>]> = [
  ['memory', async () => new MemorySummaryStore()],
  ['dynamodb', async () => new DynamoSummaryStore(dynamo.doc, await dynamo.createTable())],
];

describe.each(adapters)('summary store (%s)', (_name, create) => {
  const small = snapshotOf(generatePlan(12, 2));

  it('keeps a snapshot and gives it back as it was', async () => {
    const store = await create();
    expect(await store.getSnapshot('2026-10')).toBeNull();
    expect(await store.putSnapshot(small)).toBe(true);
    expect(await store.getSnapshot('2026-10')).toEqual(small);
  });

  it('never replaces a kept snapshot: the second put is refused and the first stands', async () => {
    const store = await create();
    await store.putSnapshot(small);
    const later = snapshotOf(generatePlan(3, 1), '2026-10', new Date('2026-11-03T07:30:00.000Z'));
    expect(await store.putSnapshot(later)).toBe(false);
    expect(await store.getSnapshot('2026-10')).toEqual(small);
    expect(await store.listSummaries()).toHaveLength(1);
  });

  it('claims each recipient once per month, whatever the case of the address, and can give a claim back', async () => {
    const store = await create();
    const at = new Date('2026-11-02T07:30:00.000Z');
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', at)).toBe('claimed');
    expect(await store.claimSend('2026-10', 'DCC@example.police.uk', at)).toBe('in-flight');
    expect(await store.claimSend('2026-11', 'dcc@example.police.uk', at)).toBe('claimed');
    await store.releaseSent('2026-10', 'dcc@example.police.uk');
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', at)).toBe('claimed');
    await store.confirmSent('2026-10', 'dcc@example.police.uk', at, 'm-1');
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', at)).toBe('sent');
  });

  it('takes over a claim a dead run left unconfirmed, once it is older than any run lasts, never a confirmed one', async () => {
    const store = await create();
    const at = new Date('2026-11-02T07:30:00.000Z');
    const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', at)).toBe('claimed');
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', minutes(10))).toBe('in-flight');
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', minutes(16))).toBe('claimed');
    await store.confirmSent('2026-10', 'dcc@example.police.uk', minutes(16), 'm-1');
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', minutes(60 * 24))).toBe('sent');
  });

  it("lists a month's claims, sent or not, under the address's key, and no other month's", async () => {
    const store = await create();
    const at = new Date('2026-11-02T07:30:00.000Z');
    await store.claimSend('2026-10', 'DCC@example.police.uk', at);
    await store.confirmSent('2026-10', 'dcc@example.police.uk', at, 'm-1');
    await store.claimSend('2026-10', 'pcc@example.police.uk', at);
    await store.claimSend('2026-11', 'chief@example.police.uk', at);
    const claims = await store.listSendClaims('2026-10');
    expect(claims.sort((a, b) => a.recipient.localeCompare(b.recipient))).toEqual([
      { recipient: 'dcc@example.police.uk', claimedAt: at.toISOString(), sent: true, bounced: false },
      { recipient: 'pcc@example.police.uk', claimedAt: at.toISOString(), sent: false, bounced: false },
    ]);
    await store.releaseSent('2026-10', 'pcc@example.police.uk');
    expect((await store.listSendClaims('2026-10')).map((c) => c.recipient)).toEqual(['dcc@example.police.uk']);
  });

  it("marks a sent month's claim bounced, whatever the case of the address; a bounce with no claim records nothing", async () => {
    const store = await create();
    const at = new Date('2026-11-02T07:30:00.000Z');
    await store.claimSend('2026-10', 'dcc@example.police.uk', at);
    await store.confirmSent('2026-10', 'dcc@example.police.uk', at, 'm-1');
    expect(await store.markBounced('2026-10', 'DCC@Example.police.uk')).toBe(true);
    expect(await store.markBounced('2026-10', 'nobody@example.police.uk')).toBe(false);
    expect(await store.markBounced('2026-09', 'dcc@example.police.uk')).toBe(false);
    expect(await store.listSendClaims('2026-10')).toEqual([{ recipient: 'dcc@example.police.uk', claimedAt: at.toISOString(), sent: true, bounced: true }]);
    expect(await store.listSendClaims('2026-09')).toEqual([]);
    // A bounced month is not sent to the same address again.
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', at)).toBe('bounced');
  });

  it('gives back a bounced claim alone, whatever the case of the address, so that the next send goes to it', async () => {
    const store = await create();
    const at = new Date('2026-11-02T07:30:00.000Z');
    for (const recipient of ['dcc@example.police.uk', 'pcc@example.police.uk']) {
      await store.claimSend('2026-10', recipient, at);
      await store.confirmSent('2026-10', recipient, at, 'm-1');
    }
    await store.claimSend('2026-10', 'chief@example.police.uk', at);
    await store.markBounced('2026-10', 'dcc@example.police.uk');
    // Had it, being sent it, never claimed, another month: nothing to give back, and nothing changes.
    expect(await store.releaseBounced('2026-10', 'pcc@example.police.uk')).toBe(false);
    expect(await store.releaseBounced('2026-10', 'chief@example.police.uk')).toBe(false);
    expect(await store.releaseBounced('2026-10', 'nobody@example.police.uk')).toBe(false);
    expect(await store.releaseBounced('2026-09', 'dcc@example.police.uk')).toBe(false);
    expect(await store.releaseBounced('2026-10', 'DCC@Example.police.uk')).toBe(true);
    expect(await store.releaseBounced('2026-10', 'dcc@example.police.uk')).toBe(false);
    expect((await store.listSendClaims('2026-10')).map((claim) => [claim.recipient, claim.sent, claim.bounced]).sort()).toEqual([
      ['chief@example.police.uk', false, false],
      ['pcc@example.police.uk', true, false],
    ]);
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', at)).toBe('claimed');
  });

  it("marks a bounce of the send a claim was confirmed with, not a late or repeated one of an earlier send of the month", async () => {
    const store = await create();
    const at = new Date('2026-11-02T07:30:00.000Z');
    await store.claimSend('2026-10', 'dcc@example.police.uk', at);
    await store.confirmSent('2026-10', 'dcc@example.police.uk', at, 'm-2');
    expect(await store.markBounced('2026-10', 'dcc@example.police.uk', { messageId: 'm-1' })).toBe(false);
    expect((await store.listSendClaims('2026-10'))[0]).toMatchObject({ sent: true, bounced: false });
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', at)).toBe('sent');
    expect(await store.markBounced('2026-10', 'dcc@example.police.uk', { messageId: 'm-2', sentAt: new Date('2026-11-02T07:30:02.000Z') })).toBe(true);
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', at)).toBe('bounced');
    // A claim whose send SES's lost answer left without an id is told by its time: made before the bounced email
    // was sent (a minute allowed for clocks), it is that email's; made after, it is a later send's.
    await store.claimSend('2026-10', 'pcc@example.police.uk', at);
    expect(await store.markBounced('2026-10', 'pcc@example.police.uk', { messageId: 'm-3', sentAt: new Date('2026-11-02T07:28:59.000Z') })).toBe(false);
    expect(await store.markBounced('2026-10', 'pcc@example.police.uk', { messageId: 'm-3', sentAt: new Date('2026-11-02T07:29:00.000Z') })).toBe(true);
  });

  it('takes a bounce on a claim never confirmed (SES took it, its answer was lost) as sent and bounced, never to be claimed again', async () => {
    const store = await create();
    const at = new Date('2026-11-02T07:30:00.000Z');
    await store.claimSend('2026-10', 'pcc@example.police.uk', at);
    expect(await store.markBounced('2026-10', 'pcc@example.police.uk')).toBe(true);
    expect(await store.listSendClaims('2026-10')).toEqual([{ recipient: 'pcc@example.police.uk', claimedAt: at.toISOString(), sent: true, bounced: true }]);
    expect(await store.claimSend('2026-10', 'pcc@example.police.uk', new Date('2026-11-03T07:30:00.000Z'))).toBe('bounced');
  });

  it('lists kept summaries newest first with their figures', async () => {
    const store = await create();
    const plan = generatePlan(5, 1);
    for (const month of ['2026-08', '2026-10', '2026-09']) await store.putSnapshot(snapshotOf(plan, month));
    const listed = await store.listSummaries();
    expect(listed.map((l) => l.month)).toEqual(['2026-10', '2026-09', '2026-08']);
    expect(listed[0]?.figures).toEqual(snapshotOf(plan, '2026-10').summary.figures);
  });
});

describe('summary store (dynamodb): claims written before claims were confirmed', () => {
  it('counts such a claim as sent, however old, so rerunning a month sends it to nobody twice', async () => {
    const tableName = await dynamo.createTable();
    const store = new DynamoSummaryStore(dynamo.doc, tableName);
    await dynamo.doc.send(new PutCommand({ TableName: tableName, Item: { pk: 'SUMMARY#2026-10', sk: 'SENT#dcc@example.police.uk', recipient: 'dcc@example.police.uk', claimedAt: '2026-11-02T07:30:00.000Z' } }));
    expect(await store.listSendClaims('2026-10')).toEqual([{ recipient: 'dcc@example.police.uk', claimedAt: '2026-11-02T07:30:00.000Z', sent: true, bounced: false }]);
    expect(await store.claimSend('2026-10', 'dcc@example.police.uk', new Date('2027-01-05T09:00:00.000Z'))).toBe('sent');
  });
});

describe('summary store (dynamodb) with a big plan', () => {
  it('keeps 5,000 incompressible actions in chunks under the 400 KB item limit, reads them back, and never scans', async () => {
    const tableName = await dynamo.createTable();
    const store = new DynamoSummaryStore(dynamo.doc, tableName);
    const big = snapshotOf(generatePlan(5_000, 0, { incompressible: true }));
    expect(JSON.stringify(big).length).toBeGreaterThan(3_000_000);
    expect(await store.putSnapshot(big)).toBe(true);

    const { Items = [] } = await dynamo.doc.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'SUMMARY#2026-10' } }),
    );
    const chunks = Items.filter((item) => String(item.sk).startsWith('CHUNK#'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect((chunk.data as Uint8Array).length).toBeLessThanOrEqual(300_000);

    const back = await store.getSnapshot('2026-10');
    expect(back?.plan).toHaveLength(5_000);
    expect(back).toEqual(big);
    expect(dynamo.commandCounts.get('ScanCommand') ?? 0).toBe(0);
  });

  it('leaves no chunks behind when it loses the race to keep a month', async () => {
    const tableName = await dynamo.createTable();
    const store = new DynamoSummaryStore(dynamo.doc, tableName, 1_000);
    const plan = generatePlan(30, 1, { incompressible: true });
    await store.putSnapshot(snapshotOf(plan));
    expect(await store.putSnapshot(snapshotOf(plan, '2026-10', new Date('2026-11-03T07:30:00.000Z')))).toBe(false);
    const { Items = [] } = await dynamo.doc.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'SUMMARY#2026-10' } }),
    );
    const ids = new Set(Items.filter((i) => String(i.sk).startsWith('CHUNK#')).map((i) => String(i.sk).split('#')[1]));
    expect(ids.size).toBe(1);
  });
});

describe('where each board member stands for a kept month', () => {
  it('reads claims as claimSend does: confirmed had it, a recent claim is in flight, a stale one or none has not had it', () => {
    const now = new Date('2026-11-02T08:00:00.000Z');
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
    const claims = [
      { recipient: 'chief@example.police.uk', claimedAt: ago(600), sent: true, bounced: false },
      { recipient: 'dcc@example.police.uk', claimedAt: ago(14), sent: false, bounced: false },
      { recipient: 'pcc@example.police.uk', claimedAt: ago(16), sent: false, bounced: false },
      { recipient: 'pcc.office@example.police.uk', claimedAt: ago(600), sent: true, bounced: true },
    ];
    // One marked as spam had it first: had it all the same. One whose bounce People marks too is bounced, and put right there first.
    claims.push({ recipient: 'was-sent@example.police.uk', claimedAt: ago(900), sent: true, bounced: false });
    claims.push({ recipient: 'bounced-too@example.police.uk', claimedAt: ago(900), sent: true, bounced: true });
    const board = {
      to: ['Chief@example.police.uk', 'dcc@example.police.uk', 'pcc@example.police.uk', 'acc@example.police.uk', 'PCC.Office@example.police.uk'],
      left: ['gone@example.police.uk'],
      unreachable: ['spam@example.police.uk', 'was-sent@example.police.uk', 'bounced-too@example.police.uk'],
    };
    expect(boardSendStatus(board, claims, now)).toEqual({
      left: ['gone@example.police.uk'],
      unreachable: ['spam@example.police.uk'],
      had: ['Chief@example.police.uk', 'was-sent@example.police.uk'],
      bounced: ['PCC.Office@example.police.uk', 'bounced-too@example.police.uk'],
      bouncedInPeople: ['bounced-too@example.police.uk'],
      inFlight: ['dcc@example.police.uk'],
      notHad: ['pcc@example.police.uk', 'acc@example.police.uk'],
    });
  });
});
