import { describe, expect, it } from 'vitest';
import { revokeLinks } from '../../functions/core/links/links.js';
import { maxFormBytes } from '../../web/middleware/security.js';
import { ownerHarness, postForm, validUpdate } from './owner-fixture.js';

const randomToken = () => Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

describe('owner links: security', () => {
  it('write nothing on 10 GETs and a HEAD of every page, as a mail scanner would do', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    // Saved once first, so that the confirmation's page reads the history as it does after a save.
    const saved = (await postForm(h.app, `/u/${token}/actions/101`, validUpdate())).headers.get('location')!;
    expect(await (await h.app.request(saved)).text()).toContain('Update saved for 1.01');
    const before = { repo: h.repository.writes, links: h.linkTokens.writes, state: JSON.stringify([await h.memory.listActions(), [...h.linkTokens.tokens]]) };
    for (const path of [`/u/${token}`, `/u/${token}/actions/101`, saved, `/u/${token}/actions/102`]) {
      for (let i = 0; i < 10; i++) expect((await h.app.request(path)).status).toBe(200);
      const head = await h.app.request(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
    }
    expect(h.repository.writes).toBe(before.repo);
    expect(h.linkTokens.writes).toBe(before.links);
    expect(JSON.stringify([await h.memory.listActions(), [...h.linkTokens.tokens]])).toBe(before.state);
    expect(await h.memory.listUpdates('101')).toHaveLength(1);
  });

  it('refuse expired, revoked, tampered and deactivated-person links, on GET and POST', async () => {
    const h = await ownerHarness();
    const expired = await h.linkFor('alex');
    h.clock.set(new Date(h.clock.now().getTime() + 21 * 86_400_000));
    const revoked = await h.linkFor('alex');
    await revokeLinks(h.deps, 'alex', new Date(h.clock.now().getTime() + 1000));
    h.clock.set(new Date(h.clock.now().getTime() + 2000));
    const good = await h.linkFor('alex');
    const tampered = `${good.slice(0, 42)}${good[42] === 'A' ? 'B' : 'A'}`;
    for (const token of [expired, revoked, tampered, good.toLowerCase(), `${good}A`, good.slice(0, 42), 'new-link-x', 'A'.repeat(43)]) {
      const page = await h.app.request(`/u/${token}`);
      expect([404], `GET ${token}`).toContain(page.status);
      expect(await page.text()).toContain('This link has expired or is not valid');
      expect((await h.app.request(`/u/${token}/actions/101`)).status).toBe(404);
      expect((await postForm(h.app, `/u/${token}/actions/101`, validUpdate())).status).toBe(404);
    }
    expect(await h.repository.listUpdates('101')).toEqual([]);
    expect((await h.app.request(`/u/${good}`)).status).toBe(200);
    await h.repository.putPerson({ ...(await h.repository.getPerson('alex'))!, active: false });
    expect((await h.app.request(`/u/${good}`)).status).toBe(404);
  });

  it('accept none of 1,000 random tokens', async () => {
    const h = await ownerHarness();
    await h.linkFor('alex');
    await h.linkFor('blake');
    const statuses = new Set<number>();
    for (let i = 0; i < 1000; i++) statuses.add((await h.app.request(`/u/${randomToken()}`)).status);
    expect([...statuses]).toEqual([404]);
  });

  it('refuse a cross-site POST, and one with no origin, before anything is read or written', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const path = `/u/${token}/actions/101`;
    const refused: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'https://actions.testshire.example.evil.example' },
      { origin: '', 'sec-fetch-site': 'cross-site' },
      // A sandboxed frame on another site: a current browser says where the form came from.
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { origin: '' },
    ];
    for (const headers of refused) {
      const response = await postForm(h.app, path, validUpdate(), headers);
      expect(response.status).toBe(403);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect((await postForm(h.app, '/u/new-link', { email: 'alex.morgan@testshire.example' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect(h.sent).toEqual([]);
    expect(await h.repository.listUpdates('101')).toEqual([]);
    // A same-origin browser POST (Sec-Fetch-Site) is accepted.
    expect((await postForm(h.app, path, validUpdate(), { origin: '', 'sec-fetch-site': 'same-origin' })).status).toBe(303);
  });

  it('accept a form from a browser that predates Sec-Fetch-Site (iOS 15) under a personal link and for a fresh link, not in the console', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    // Safari before 16.4 sends no Sec-Fetch-Site, and Origin: null under the pages' no-referrer policy.
    const oldSafari = { origin: 'null' };
    const saved = await postForm(h.app, `/u/${token}/actions/101`, validUpdate(), oldSafari);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/u/${token}?saved=101&at=${h.clock.now().getTime()}`);
    expect(await h.repository.listUpdates('101')).toHaveLength(1);
    // The link's secret is what lets it in: without a live one nothing is saved.
    expect((await postForm(h.app, `/u/${randomToken()}/actions/101`, validUpdate({ version: '2' }), oldSafari)).status).toBe(404);
    expect(await h.repository.listUpdates('101')).toHaveLength(1);
    const asked = await postForm(h.app, '/u/new-link', { email: 'alex.morgan@testshire.example' }, oldSafari);
    expect(asked.status).toBe(200);
    expect(h.sent.map((mail) => mail.to)).toEqual([['alex.morgan@testshire.example']]);
    // The console's authority is a cookie, which another site's form would carry too.
    expect((await postForm(h.app, '/admin/sign-in', { email: 'alex.morgan@testshire.example' }, oldSafari)).status).toBe(403);
    expect(h.sent).toHaveLength(1);
  });

  it("do not let a person see or update someone else's action by changing the id", async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    for (const id of ['201', '104', 'no-such-action', '..%2F201', '201%00']) {
      const page = await h.app.request(`/u/${token}/actions/${id}`);
      expect(page.status, id).toBe(404);
      expect(await page.text()).not.toContain('BLAKE-ONLY');
      const post = await postForm(h.app, `/u/${token}/actions/${id}`, validUpdate());
      expect(post.status, id).toBe(404);
      expect(await post.text()).not.toContain('BLAKE-ONLY');
    }
    // A post for someone else's action answers as for one that does not exist.
    const otherPost = await (await postForm(h.app, `/u/${token}/actions/201`, validUpdate())).text();
    expect(otherPost).toBe(await (await postForm(h.app, `/u/${token}/actions/999`, validUpdate())).text());
    // The not-found page for someone else's action is the same as for one that does not exist.
    const other = await (await h.app.request(`/u/${token}/actions/201`)).text();
    const missing = await (await h.app.request(`/u/${token}/actions/999`)).text();
    expect(other).toBe(missing);
    expect(await h.repository.listUpdates('201')).toEqual([]);
    expect(await h.repository.listUpdates('104')).toEqual([]);
  });

  it('take every field at its limit in characters a form sends as 9 bytes each: too long is the field\'s error, text kept', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const fields = validUpdate({ progress: '“'.repeat(5000), confidenceNarrative: '’'.repeat(5000), targetMonth: '6', targetYear: '2027', timescaleReason: '“'.repeat(2000) });
    expect((await postForm(h.app, `/u/${token}/actions/101`, fields)).status).toBe(303);
    const over = await postForm(h.app, `/u/${token}/actions/102`, validUpdate({ version: '1', confidence: 'high', targetMonth: '3', targetYear: '2027', progress: '“'.repeat(5001), confidenceNarrative: '’'.repeat(5000) }));
    expect(over.status).toBe(400);
    const html = await over.text();
    expect(html).toContain('Progress update must be 5,000 characters or fewer');
    expect(html).toContain('“'.repeat(5001));
  });

  it('refuse an oversized body with a clear message', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const response = await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ progress: 'x'.repeat(maxFormBytes + 1) }));
    expect(response.status).toBe(413);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('What you wrote is too long');
    expect(html).toContain('a progress update can be up to 5,000 characters');
    expect(html).toContain(`<a href="/u/${token}">Go to your actions</a>`);
    expect(await h.repository.listUpdates('101')).toEqual([]);
  });
});
