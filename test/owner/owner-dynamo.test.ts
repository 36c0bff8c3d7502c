import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoLinkTokenStore } from '../../functions/adapters/dynamodb/link-token-store.js';
import { DynamoRateLimitStore } from '../../functions/adapters/dynamodb/rate-limit-store.js';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { issueLink, resolveLink, revokeLinks } from '../../functions/core/links/links.js';
import { createApp } from '../../web/app.js';
import { startDynamoFixture, type DynamoFixture } from '../adapters/dynamo-fixture.js';
import { alex, blake, config, ownerHarness, planActions, postForm, startNow, validUpdate } from './owner-fixture.js';

let dynamo: DynamoFixture;
beforeAll(async () => {
  dynamo = await startDynamoFixture();
});
afterAll(async () => {
  await dynamo?.close();
});

async function dynamoHarness() {
  const tableName = await dynamo.createTable();
  const repository = new DynamoRepository(dynamo.doc, tableName);
  const h = await ownerHarness({ repository });
  const deps = { ...h.deps, linkTokens: new DynamoLinkTokenStore(dynamo.doc, tableName), rateLimits: new DynamoRateLimitStore(dynamo.doc, tableName) };
  return { ...h, deps, app: createApp(deps), repository, tableName };
}

describe('the owner journey on DynamoDB (dynalite)', () => {
  it('saves exactly one of 20 parallel submissions on the same version; 19 see the conflict page', async () => {
    const h = await dynamoHarness();
    const token = (await issueLink(h.deps, alex, startNow)).token;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postForm(h.app, `/u/${token}/actions/101`, validUpdate({ progress: `Submission ${i}` }))),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const history = await h.repository.listUpdates('101');
    expect(history).toHaveLength(1);
    const action = await h.repository.getAction('101');
    expect(action!.version).toBe(2);
    expect(action!.latestProgress).toBe(history[0]!.patch.latestProgress);
    for (const response of responses.filter((r) => r.status === 409)) expect(await response.text()).toContain('was updated while you were writing');
  });

  it('writes nothing on 10 GETs and a HEAD of each owner page, as a mail scanner would send them', async () => {
    const h = await dynamoHarness();
    const token = (await issueLink(h.deps, alex, startNow)).token;
    const saved = (await postForm(h.app, `/u/${token}/actions/101`, validUpdate())).headers.get('location')!;
    expect(await (await h.app.request(saved)).text()).toContain('Update saved for 1.01');
    const writes = () => [...dynamo.commandCounts].filter(([name]) => /^(Put|Update|Delete|BatchWrite|TransactWrite)/.test(name)).reduce((sum, [, n]) => sum + n, 0);
    const before = writes();
    for (const path of [`/u/${token}`, `/u/${token}/actions/101`, `/u/${token}/actions/102`, saved, '/u/new-link']) {
      for (let i = 0; i < 10; i++) expect((await h.app.request(path)).status, path).toBe(200);
      expect((await h.app.request(path, { method: 'HEAD' })).status, path).toBe(200);
    }
    expect(writes()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });

  it('answers a form it cannot read, or an id too long for DynamoDB, with a 4xx page, never a 500 that alarms IT', async () => {
    const h = await dynamoHarness();
    const token = (await issueLink(h.deps, alex, startNow)).token;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const broken = { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz', origin: new URL(config.baseUrl).origin }, body: 'garbage' };
      for (const path of ['/u/new-link', `/u/${token}/actions/101`, '/admin/sign-in', '/admin/actions/101/edit']) {
        const response = await h.app.request(path, broken);
        expect(response.status, path).toBe(400);
        expect(await response.text(), path).toContain('The form could not be read');
      }
      const long = await h.app.request(`/u/${token}/actions/${'A'.repeat(2100)}`);
      expect(long.status).toBe(404);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    expect(await h.repository.listUpdates('101')).toEqual([]);
  });

  it('stores only token hashes, refuses expired and revoked links, and never scans', async () => {
    const h = await dynamoHarness();
    const before = dynamo.commandCounts.get('ScanCommand') ?? 0;
    const link = await issueLink(h.deps, alex, startNow);
    expect((await resolveLink(h.deps, link.token, startNow)).ok).toBe(true);
    expect(await resolveLink(h.deps, link.token, new Date(startNow.getTime() + 21 * 86_400_000))).toEqual({ ok: false, reason: 'expired' });
    await revokeLinks(h.deps, 'alex', new Date(startNow.getTime() + 1000));
    await revokeLinks(h.deps, 'alex', startNow); // older: ignored
    expect(await h.deps.linkTokens.getRevokedBefore('alex')).toBe(new Date(startNow.getTime() + 1000).toISOString());
    expect(await resolveLink(h.deps, link.token, new Date(startNow.getTime() + 2000))).toEqual({ ok: false, reason: 'revoked' });
    expect(await h.deps.linkTokens.getRevokedBefore('blake')).toBeNull();
    expect(dynamo.commandCounts.get('ScanCommand') ?? 0).toBe(before);
    // The person's own item and listing are unaffected by the revocation item in their partition.
    expect(await h.repository.getPerson('alex')).toEqual(alex);
    expect((await h.repository.listPeople()).map((p) => p.id).sort()).toEqual([alex.id, blake.id].sort());
    expect((await h.repository.listActions()).length).toBe(planActions().length);
    void config;
  });

  it('counts rate-limit hits atomically, per key and window, and tells a full window without counting', async () => {
    const h = await dynamoHarness();
    const hits = await Promise.all(Array.from({ length: 10 }, () => h.deps.rateLimits.consume('k', '2026-11-27T10:00:00.000Z', 3, '2026-11-27T12:00:00.000Z')));
    expect(hits.filter(Boolean)).toHaveLength(3);
    expect(await h.deps.rateLimits.isFull('k', '2026-11-27T10:00:00.000Z', 3)).toBe(true);
    expect(await h.deps.rateLimits.isFull('k', '2026-11-27T10:00:00.000Z', 4)).toBe(false);
    expect(await h.deps.rateLimits.isFull('never-hit', '2026-11-27T10:00:00.000Z', 1)).toBe(false);
    expect(await h.deps.rateLimits.consume('k', '2026-11-27T11:00:00.000Z', 3, '2026-11-27T13:00:00.000Z')).toBe(true);
    expect(await h.deps.rateLimits.consume('other', '2026-11-27T10:00:00.000Z', 3, '2026-11-27T12:00:00.000Z')).toBe(true);
  });
});
