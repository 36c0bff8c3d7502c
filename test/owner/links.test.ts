import { describe, expect, it } from 'vitest';
import { MemoryLinkTokenStore } from '../../functions/adapters/memory/memory-link-token-store.js';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { issueLink, resolveLink, revokeLinks } from '../../functions/core/links/links.js';
import { hashToken } from '../../functions/core/links/token-crypto.js';
import { alex, config, startNow } from './owner-fixture.js';

async function linkDeps() {
  const repository = new MemoryRepository();
  await repository.putPerson(alex);
  return { config, repository, linkTokens: new MemoryLinkTokenStore() };
}

const later = (days: number) => new Date(startNow.getTime() + days * 86_400_000);

describe('personal links', () => {
  it('are 256-bit base64url tokens built on the configured base URL; only the hash is stored', async () => {
    const deps = await linkDeps();
    const link = await issueLink(deps, alex, startNow);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(link.token, 'base64url')).toHaveLength(32);
    expect(link.url).toBe(`https://actions.testshire.example/u/${link.token}`);
    const stored = [...deps.linkTokens.tokens.values()];
    expect(stored).toEqual([{ hash: await hashToken(link.token), personId: 'alex', issuedAt: startNow.toISOString(), expiresAt: later(21).toISOString() }]);
    expect(JSON.stringify(stored)).not.toContain(link.token);
  });

  it('never repeat', async () => {
    const deps = await linkDeps();
    const tokens = new Set(await Promise.all(Array.from({ length: 200 }, async () => (await issueLink(deps, alex, startNow)).token)));
    expect(tokens.size).toBe(200);
  });

  it('open for their person until they expire', async () => {
    const deps = await linkDeps();
    const { token } = await issueLink(deps, alex, startNow);
    expect(await resolveLink(deps, token, later(20.9))).toEqual({ ok: true, person: alex });
    expect(await resolveLink(deps, token, later(21))).toEqual({ ok: false, reason: 'expired' });
  });

  it('stop working when revoked, while a link issued afterwards works', async () => {
    const deps = await linkDeps();
    const old = await issueLink(deps, alex, startNow);
    await revokeLinks(deps, 'alex', later(1));
    const fresh = await issueLink(deps, alex, later(2));
    expect(await resolveLink(deps, old.token, later(3))).toEqual({ ok: false, reason: 'revoked' });
    expect((await resolveLink(deps, fresh.token, later(3))).ok).toBe(true);
    await revokeLinks(deps, 'alex', startNow); // an older revocation does not move it back
    expect(await resolveLink(deps, old.token, later(3))).toEqual({ ok: false, reason: 'revoked' });
  });

  it('stop working when issued in the same millisecond as the revocation', async () => {
    const deps = await linkDeps();
    const { token } = await issueLink(deps, alex, later(1));
    await revokeLinks(deps, 'alex', later(1));
    expect(await resolveLink(deps, token, later(2))).toEqual({ ok: false, reason: 'revoked' });
  });

  it('stop working when the person is deactivated', async () => {
    const deps = await linkDeps();
    const { token } = await issueLink(deps, alex, startNow);
    await deps.repository.putPerson({ ...alex, active: false });
    expect(await resolveLink(deps, token, startNow)).toEqual({ ok: false, reason: 'inactive' });
  });

  it('refuse malformed, tampered and unknown tokens', async () => {
    const deps = await linkDeps();
    const { token } = await issueLink(deps, alex, startNow);
    const tampered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    expect(await resolveLink(deps, tampered, startNow)).toEqual({ ok: false, reason: 'unknown' });
    for (const bad of ['', 'x', `${token}x`, token.slice(1), `${token.slice(0, 42)}=`, '../../etc/passwd', await hashToken(token)]) {
      expect((await resolveLink(deps, bad, startNow)).ok).toBe(false);
    }
  });
});
