import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../functions/core/errors.js';
import type { Repository } from '../../functions/core/ports.js';
import type { PersonFields } from '../../functions/core/model/person.js';
import { makeAction, makePerson, makeReminder, makeUpdate } from '../support/make-action.js';

/** The error a promise rejects with, so that tests can look inside a ConflictError. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error,
  );
}

const ids = (actions: { id: string }[]): string[] => actions.map((a) => a.id);

/**
 * Behaviour every Repository must share. It runs against MemoryRepository and DynamoRepository, so the
 * fake that core and web tests rely on cannot drift from the real adapter.
 */
export function describeRepositoryContract(name: string, makeRepo: () => Promise<Repository>): void {
  describe(`${name} (Repository contract)`, () => {
    it('round-trips an action and answers null for an unknown one', async () => {
      const repo = await makeRepo();
      const action = makeAction({
        area: '',
        evidence: 'Inspection fieldwork, March',
        ownerIds: ['p-1', 'p-2'],
        timescale: {
          text: 'Sep-17 - Feb/March-18.',
          target: '2018-03',
          originalTarget: '2017-09',
          revisions: [{ at: '2018-01-02T10:00:00+00:00', by: 'admin', from: '2017-09', to: '2018-03', reason: 'New IT system' }],
        },
        lastUpdatedAt: '2025-01-10T12:00:00+01:00',
      });
      await repo.putAction(action, null);
      expect(await repo.getAction('a-1')).toEqual(action);
      expect(await repo.getAction('missing')).toBeNull();
    });

    it('keeps what was stored whatever a caller later does to the objects it wrote or read', async () => {
      const repo = await makeRepo();
      const written = makeAction({ ownerIds: ['p-1'] });
      await repo.putAction(written, null);
      written.ownerIds.push('p-2');
      const read = (await repo.getAction('a-1'))!;
      const listed = (await repo.listActions())[0]!;
      // A fake may refuse the change outright (the memory one hands out frozen objects): either way, nothing is stored.
      const tryTo = (change: () => void) => {
        try {
          change();
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
        }
      };
      tryTo(() => (read.text = 'edited in place'));
      tryTo(() => listed.timescale.revisions.push({ at: '2026-01-01T00:00:00Z', by: 'x', from: null, to: null, reason: 'r' }));
      expect(await repo.getAction('a-1')).toEqual(makeAction({ ownerIds: ['p-1'] }));
    });

    it('creates once, then writes only on the stored version, conflicting with what is stored', async () => {
      const repo = await makeRepo();
      await repo.putAction(makeAction({ version: 1 }), null);
      const twice = await rejectionOf(repo.putAction(makeAction({ version: 1, text: 'again' }), null));
      expect(twice).toBeInstanceOf(ConflictError);
      expect((twice as ConflictError).current?.text).toBe(makeAction().text);

      await repo.putAction(makeAction({ version: 2, text: 'edited' }), 1);
      const stale = await rejectionOf(repo.putAction(makeAction({ version: 2, text: 'lost' }), 1));
      expect(stale).toBeInstanceOf(ConflictError);
      expect((stale as ConflictError).current).toMatchObject({ version: 2, text: 'edited' });
      expect((await rejectionOf(repo.putAction(makeAction({ id: 'nobody' }), 4))) as ConflictError).toMatchObject({ current: null });
    });

    it('saves an update: applies its patch, moves the version, and appends to history oldest first', async () => {
      const repo = await makeRepo();
      await repo.putAction(makeAction(), null);
      const first = makeUpdate({ version: 2, patch: { latestProgress: 'Started', confidence: 'medium' } });
      const saved = await repo.saveUpdate(first);
      expect(saved).toMatchObject({ version: 2, latestProgress: 'Started', confidence: 'medium', lastUpdatedAt: first.at });
      expect(await repo.getAction('a-1')).toEqual(saved);

      const reassignment = makeUpdate({ version: 3, at: '2025-03-01T09:00:00.000Z', patch: { ownerIds: ['p-9'] }, countsAsProgress: false });
      expect(await repo.saveUpdate(reassignment)).toMatchObject({ version: 3, ownerIds: ['p-9'], lastUpdatedAt: first.at });
      expect(await repo.listUpdates('a-1')).toEqual([first, reassignment]);
      expect(await repo.listUpdates('other')).toEqual([]);
    });

    it('takes an imported Last Updated from the patch, and keys the stale index by it', async () => {
      const repo = await makeRepo();
      await repo.putAction(makeAction({ lastUpdatedAt: '2025-03-01T00:00:00.000Z' }), null);
      const imported = makeUpdate({ at: '2025-06-10T09:00:00.000Z', via: 'import', countsAsProgress: false, patch: { plan: 'Re-imported plan.', lastUpdatedAt: '2025-01-01T00:00:00.000Z' } });
      expect(await repo.saveUpdate(imported)).toMatchObject({ version: 2, plan: 'Re-imported plan.', lastUpdatedAt: '2025-01-01T00:00:00.000Z' });
      expect(ids(await repo.listStaleActions(new Date('2025-02-01T00:00:00.000Z')))).toEqual(['a-1']);
      expect(await repo.listUpdates('a-1')).toEqual([imported]);
    });

    it('refuses an update on a stale version or a missing action', async () => {
      const repo = await makeRepo();
      await repo.putAction(makeAction({ version: 4 }), null);
      const stale = await rejectionOf(repo.saveUpdate(makeUpdate({ version: 4 })));
      expect((stale as ConflictError).current).toMatchObject({ id: 'a-1', version: 4 });
      const missing = await rejectionOf(repo.saveUpdate(makeUpdate({ actionId: 'nobody' })));
      expect(missing).toBeInstanceOf(ConflictError);
      expect((missing as ConflictError).current).toBeNull();
      expect(await repo.listUpdates('a-1')).toEqual([]);
      expect(await repo.listUpdates('nobody')).toEqual([]);
    });

    it('treats a retry of a saved update as success, without a second history entry', async () => {
      const repo = await makeRepo();
      await repo.putAction(makeAction(), null);
      const update = makeUpdate();
      const saved = await repo.saveUpdate(update);
      expect(await repo.saveUpdate(update)).toEqual(saved);
      expect(await repo.listUpdates('a-1')).toEqual([update]);
      const rival = await rejectionOf(repo.saveUpdate(makeUpdate({ by: 'p-2' })));
      expect((rival as ConflictError).current).toEqual(saved);
    });

    it('lets exactly one of 20 parallel updates on the same version win', async () => {
      const repo = await makeRepo();
      await repo.putAction(makeAction(), null);
      const updates = Array.from({ length: 20 }, (_, i) => makeUpdate({ by: `p-${i}`, patch: { latestProgress: `from ${i}` } }));
      const results = await Promise.allSettled(updates.map((u) => repo.saveUpdate(u)));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const error of lost) expect(error).toBeInstanceOf(ConflictError);
      const history = await repo.listUpdates('a-1');
      expect(history).toHaveLength(1);
      expect(await repo.getAction('a-1')).toMatchObject({ version: 2, latestProgress: history[0]?.patch.latestProgress });
    });

    it('lists every action in id order (code-unit order, as DynamoDB sorts keys)', async () => {
      const repo = await makeRepo();
      for (const id of ['b1', 'a-2', 'b-1', 'a', 'a0']) await repo.putAction(makeAction({ id, ref: id }), null);
      expect(ids(await repo.listActions())).toEqual(['a', 'a-2', 'a0', 'b-1', 'b1']);
    });

    it('lists stale actions: open and updated before the cutoff or never, oldest first', async () => {
      const repo = await makeRepo();
      const put = (id: string, lastUpdatedAt: string | null, status: 'open' | 'closed' | 'proposed-closure' = 'open') =>
        repo.putAction(makeAction({ id, lastUpdatedAt, status }), null);
      await put('never', null);
      await put('old', '2025-01-01T00:00:00Z');
      await put('old-with-offset', '2024-12-31T23:30:00-05:00'); // 2025-01-01T04:30Z
      await put('just-before', '2025-02-01T08:59:59.999Z');
      await put('at-cutoff', '2025-02-01T09:00:00Z');
      await put('recent-with-offset', '2025-02-01T09:30:00+01:00'); // 08:30Z: stale
      await put('recent', '2025-02-20T10:00:00.000Z');
      await put('closed-old', '2024-06-01T00:00:00.000Z', 'closed');
      await put('proposed-old', '2024-06-01T00:00:00.000Z', 'proposed-closure');
      const stale = await repo.listStaleActions(new Date('2025-02-01T09:00:00.000Z'));
      expect(ids(stale)).toEqual(['never', 'old', 'old-with-offset', 'recent-with-offset', 'just-before']);
    });

    it('drops an action from the stale list when it closes, and brings it back when it reopens', async () => {
      const repo = await makeRepo();
      await repo.putAction(makeAction(), null);
      const cutoff = new Date('2030-01-01T00:00:00.000Z');
      expect(ids(await repo.listStaleActions(cutoff))).toEqual(['a-1']);
      await repo.saveUpdate(makeUpdate({ patch: { status: 'closed' } }));
      expect(await repo.listStaleActions(cutoff)).toEqual([]);
      await repo.saveUpdate(makeUpdate({ version: 3, at: '2025-03-01T00:00:00.000Z', patch: { status: 'open' } }));
      expect(await repo.listStaleActions(cutoff)).toMatchObject([{ id: 'a-1', version: 3, lastUpdatedAt: '2025-03-01T00:00:00.000Z' }]);
      expect(await repo.listStaleActions(new Date('2025-03-01T00:00:00.000Z'))).toEqual([]);
    });

    it('chases a returned closure from its return, not from the update before it was proposed', async () => {
      const repo = await makeRepo();
      await repo.putAction(makeAction({ lastUpdatedAt: '2025-01-01T00:00:00.000Z', status: 'proposed-closure' }), null);
      const returned = makeUpdate({
        at: '2025-03-01T00:00:00.000Z',
        by: 'sro',
        patch: { status: 'open' },
        changes: [{ field: 'status', from: 'proposed-closure', to: 'open' }],
        countsAsProgress: false,
      });
      expect(await repo.saveUpdate(returned)).toMatchObject({ lastUpdatedAt: '2025-01-01T00:00:00.000Z', reopenedAt: '2025-03-01T00:00:00.000Z' });
      expect(await repo.listStaleActions(new Date('2025-02-15T00:00:00.000Z'))).toEqual([]);
      expect(ids(await repo.listStaleActions(new Date('2025-03-02T00:00:00.000Z')))).toEqual(['a-1']);
      // A progress update later still moves it on.
      await repo.saveUpdate(makeUpdate({ version: 3, at: '2025-04-01T00:00:00.000Z' }));
      expect(await repo.listStaleActions(new Date('2025-03-15T00:00:00.000Z'))).toEqual([]);
      expect(await repo.getAction('a-1')).toMatchObject({ lastUpdatedAt: '2025-04-01T00:00:00.000Z', reopenedAt: '2025-03-01T00:00:00.000Z' });
    });

    it('lists closures awaiting sign-off apart from stale actions: proposed and untouched since the cutoff, oldest first', async () => {
      const repo = await makeRepo();
      const put = (id: string, lastUpdatedAt: string | null, status: 'open' | 'closed' | 'proposed-closure' = 'proposed-closure') =>
        repo.putAction(makeAction({ id, lastUpdatedAt, status }), null);
      await put('proposed-old', '2025-01-01T00:00:00Z');
      await put('proposed-older', '2024-12-01T00:00:00Z');
      await put('proposed-at-cutoff', '2025-02-01T09:00:00Z');
      await put('proposed-recent', '2025-02-20T10:00:00Z');
      await put('open-old', '2024-06-01T00:00:00Z', 'open');
      await put('closed-old', '2024-06-01T00:00:00Z', 'closed');
      const cutoff = new Date('2025-02-01T09:00:00.000Z');
      expect(ids(await repo.listWaitingClosures(cutoff))).toEqual(['proposed-older', 'proposed-old']);
      expect(ids(await repo.listStaleActions(cutoff))).toEqual(['open-old']);
    });

    it('moves an action between the stale and the waiting lists as it is proposed, reopened and signed off', async () => {
      const repo = await makeRepo();
      await repo.putAction(makeAction({ lastUpdatedAt: '2025-01-01T00:00:00.000Z' }), null);
      const cutoff = new Date('2030-01-01T00:00:00.000Z');
      await repo.saveUpdate(makeUpdate({ patch: { status: 'proposed-closure' } }));
      expect(await repo.listStaleActions(cutoff)).toEqual([]);
      expect(await repo.listWaitingClosures(cutoff)).toMatchObject([{ id: 'a-1', version: 2, status: 'proposed-closure' }]);
      await repo.saveUpdate(makeUpdate({ version: 3, patch: { status: 'open' } }));
      expect(ids(await repo.listStaleActions(cutoff))).toEqual(['a-1']);
      expect(await repo.listWaitingClosures(cutoff)).toEqual([]);
      await repo.saveUpdate(makeUpdate({ version: 4, patch: { status: 'proposed-closure' } }));
      await repo.saveUpdate(makeUpdate({ version: 5, patch: { status: 'closed' } }));
      expect(await repo.listStaleActions(cutoff)).toEqual([]);
      expect(await repo.listWaitingClosures(cutoff)).toEqual([]);
    });

    it('round-trips people, replaces them on put and lists them in id order', async () => {
      const repo = await makeRepo();
      const bell = makePerson({ id: 'dcs.bell', name: 'DCS Bell', aliases: ['DCS Bell (Head of Crime)'], role: 'Head of Crime' });
      await repo.putPerson(bell);
      await repo.putPerson(makePerson({ id: 'ch-supt-ray' }));
      await repo.putPerson(makePerson({ id: 'ch-supt-ray', mailStatus: 'bounced' }));
      expect(await repo.getPerson('dcs.bell')).toEqual(bell);
      expect(await repo.getPerson('nobody')).toBeNull();
      expect((await repo.listPeople()).map((p) => [p.id, p.mailStatus])).toEqual([
        ['ch-supt-ray', 'bounced'],
        ['dcs.bell', 'ok'],
      ]);
    });

    it('claims a reminder once, completes it, and lists a person\'s reminders by period', async () => {
      const repo = await makeRepo();
      const claim = makeReminder({ period: '2025-02-04' });
      expect(await repo.claimReminder(claim)).toBe(true);
      expect(await repo.claimReminder({ ...claim, actionIds: ['other'] })).toBe(false);
      expect(await repo.claimReminder(makeReminder({ period: '2025-02-04', kind: 'escalation' }))).toBe(true);
      expect(await repo.claimReminder(makeReminder({ period: '2025-02-03' }))).toBe(true);
      expect(await repo.claimReminder(makeReminder({ personId: 'p-2' }))).toBe(true);
      const sent = { ...claim, state: 'sent' as const, completedAt: '2025-02-04T07:01:00.000Z' };
      await repo.completeReminder(sent);
      const listed = await repo.listReminders('p-1');
      expect(listed.map((r) => `${r.period} ${r.kind} ${r.state}`)).toEqual([
        '2025-02-03 reminder claimed',
        '2025-02-04 escalation claimed',
        '2025-02-04 reminder sent',
      ]);
      expect(listed[2]).toEqual(sent);
      expect(await repo.listReminders('nobody')).toEqual([]);
    });

    it('sets a mail status alone, only while the address and the status are as read', async () => {
      const repo = await makeRepo();
      await repo.putPerson(makePerson({ id: 'p-1', name: 'Renamed Meanwhile', email: 'a@example.police.uk' }));
      expect(await repo.markMailStatus('p-1', 'a@example.police.uk', 'bounced', ['ok'])).toBe(true);
      expect(await repo.getPerson('p-1')).toMatchObject({ name: 'Renamed Meanwhile', mailStatus: 'bounced' });
      expect(await repo.markMailStatus('p-1', 'a@example.police.uk', 'bounced', ['ok'])).toBe(false);
      expect(await repo.markMailStatus('p-1', 'old@example.police.uk', 'complained', ['ok', 'bounced'])).toBe(false);
      expect(await repo.markMailStatus('nobody', 'a@example.police.uk', 'bounced', ['ok'])).toBe(false);
      expect(await repo.markMailStatus('p-1', 'a@example.police.uk', 'complained', ['ok', 'bounced'])).toBe(true);
      expect((await repo.getPerson('p-1'))?.mailStatus).toBe('complained');
    });

    it('sets the given fields of a person alone, keeping a mail status recorded meanwhile', async () => {
      const repo = await makeRepo();
      await repo.putPerson(makePerson({ id: 'p-1', name: 'Insp A', role: null, email: 'a@example.police.uk', aliases: [], active: false }));
      expect(await repo.markMailStatus('p-1', 'a@example.police.uk', 'bounced', ['ok'])).toBe(true);
      expect(await repo.updatePerson('p-1', { active: true })).toBe(true);
      expect(await repo.getPerson('p-1')).toMatchObject({ name: 'Insp A', active: true, mailStatus: 'bounced' });
      // "name" and "role" are reserved words in DynamoDB's expressions.
      expect(await repo.updatePerson('p-1', { name: 'Ch Insp A', role: 'Head of Crime', aliases: ['DCI A'] })).toBe(true);
      expect(await repo.getPerson('p-1')).toMatchObject({ name: 'Ch Insp A', role: 'Head of Crime', aliases: ['DCI A'], active: true, mailStatus: 'bounced', email: 'a@example.police.uk' });
      expect(await repo.updatePerson('p-1', { role: null, name: undefined })).toBe(true);
      expect(await repo.getPerson('p-1')).toMatchObject({ name: 'Ch Insp A', role: null });
      await expect(repo.updatePerson('p-1', {})).rejects.toThrow('at least one field');
      expect(await repo.updatePerson('nobody', { active: true })).toBe(false);
      expect(await repo.getPerson('nobody')).toBeNull();
    });

    it('writes only the fields a person may have changed in place, and only valid values', async () => {
      const repo = await makeRepo();
      await repo.putPerson(makePerson({ id: 'p-1', name: 'Insp A', email: 'a@example.police.uk' }));
      // A caller that spreads more than it meant to: the address, its mail status and the keys stay.
      const spread = { name: 'Ch Insp A', email: 'someone.else@example.police.uk', mailStatus: 'ok', pk: 'PERSON#other' } as PersonFields;
      expect(await repo.updatePerson('p-1', spread)).toBe(true);
      expect(await repo.getPerson('p-1')).toMatchObject({ id: 'p-1', name: 'Ch Insp A', email: 'a@example.police.uk' });
      // A blank name would make the person unreadable: refused, naming the field, and nothing written.
      await expect(repo.updatePerson('p-1', { name: '', active: false })).rejects.toThrow(/name: /);
      expect(await repo.getPerson('p-1')).toMatchObject({ name: 'Ch Insp A', active: true });
    });

    it('sets a person\'s address alone, its mail status working again, keeping what else changed meanwhile', async () => {
      const repo = await makeRepo();
      await repo.putPerson(makePerson({ id: 'p-1', name: 'Insp A', email: 'typo@example.police.uk', mailStatus: 'bounced' }));
      expect(await repo.updatePerson('p-1', { active: false, name: 'Ch Insp A' })).toBe(true);
      expect(await repo.setEmail('p-1', 'a@example.police.uk')).toBe(true);
      expect(await repo.getPerson('p-1')).toMatchObject({ name: 'Ch Insp A', active: false, email: 'a@example.police.uk', mailStatus: 'ok' });
      expect(await repo.setEmail('nobody', 'b@example.police.uk')).toBe(false);
      expect(await repo.getPerson('nobody')).toBeNull();
    });

    it("claims a person's one email of a day once, apart from their reminder records", async () => {
      const repo = await makeRepo();
      expect(await repo.claimDailyEmail('p-1', '2025-02-04')).toBe(true);
      expect(await repo.claimDailyEmail('p-1', '2025-02-04')).toBe(false);
      expect(await repo.claimDailyEmail('p-1', '2025-02-05')).toBe(true);
      expect(await repo.claimDailyEmail('p-2', '2025-02-04')).toBe(true);
      expect(await repo.listReminders('p-1')).toEqual([]);
      expect(await repo.claimReminder(makeReminder({ period: '2025-02-04' }))).toBe(true);
    });
  });
}
