import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws-clients.js';
import { DynamoAuditLog } from '../../functions/adapters/dynamodb/audit-log-store.js';
import { putNew } from '../../functions/adapters/dynamodb/conditional-write.js';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { DynamoLinkTokenStore } from '../../functions/adapters/dynamodb/link-token-store.js';
import { DynamoRateLimitStore } from '../../functions/adapters/dynamodb/rate-limit-store.js';
import { DynamoSessionStore } from '../../functions/adapters/dynamodb/session-store.js';
import { DynamoSignInLinkStore } from '../../functions/adapters/dynamodb/sign-in-link-store.js';
import { DynamoSummaryStore } from '../../functions/adapters/dynamodb/summary-store.js';
import { ConflictError } from '../../functions/core/errors.js';
import { generatePlan, snapshotOf } from '../board-summary/plan-fixture.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { makeAction, makePerson, makeReminder } from '../support/make-action.js';
import { startDynamoFixture, type DynamoFixture } from './dynamo-fixture.js';

/*
 * Each write's first try reaches dynalite and is applied, and its answer is lost (a 500, as a dropped
 * connection or a late answer is to the SDK); the SDK sends it again, and the retry's condition then
 * fails against the first try. Each write must count as written, and still refuse anyone else's.
 */
let dynamo: DynamoFixture;
let proxy: FaultProxy | undefined;
let lossy: DynamoDBDocumentClient | undefined;
/** Writes that reached the proxy: each first try and its retry. */
let writes = 0;

beforeAll(async () => {
  dynamo = await startDynamoFixture();
});
afterAll(() => dynamo.close());
afterEach(async () => {
  lossy?.destroy();
  await proxy?.close();
  lossy = proxy = undefined;
});

/** A table, the plain client on it, and a client whose every write's first answer is lost. */
async function lostAnswers(operations = ['PutItem', 'UpdateItem']) {
  const table = await dynamo.createTable();
  writes = 0;
  proxy = await startFaultProxy(dynamo.endpoint, (_request, _connection, operation) =>
    operations.includes(operation) && writes++ % 2 === 0 ? 'lose-answer' : 'forward',
  );
  lossy = createDocumentClient({ region: 'eu-west-2', dynamoEndpoint: proxy.endpoint });
  return { table, lossy };
}

const hash = (n: number) => n.toString(16).padStart(64, '0');
const at = '2026-11-29T10:00:00.000Z';

