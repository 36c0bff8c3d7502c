import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { ConflictError } from '../../functions/core/errors.js';
import type { Update } from '../../functions/core/model/update.js';
import { makeAction, makeUpdate } from '../support/make-action.js';
import { startDynamoFixture, type DynamoFixture } from './dynamo-fixture.js';

let dynamo: DynamoFixture;
beforeAll(async () => {
  dynamo = await startDynamoFixture();
});
afterAll(() => dynamo.close());
afterEach(() => expect(dynamo.commandCounts.get('ScanCommand') ?? 0).toBe(0));

class Crash extends Error {}

/**
 * Two repositories on one table: `crashing` dies between the history write and the action write of
 * its first save (as a Lambda killed there would), `repo` is everyone else.
 */
async function crashedSave(update: Update = makeUpdate()) {
  const table = await dynamo.createTable();
  let crashes = 1;
  const crashing = new DynamoRepository(dynamo.doc, table, {
    hooks: {
      afterHistoryWrite: () => {
        if (crashes-- > 0) throw new Crash('process died');
      },
    },
  });
  const repo = new DynamoRepository(dynamo.doc, table);
  await repo.putAction(makeAction({ lastUpdatedAt: '2025-01-01T00:00:00.000Z' }), null);
  await expect(crashing.saveUpdate(update)).rejects.toBeInstanceOf(Crash);
  return { repo, crashing, update };
}

describe('DynamoRepository write-ahead history', () => {
  it('leaves the entry in the history when the process dies before the action write', async () => {
    const { repo, update } = await crashedSave();
    expect(await repo.listUpdates('a-1')).toEqual([update]);
  });

  it('(a) getAction rolls the pending entry forward, once', async () => {
    const { repo, update } = await crashedSave();
    const readers = await Promise.all(Array.from({ length: 8 }, () => repo.getAction('a-1')));
    for (const action of readers) expect(action).toMatchObject({ version: 2, latestProgress: update.patch.latestProgress, lastUpdatedAt: update.at });
    expect(await repo.getAction('a-1')).toEqual(readers[0]);
    expect(await repo.listUpdates('a-1')).toEqual([update]);
  });

  it('(b) a retry of the same save succeeds without duplicating history', async () => {
    const { crashing, repo, update } = await crashedSave();
    expect(await crashing.saveUpdate(update)).toMatchObject({ version: 2, latestProgress: update.patch.latestProgress });
    expect(await crashing.saveUpdate(update)).toMatchObject({ version: 2 });
    expect(await repo.listUpdates('a-1')).toEqual([update]);
  });

  it('(c) a different writer on the old version conflicts with the rolled-forward action, and nothing is lost', async () => {
    const { repo, update } = await crashedSave();
    const rival = makeUpdate({ by: 'p-2', patch: { latestProgress: 'Rival text' } });
    const error = await repo.saveUpdate(rival).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ version: 2, latestProgress: update.patch.latestProgress });
    expect(await repo.listUpdates('a-1')).toEqual([update]);
    const next = makeUpdate({ version: 3, by: 'p-2', at: '2025-02-04T10:00:00.000Z', patch: { latestProgress: 'Rival text' } });
    await repo.saveUpdate(next);
    expect(await repo.listUpdates('a-1')).toEqual([update, next]);
  });

  it('an admin edit based on the pre-crash version conflicts instead of burying the entry', async () => {
    const { repo } = await crashedSave();
    const error = await repo.putAction(makeAction({ version: 2, text: 'Admin edit' }), 1).catch((e: unknown) => e);
    expect((error as ConflictError).current).toMatchObject({ version: 2, text: makeAction().text });
  });

  it('the stale list rolls a pending entry forward, so the reminder job does not chase an updated action', async () => {
    const { repo } = await crashedSave();
    expect(await repo.listStaleActions(new Date('2025-02-01T00:00:00.000Z'))).toEqual([]);
    expect(await repo.listStaleActions(new Date('2025-03-01T00:00:00.000Z'))).toMatchObject([{ id: 'a-1', version: 2 }]);
  });

  it('a pending closure leaves the stale list', async () => {
    const { repo } = await crashedSave(makeUpdate({ patch: { status: 'closed' }, countsAsProgress: false }));
    expect(await repo.listStaleActions(new Date('2030-01-01T00:00:00.000Z'))).toEqual([]);
    expect(await repo.getAction('a-1')).toMatchObject({ status: 'closed', version: 2 });
  });

  it('listActions shows the pre-crash state until the action is next read or written (documented)', async () => {
    const { repo } = await crashedSave();
    expect(await repo.listActions()).toMatchObject([{ version: 1 }]);
    await repo.getAction('a-1');
    expect(await repo.listActions()).toMatchObject([{ version: 2 }]);
  });

  it('two updates on the same version: one wins, the other gets ConflictError with the winner', async () => {
    const repo = new DynamoRepository(dynamo.doc, await dynamo.createTable());
    await repo.putAction(makeAction(), null);
    const [first, second] = await Promise.allSettled([
      repo.saveUpdate(makeUpdate({ by: 'p-1' })),
      repo.saveUpdate(makeUpdate({ by: 'p-2' })),
    ]);
    const outcomes = [first, second].map((r) => r?.status);
    expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
    const loser = [first, second].find((r) => r?.status === 'rejected') as PromiseRejectedResult;
    const winner = [first, second].find((r) => r?.status === 'fulfilled') as PromiseFulfilledResult<unknown>;
    expect(loser.reason).toBeInstanceOf(ConflictError);
    expect((loser.reason as ConflictError).current).toEqual(winner.value);
  });
});
