import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoSessionStore } from '../../functions/adapters/dynamodb/session-store.js';
import { DynamoSignInLinkStore } from '../../functions/adapters/dynamodb/sign-in-link-store.js';
import { MemorySessionStore, MemorySignInLinkStore } from '../../functions/adapters/memory/memory-session-store.js';
import type { SessionRecord, SessionStore, SignInLinkRecord, SignInLinkStore } from '../../functions/core/admin/session.js';
import { startDynamoFixture, type DynamoFixture } from '../adapters/dynamo-fixture.js';

const hash = (n: number) => n.toString(16).padStart(64, '0');
const session = (n: number, overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  hash: hash(n),
  email: 'admin@testshire.example',
  name: 'Sam Admin',
  personId: null,
  role: 'admin',
  createdAt: '2026-11-27T10:00:00.000Z',
  lastSeenAt: '2026-11-27T10:00:00.000Z',
  expiresAt: '2026-11-27T22:00:00.000Z',
  ...overrides,
});
const link = (n: number): SignInLinkRecord => ({
  hash: hash(n),
  email: 'admin@testshire.example',
  issuedAt: '2026-11-27T10:00:00.000Z',
  expiresAt: '2026-11-27T10:15:00.000Z',
  usedAt: null,
});

let fixture: DynamoFixture;
beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.close());

const adapters: Array<[string, () => Promise<{ sessions: SessionStore; links: SignInLinkStore }>]> = [
  ['memory', async () => ({ sessions: new MemorySessionStore(), links: new MemorySignInLinkStore() })],
  [
    'DynamoDB (dynalite)',
    async () => {
      const table = await fixture.createTable();
      return { sessions: new DynamoSessionStore(fixture.doc, table), links: new DynamoSignInLinkStore(fixture.doc, table) };
    },
  ],
];

describe.each(adapters)('the session and sign-in link stores on %s', (_name, make) => {
  it('keeps a session by hash, refuses a second with the same hash, and deletes it', async () => {
    const { sessions } = await make();
    await sessions.create(session(1));
    expect(await sessions.get(hash(1))).toEqual(session(1));
    expect(await sessions.get(hash(2))).toBeNull();
    await expect(sessions.create(session(1, { name: 'Someone else' }))).rejects.toThrow();
    await sessions.delete(hash(1));
    expect(await sessions.get(hash(1))).toBeNull();
    // Someone not in the people directory has no name, rather than their address standing in for one.
    await sessions.create(session(2, { name: null }));
    expect(await sessions.get(hash(2))).toEqual(session(2, { name: null }));
  });

  it('moves lastSeenAt forward only, and never brings a deleted session back', async () => {
    const { sessions } = await make();
    await sessions.create(session(1));
    await sessions.touch(hash(1), '2026-11-27T10:20:00.000Z');
    await sessions.touch(hash(1), '2026-11-27T10:05:00.000Z');
    expect((await sessions.get(hash(1)))!.lastSeenAt).toBe('2026-11-27T10:20:00.000Z');
    await sessions.delete(hash(1));
    await sessions.touch(hash(1), '2026-11-27T10:30:00.000Z');
    expect(await sessions.get(hash(1))).toBeNull();
  });

  it('keeps one revocation instant per address, whatever its case, that never moves back', async () => {
    const { sessions } = await make();
    expect(await sessions.getRevokedBefore('admin@testshire.example')).toBeNull();
    await sessions.revokeBefore('Admin@Testshire.example', '2026-11-27T11:00:00.000Z');
    await sessions.revokeBefore('admin@testshire.example', '2026-11-27T10:00:00.000Z');
    expect(await sessions.getRevokedBefore('ADMIN@testshire.example')).toBe('2026-11-27T11:00:00.000Z');
    expect(await sessions.getRevokedBefore('board@testshire.example')).toBeNull();
  });

  it('uses a sign-in link once: of many concurrent tries exactly one wins', async () => {
    const { links } = await make();
    await links.putLink(link(1));
    expect(await links.getLink(hash(1))).toEqual(link(1));
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => links.markUsed(hash(1), `2026-11-27T10:0${i}:00.000Z`)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await links.getLink(hash(1)))!.usedAt).not.toBeNull();
    expect(await links.markUsed(hash(2), '2026-11-27T10:01:00.000Z')).toBe(false);
    expect(await links.getLink(hash(2))).toBeNull();
    await expect(links.putLink(link(1))).rejects.toThrow();
  });
});

describe('the DynamoDB session stores', () => {
  it('read by key only, never Scan, and give every item a TTL for AWS to tidy', async () => {
    const table = await fixture.createTable();
    const sessions = new DynamoSessionStore(fixture.doc, table);
    const links = new DynamoSignInLinkStore(fixture.doc, table);
    fixture.commandCounts.clear();
    await sessions.create(session(1));
    await sessions.get(hash(1));
    await links.putLink(link(1));
    await links.markUsed(hash(1), '2026-11-27T10:01:00.000Z');
    expect(fixture.commandCounts.get('ScanCommand')).toBeUndefined();
    // The test itself looks at the raw items.
    const { Items } = await fixture.doc.send(new ScanCommand({ TableName: table }));
    expect(Items!.map((i) => [i.pk, i.expiresAtEpoch])).toEqual(
      expect.arrayContaining([
        [`SESSION#${hash(1)}`, Date.parse('2026-11-27T22:00:00.000Z') / 1000],
        [`SIGN-IN#${hash(1)}`, Date.parse('2026-11-27T10:15:00.000Z') / 1000],
      ]),
    );
  });
});