describe('a conditional write applied, whose answer was lost, and sent again', () => {
  it('a new item (audit entry, session, owner link, sign-in link) is written once, not refused as already there', async () => {
    const { table, lossy } = await lostAnswers();
    const entry = { at, by: 'admin@testshire.example', change: 'reassign-owners', target: { type: 'action' as const, id: 'a-1' }, before: { ownerIds: ['p-1'] }, after: { ownerIds: ['p-2'] } };
    await new DynamoAuditLog(lossy, table).record(entry);
    const session = { hash: hash(1), email: 'admin@testshire.example', name: 'Sam Admin', personId: null, role: 'admin' as const, createdAt: at, lastSeenAt: at, expiresAt: '2026-11-29T22:00:00.000Z' };
    await new DynamoSessionStore(lossy, table).create(session);
    const token = { hash: hash(2), personId: 'p-1', issuedAt: at, expiresAt: '2026-12-20T10:00:00.000Z' };
    await new DynamoLinkTokenStore(lossy, table).putToken(token);
    const link = { hash: hash(3), email: 'admin@testshire.example', issuedAt: at, expiresAt: '2026-11-29T10:15:00.000Z', usedAt: null };
    await new DynamoSignInLinkStore(lossy, table).putLink(link);
    // Four writes, each sent twice: the retries were refused by their conditions and still counted.
    expect(writes).toBe(8);

    expect((await new DynamoAuditLog(dynamo.doc, table).listRecent(10)).entries).toEqual([entry]);
    expect(await new DynamoSessionStore(dynamo.doc, table).get(hash(1))).toEqual(session);
    expect(await new DynamoLinkTokenStore(dynamo.doc, table).getToken(hash(2))).toEqual(token);
    expect(await new DynamoSignInLinkStore(dynamo.doc, table).getLink(hash(3))).toEqual(link);
    // Someone else's item with the same key is still refused.
    await expect(new DynamoSessionStore(dynamo.doc, table).create({ ...session, name: 'Someone else' })).rejects.toThrow(/already in the table/);
  });

  it("an import's new action and an edit on its version are written, not taken for someone else's save", async () => {
    const { table, lossy } = await lostAnswers();
    const repository = new DynamoRepository(lossy, table);
    const action = makeAction();
    await repository.putAction(action, null);
    const edited = { ...action, plan: 'Reworded by the admin', version: action.version + 1 };
    await repository.putAction(edited, action.version);
    expect(writes).toBe(4);
    expect(await new DynamoRepository(dynamo.doc, table).getAction(action.id)).toEqual(edited);
  });

  it('an equal item put by someone else, refused on its first try, is still refused: only a retry reads back', async () => {
    const table = await dynamo.createTable();
    const repository = new DynamoRepository(dynamo.doc, table);
    await repository.putAction(makeAction(), null);
    await expect(repository.putAction(makeAction(), null)).rejects.toBeInstanceOf(ConflictError);
  });

  it('an item is compared as DynamoDB stores it: undefined left out, sets and binary kept', async () => {
    const { table, lossy } = await lostAnswers();
    const item = { pk: 'SHAPES', sk: 'ONE', list: [1, undefined, 2], nested: { gone: undefined, kept: '' }, tags: new Set(['a', 'b']), bytes: new Uint8Array([1, 2, 3]) };
    await putNew(lossy, { TableName: table, Item: item });
    expect(writes).toBe(2);
  });

  it('a sign-in link is used once: its own retry counts as that use, a second use does not', async () => {
    const { table, lossy } = await lostAnswers();
    const link = { hash: hash(4), email: 'admin@testshire.example', issuedAt: at, expiresAt: '2026-11-29T10:15:00.000Z', usedAt: null };
    const links = new DynamoSignInLinkStore(dynamo.doc, table);
    await links.putLink(link);
    expect(await new DynamoSignInLinkStore(lossy, table).markUsed(hash(4), at)).toBe(true);
    expect(writes).toBe(2);
    // Even at the very same instant, another use is another use.
    expect(await links.markUsed(hash(4), at)).toBe(false);
  });

  it("a run's claims (a board recipient, a reminder, a day's email) are its own; another run's claim of the same is refused", async () => {
    const { table, lossy } = await lostAnswers();
    const claimedAt = new Date(at);
    expect(await new DynamoSummaryStore(lossy, table).claimSend('2026-10', 'dcc@testshire.example', claimedAt)).toBe('claimed');
    expect(await new DynamoSummaryStore(dynamo.doc, table).claimSend('2026-10', 'dcc@testshire.example', claimedAt)).toBe('in-flight');

    const reminder = makeReminder();
    expect(await new DynamoRepository(lossy, table).claimReminder(reminder)).toBe(true);
    expect(await new DynamoRepository(dynamo.doc, table).claimReminder(reminder)).toBe(false);
    expect(await new DynamoRepository(lossy, table).claimDailyEmail('p-1', '2025-02-03')).toBe(true);
    expect(await new DynamoRepository(dynamo.doc, table).claimDailyEmail('p-1', '2025-02-03')).toBe(false);
    expect(writes).toBe(6);
  });

  it('a hit on a limit of one (the closure email, sent once) is counted once and is its own; the next is refused', async () => {
    const { table, lossy } = await lostAnswers();
    const window = ['2026-11-29T00:00:00.000Z', 1, '2026-12-01T00:00:00.000Z'] as const;
    expect(await new DynamoRateLimitStore(lossy, table).consume('closure-email#a-1#v3', ...window)).toBe(true);
    expect(writes).toBe(2);
    const limits = new DynamoRateLimitStore(dynamo.doc, table);
    expect(await limits.consume('closure-email#a-1#v3', ...window)).toBe(false);
    // Counted once: the retry did not add a second hit, so a limit of two has room for one more.
    expect(await new DynamoRateLimitStore(lossy, table).consume('fresh-link#p-1', '2026-11-29T10:00:00.000Z', 2, window[2])).toBe(true);
    expect(await limits.isFull('fresh-link#p-1', '2026-11-29T10:00:00.000Z', 2)).toBe(false);
  });

  it("an admin's mark that someone's email works again is its own, so the page audits it", async () => {
    const { table, lossy } = await lostAnswers();
    const person = makePerson({ mailStatus: 'bounced' });
    await new DynamoRepository(dynamo.doc, table).putPerson(person);
    expect(await new DynamoRepository(lossy, table).markMailStatus(person.id, person.email, 'ok', ['bounced'])).toBe(true);
    expect(writes).toBe(2);
    expect(await new DynamoRepository(dynamo.doc, table).getPerson(person.id)).toEqual({ ...person, mailStatus: 'ok' });
    // Someone else's mark of the same, after it, finds the status moved on.
    expect(await new DynamoRepository(dynamo.doc, table).markMailStatus(person.id, person.email, 'ok', ['bounced'])).toBe(false);
  });

  it("a month's summary whose header answer was lost is kept whole, not deleted as another run's", async () => {
    const { table, lossy } = await lostAnswers();
    const snapshot = snapshotOf(generatePlan(12, 2));
    expect(await new DynamoSummaryStore(lossy, table).putSnapshot(snapshot)).toBe(true);
    expect(await new DynamoSummaryStore(dynamo.doc, table).getSnapshot('2026-10')).toEqual(snapshot);
    expect(await new DynamoSummaryStore(dynamo.doc, table).listSummaries()).toHaveLength(1);
  });

  it("a bounced board claim an admin gives back is given back, not taken for one that was not bounced", async () => {
    const { table, lossy } = await lostAnswers(['DeleteItem']);
    const store = new DynamoSummaryStore(dynamo.doc, table);
    const sentAt = new Date(at);
    await store.claimSend('2026-10', 'pcc@testshire.example', sentAt);
    await store.confirmSent('2026-10', 'pcc@testshire.example', sentAt, 'm-1');
    await store.markBounced('2026-10', 'pcc@testshire.example');
    expect(await new DynamoSummaryStore(lossy, table).releaseBounced('2026-10', 'pcc@testshire.example')).toBe(true);
    expect(writes).toBe(2);
    expect(await store.claimSend('2026-10', 'pcc@testshire.example', sentAt)).toBe('claimed');
  });
});
