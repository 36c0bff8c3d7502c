import { describe, expect, it, vi } from 'vitest';
import { NotFoundError } from '../../functions/core/errors.js';
import { getActionForOwner } from '../../functions/core/owner/get-action-for-owner.js';
import { listMyWork } from '../../functions/core/owner/list-my-actions.js';
import { perAddressAllClientsPerHour, perAddressPerHour, perClientPerHour, perForcePerHour, requestFreshLink } from '../../functions/core/owner/request-fresh-link.js';
import { submitOwnerUpdate } from '../../functions/core/owner/submit-owner-update.js';
import { resolveLink } from '../../functions/core/links/links.js';
import { makeAction, makePerson } from '../support/make-action.js';
import { expectSafeFailureLine, sesRejection } from '../support/ses-rejection.js';
import { alex, blake, ownerHarness, startNow, validUpdate } from './owner-fixture.js';

describe('listMyWork', () => {
  it('lists open and proposed-closure actions the person owns or co-owns, overdue and stale first', async () => {
    const { deps } = await ownerHarness();
    const { owned: items, portfolio } = await listMyWork(deps, alex, startNow);
    expect(portfolio).toEqual([]);
    expect(items.map((i) => i.action.ref)).toEqual(['1.01', '1.03', '1.02']);
    expect(items[0]).toMatchObject({ overdue: true, stale: true, daysSinceUpdate: 92 });
    expect(items[1]).toMatchObject({ overdue: false, stale: true, daysSinceUpdate: null });
    expect(items[2]).toMatchObject({ overdue: false, stale: false, daysSinceUpdate: 7 });
  });
});

describe('getActionForOwner', () => {
  it("treats someone else's action, a closed one and a missing one alike: not found", async () => {
    const { deps } = await ownerHarness();
    for (const id of ['201', '104', 'nope']) await expect(getActionForOwner(deps, alex, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getActionForOwner(deps, blake, '103')).action.ref).toBe('1.03');
  });
});

describe('submitOwnerUpdate', () => {
  it('records one update via link that counts as progress, with only what changed', async () => {
    const { deps, repository } = await ownerHarness();
    const before = await repository.getAction('101');
    const result = await submitOwnerUpdate(deps, alex, '101', validUpdate(), startNow);
    expect(result.kind).toBe('saved');
    const [update] = await repository.listUpdates('101');
    expect(update).toMatchObject({ version: 2, by: 'alex', via: 'link', onBehalfOf: null, countsAsProgress: true, at: startNow.toISOString() });
    expect(update!.patch).toEqual({ latestProgress: 'Audit completed for October.', confidence: 'low', confidenceNarrative: 'The audit team is short-staffed.' });
    expect(update!.changes.map((c) => c.field).sort()).toEqual(['confidence', 'confidenceNarrative', 'lastUpdatedAt', 'latestProgress']);
    // The time it replaced, so that a board summary of an earlier month can wind it back.
    expect(update!.changes).toContainEqual({ field: 'lastUpdatedAt', from: before!.lastUpdatedAt, to: startNow.toISOString() });
    expect(before!.lastUpdatedAt).not.toBe(startNow.toISOString());
    expect(await repository.getAction('101')).toMatchObject({ version: 2, lastUpdatedAt: startNow.toISOString(), status: 'open', confidence: 'low' });
  });

  it('asks for a reason when the target moves, keeps the original and appends a revision', async () => {
    const { deps, repository } = await ownerHarness();
    const missing = await submitOwnerUpdate(deps, alex, '101', validUpdate({ targetMonth: '6', targetYear: '2027' }), startNow);
    expect(missing).toMatchObject({ kind: 'invalid', errors: [{ field: 'timescaleReason', message: 'Enter why the target date is changing' }] });
    expect(await repository.listUpdates('101')).toEqual([]);

    await submitOwnerUpdate(deps, alex, '101', validUpdate({ targetMonth: '6', targetYear: '2027', timescaleReason: 'Audit team reduced.' }), startNow);
    expect((await repository.getAction('101'))!.timescale).toEqual({
      text: 'Sep-26',
      target: '2027-06',
      originalTarget: '2026-09',
      revisions: [{ at: startNow.toISOString(), by: 'alex', from: '2026-09', to: '2027-06', reason: 'Audit team reduced.' }],
    });
  });

  it('keeps a target set to the day (as imports write them) unchanged when its month is left as it was', async () => {
    const dayTarget = makeAction({ id: '301', ref: '3.01', ownerIds: ['alex'], timescale: { text: '31 March 2027', target: '2027-03-31', originalTarget: '2027-03-31', revisions: [] } });
    const { deps, repository } = await ownerHarness({ actions: [dayTarget] });
    const result = await submitOwnerUpdate(deps, alex, '301', validUpdate({ targetMonth: '3', targetYear: '2027' }), startNow);
    expect(result.kind).toBe('saved');
    expect((await repository.getAction('301'))!.timescale).toEqual(dayTarget.timescale);
    expect((await repository.listUpdates('301'))[0]!.changes.map((c) => c.field)).not.toContain('timescale');
  });

  it('keeps the first target set on an action that had none as its original', async () => {
    const { deps, repository } = await ownerHarness();
    const result = await submitOwnerUpdate(deps, alex, '103', validUpdate({ targetMonth: '6', targetYear: '2027', timescaleReason: 'Agreed with the board.' }), startNow);
    expect(result.kind).toBe('saved');
    expect((await repository.getAction('103'))!.timescale).toMatchObject({ target: '2027-06', originalTarget: '2027-06' });
  });

  it('moves a completed action to proposed-closure', async () => {
    const { deps, repository } = await ownerHarness();
    await submitOwnerUpdate(deps, alex, '102', validUpdate({ targetMonth: '3', targetYear: '2027', complete: 'yes' }), startNow);
    expect((await repository.getAction('102'))!.status).toBe('proposed-closure');
  });

  it('names each bad field', async () => {
    const { deps } = await ownerHarness();
    const result = await submitOwnerUpdate(deps, alex, '101', { version: '1', progress: '  ', confidence: 'sure', targetMonth: '13', targetYear: '2026' }, startNow);
    expect(result.kind === 'invalid' && result.errors.map((e) => e.field)).toEqual(['progress', 'confidence', 'target']);
    const late = await submitOwnerUpdate(deps, alex, '101', validUpdate({ targetMonth: '1', targetYear: '2025', timescaleReason: 'x' }), startNow);
    expect(late).toMatchObject({ kind: 'invalid', errors: [{ field: 'target', message: 'Target date must be this month or later' }] });
  });

  it('refuses high or medium confidence in a target that has passed, unless the target moves or the action is done', async () => {
    const { deps, repository } = await ownerHarness();
    // 1.01's target, September 2026, ran out before 27 November.
    for (const confidence of ['high', 'medium']) {
      const result = await submitOwnerUpdate(deps, alex, '101', validUpdate({ confidence }), startNow);
      expect(result).toMatchObject({ kind: 'invalid', errors: [{ field: 'target', message: 'The target date has passed: enter a new one, or select Low confidence' }] });
    }
    expect(await repository.listUpdates('101')).toEqual([]);
    const moved = validUpdate({ confidence: 'high', targetMonth: '3', targetYear: '2027', timescaleReason: 'Audit team reduced.' });
    expect((await submitOwnerUpdate(deps, alex, '101', moved, startNow)).kind).toBe('saved');
    const { deps: again } = await ownerHarness();
    expect((await submitOwnerUpdate(again, alex, '101', validUpdate({ confidence: 'high', complete: 'yes' }), startNow)).kind).toBe('saved');
    // A target that runs to the end of this month has not passed.
    const { deps: onTime } = await ownerHarness();
    expect((await submitOwnerUpdate(onTime, alex, '101', validUpdate({ confidence: 'high' }), new Date('2026-09-30T22:30:00Z'))).kind).toBe('saved');
  });

  it('refuses a reason for a new target typed with the month left as it was, rather than drop it unsaid', async () => {
    const { deps, repository } = await ownerHarness();
    const kept = await submitOwnerUpdate(deps, alex, '102', validUpdate({ targetMonth: '3', targetYear: '2027', confidence: 'high', timescaleReason: 'Moving to June: the analyst post is vacant.' }), startNow);
    expect(kept).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'target', message: 'You gave a reason for a new target date: change the month or year to the new target, or delete the reason' }],
    });
    expect(kept.kind === 'invalid' && kept.values.timescaleReason).toBe('Moving to June: the analyst post is vacant.');
    expect(await repository.listUpdates('102')).toEqual([]);
    // Past its target with Medium and the month kept: the target is asked for once, not twice.
    const passed = await submitOwnerUpdate(deps, alex, '101', validUpdate({ confidence: 'medium', timescaleReason: 'Slipped.' }), startNow);
    expect(passed).toMatchObject({ kind: 'invalid', errors: [{ field: 'target', message: 'The target date has passed: enter a new one, or select Low confidence' }] });
    expect(passed.kind === 'invalid' && passed.errors.filter((error) => error.field === 'target')).toHaveLength(1);
    // An action with no target left without one, the same.
    const none = await submitOwnerUpdate(deps, alex, '103', validUpdate({ targetMonth: '', targetYear: '', timescaleReason: 'Waiting on the review.' }), startNow);
    expect(none).toMatchObject({ kind: 'invalid', errors: [{ field: 'target' }] });
  });

  it('takes the first target an action is given without a reason, as its original target and no revision', async () => {
    const { deps, repository } = await ownerHarness();
    expect((await submitOwnerUpdate(deps, alex, '103', validUpdate({ targetMonth: '9', targetYear: '2027', confidence: 'medium' }), startNow)).kind).toBe('saved');
    expect((await repository.getAction('103'))!.timescale).toEqual({ text: null, target: '2027-09', originalTarget: '2027-09', revisions: [] });
    // One whose target was dropped ("Awaiting new timescale") still moves from its original: that needs the reason.
    const dropped = makeAction({ id: '301', ref: '3.01', ownerIds: ['alex'], timescale: { text: 'Awaiting new timescale', target: null, originalTarget: '2026-03', revisions: [] } });
    const h = await ownerHarness({ actions: [dropped] });
    const unexplained = await submitOwnerUpdate(h.deps, alex, '301', validUpdate({ targetMonth: '9', targetYear: '2027', confidence: 'medium' }), startNow);
    expect(unexplained).toMatchObject({ kind: 'invalid', errors: [{ field: 'timescaleReason', message: 'Enter why the target date is changing' }] });
  });

  it('reads this month, chosen for a day earlier in it that has passed, as its end when the confidence needs a target ahead', async () => {
    // An imported date, 15 November 2026, passed before 27 November; the form shows November 2026.
    const dayTarget = makeAction({ id: '301', ref: '3.01', ownerIds: ['alex'], confidence: 'high', timescale: { text: '15/11/2026', target: '2026-11-15', originalTarget: '2026-11-15', revisions: [] } });
    const kept = { targetMonth: '11', targetYear: '2026' };
    const h = await ownerHarness({ actions: [dayTarget] });
    const unexplained = await submitOwnerUpdate(h.deps, alex, '301', validUpdate({ ...kept, confidence: 'high' }), startNow);
    // The month was left as shown: the message says what keeping it does rather than that it changed.
    expect(unexplained).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'timescaleReason', message: '15 November 2026 has passed, so keeping November 2026 moves the target to 30 November 2026: enter why, or select Low confidence' }],
    });
    const moved = await submitOwnerUpdate(h.deps, alex, '301', validUpdate({ ...kept, confidence: 'high', timescaleReason: 'Sign-off moved to the end of the month.' }), startNow);
    expect(moved.kind).toBe('saved');
    expect((await h.repository.getAction('301'))!.timescale).toMatchObject({ target: '2026-11', originalTarget: '2026-11-15' });
    // With Low confidence the month left as shown keeps the day, and asks no reason.
    const low = await ownerHarness({ actions: [dayTarget] });
    expect((await submitOwnerUpdate(low.deps, alex, '301', validUpdate(kept), startNow)).kind).toBe('saved');
    expect((await low.repository.getAction('301'))!.timescale.target).toBe('2026-11-15');
  });

  it('refuses a form opened at an older version, carrying what is stored now', async () => {
    const { deps, repository } = await ownerHarness();
    await submitOwnerUpdate(deps, alex, '101', validUpdate(), startNow);
    const result = await submitOwnerUpdate(deps, alex, '101', validUpdate({ progress: 'Mine' }), startNow);
    expect(result).toMatchObject({ kind: 'conflict', action: { version: 2 }, newerUpdates: [{ version: 2, by: 'alex' }], values: { version: '2', progress: 'Mine' } });
    expect(await repository.listUpdates('101')).toHaveLength(1);
  });

  it("a form opened before someone moved the target goes to the conflict, not to asking for a reason it never changed", async () => {
    const { deps, repository } = await ownerHarness();
    // Another tab (or a co-owner) moves the target and writes a narrative.
    const first = validUpdate({ targetMonth: '6', targetYear: '2027', timescaleReason: 'Supplier delay.', confidenceNarrative: 'Supplier named.' });
    expect((await submitOwnerUpdate(deps, alex, '101', first, startNow)).kind).toBe('saved');
    // The form opened at version 1 showed September 2026, medium, no narrative: only the progress and the confidence are changed.
    const stale = { version: '1', progress: 'Second thoughts.', confidence: 'low', confidenceNarrative: '', targetMonth: '9', targetYear: '2026', timescaleReason: '' };
    const result = await submitOwnerUpdate(deps, alex, '101', stale, startNow);
    if (result.kind !== 'conflict') throw new Error(`expected a conflict, got ${result.kind}`);
    // What they left alone now holds the newer values; what they changed stays theirs.
    expect(result.values).toMatchObject({ version: '2', progress: 'Second thoughts.', confidence: 'low', confidenceNarrative: 'Supplier named.', targetMonth: '6', targetYear: '2027' });
    expect(await repository.listUpdates('101')).toHaveLength(1);
    // Saving the form as the conflict page gives it back keeps the other update's target and narrative.
    const { complete, ...resubmitted } = result.values;
    expect((await submitOwnerUpdate(deps, alex, '101', { ...resubmitted, ...(complete ? { complete: 'yes' } : {}) }, startNow)).kind).toBe('saved');
    expect(await repository.getAction('101')).toMatchObject({ confidence: 'low', confidenceNarrative: 'Supplier named.', latestProgress: 'Second thoughts.', timescale: { target: '2027-06' } });
  });

  it("a form on an overdue action, which asked for the confidence afresh, keeps the person's choice through a conflict", async () => {
    const { deps } = await ownerHarness();
    // 1.01 is stored as Medium with a passed target: its form showed no confidence chosen.
    await submitOwnerUpdate(deps, alex, '101', validUpdate({ confidence: 'low', progress: 'First.' }), startNow);
    const mine = validUpdate({ confidence: 'medium', targetMonth: '6', targetYear: '2027', timescaleReason: 'New supplier.', progress: 'Mine' });
    const result = await submitOwnerUpdate(deps, alex, '101', mine, startNow);
    expect(result).toMatchObject({ kind: 'conflict', values: { confidence: 'medium', targetMonth: '6', targetYear: '2027' } });
  });

  it('a form opened at an older version keeps a target the person did change', async () => {
    const { deps } = await ownerHarness();
    await submitOwnerUpdate(deps, alex, '101', validUpdate({ confidenceNarrative: 'Changed elsewhere.' }), startNow);
    const result = await submitOwnerUpdate(deps, alex, '101', validUpdate({ progress: 'Mine', targetMonth: '3', targetYear: '2027', timescaleReason: 'Audit team reduced.' }), startNow);
    expect(result).toMatchObject({ kind: 'conflict', values: { targetMonth: '3', targetYear: '2027', timescaleReason: 'Audit team reduced.', confidenceNarrative: 'The audit team is short-staffed.' } });
  });

  it("cannot touch someone else's action", async () => {
    const { deps, repository } = await ownerHarness();
    await expect(submitOwnerUpdate(deps, alex, '201', validUpdate(), startNow)).rejects.toBeInstanceOf(NotFoundError);
    expect(await repository.listUpdates('201')).toEqual([]);
  });
});

describe('requestFreshLink', () => {
  it('emails a known person a working link with refs and counts but no action text', async () => {
    const { deps, sent } = await ownerHarness();
    expect(await requestFreshLink(deps, ' Alex.Morgan@Testshire.example ', 'client-a', startNow)).toEqual({ kind: 'requested' });
    expect(sent).toHaveLength(1);
    const email = sent[0]!;
    expect(email.to).toEqual(['alex.morgan@testshire.example']);
    expect(email.text).toContain('1.01, 1.03, 1.02');
    expect(email.text).toContain('2 need an update');
    for (const secret of ['Improve crime recording', 'Audit every month', 'Use of force', 'Review shift']) {
      expect(email.text + email.html + email.subject).not.toContain(secret);
    }
    const token = /\/u\/([A-Za-z0-9_-]{43})/.exec(email.text)![1]!;
    expect(await resolveLink(deps, token, startNow)).toMatchObject({ ok: true, person: { id: 'alex' } });
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const { deps, sent } = await ownerHarness();
    expect(await requestFreshLink(deps, 'nobody@testshire.example', 'client-a', startNow)).toEqual({ kind: 'requested' });
    expect(sent).toEqual([]);
  });

  it('limits requests per address, known or not', async () => {
    const { deps, sent } = await ownerHarness();
    for (const address of ['alex.morgan@testshire.example', 'nobody@testshire.example']) {
      for (let i = 0; i < perAddressPerHour; i++) expect((await requestFreshLink(deps, address, 'client-a', startNow)).kind).toBe('requested');
      expect(await requestFreshLink(deps, address, 'client-a', startNow)).toEqual({ kind: 'rate-limited' });
    }
    expect(sent).toHaveLength(perAddressPerHour);
    expect((await requestFreshLink(deps, 'alex.morgan@testshire.example', 'client-a', new Date(startNow.getTime() + 3_600_000))).kind).toBe('requested');
  });

  it('does not let requests from elsewhere use up an owner\'s own, and holds many machines together to a limit', async () => {
    const { deps, sent } = await ownerHarness();
    const alexAddress = 'alex.morgan@testshire.example';
    for (let i = 0; i < perAddressPerHour; i++) expect((await requestFreshLink(deps, alexAddress, 'attacker-1', startNow)).kind).toBe('requested');
    expect((await requestFreshLink(deps, alexAddress, 'attacker-1', startNow)).kind).toBe('rate-limited');
    expect((await requestFreshLink(deps, alexAddress, 'alex-phone', startNow)).kind).toBe('requested');
    for (let i = perAddressPerHour + 1; i < perAddressAllClientsPerHour; i++) expect((await requestFreshLink(deps, alexAddress, `attacker-${i}`, startNow)).kind).toBe('requested');
    expect((await requestFreshLink(deps, alexAddress, 'alex-laptop', startNow)).kind).toBe('rate-limited');
    // Each request that counted sent Alex a link that works: the newest in the inbox still opens the actions.
    expect(sent.map((e) => e.to)).toEqual(Array.from({ length: perAddressAllClientsPerHour }, () => [alexAddress]));
    const newest = /\/u\/([A-Za-z0-9_-]{43})/.exec(sent.at(-1)!.text)![1]!;
    expect((await resolveLink(deps, newest, startNow)).ok).toBe(true);
  });

  it('limits each client, so that one machine cannot use up the force\'s limit for everyone', async () => {
    const { deps, sent } = await ownerHarness();
    for (let i = 0; i < perClientPerHour; i++) expect((await requestFreshLink(deps, `guess${i}@testshire.example`, 'client-a', startNow)).kind).toBe('requested');
    expect(await requestFreshLink(deps, 'alex.morgan@testshire.example', 'client-a', startNow)).toEqual({ kind: 'rate-limited' });
    expect(sent).toEqual([]);
    expect(await requestFreshLink(deps, 'alex.morgan@testshire.example', 'client-b', startNow)).toEqual({ kind: 'requested' });
    expect(sent).toHaveLength(1);
  });

  it('never lets made-up addresses from many machines lock owners out: only links sent count for the force', async () => {
    const { deps, sent } = await ownerHarness();
    const clients = Math.ceil((perForcePerHour + 40) / perClientPerHour);
    for (let c = 0; c < clients; c++) {
      for (let i = 0; i < perClientPerHour; i++) await requestFreshLink(deps, `guess-${c}-${i}@testshire.example`, `attacker-${c}`, startNow);
    }
    expect(sent).toEqual([]);
    expect(await requestFreshLink(deps, 'alex.morgan@testshire.example', 'alex-phone', startNow)).toEqual({ kind: 'requested' });
    expect(sent.map((e) => e.to)).toEqual([['alex.morgan@testshire.example']]);
  });

  it('holds the links the force sends in an hour to a limit, then refuses everyone alike, known or not', async () => {
    const { deps, sent } = await ownerHarness();
    const people = Array.from({ length: Math.ceil(perForcePerHour / perAddressAllClientsPerHour) }, (_, i) =>
      makePerson({ id: `p${i}`, name: `Person ${i}`, email: `person.${i}@testshire.example` }),
    );
    for (const person of people) await deps.repository.putPerson(person);
    let client = 0;
    for (const person of people) {
      for (let i = 0; i < perAddressAllClientsPerHour && sent.length < perForcePerHour; i++) {
        expect((await requestFreshLink(deps, person.email, `client-${client++}`, startNow)).kind).toBe('requested');
      }
    }
    expect(sent).toHaveLength(perForcePerHour);
    // The answer no longer depends on the address, so it tells nobody who is in the directory.
    expect(await requestFreshLink(deps, 'alex.morgan@testshire.example', 'alex-phone', startNow)).toEqual({ kind: 'rate-limited' });
    expect(await requestFreshLink(deps, 'nobody@testshire.example', 'someone', startNow)).toEqual({ kind: 'rate-limited' });
    expect(sent).toHaveLength(perForcePerHour);
    expect(await requestFreshLink(deps, 'alex.morgan@testshire.example', 'alex-phone', new Date(startNow.getTime() + 3_600_000))).toEqual({ kind: 'requested' });
    expect(sent).toHaveLength(perForcePerHour + 1);
  });

  it('answers a known address as an unknown one when its email fails to send, logging the failure', async () => {
    const { deps } = await ownerHarness();
    deps.getMailer = async () => ({ send: async (email) => Promise.reject(sesRejection(email.to[0]!)) });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await requestFreshLink(deps, 'alex.morgan@testshire.example', 'client-a', startNow)).toEqual({ kind: 'requested' });
      expect(await requestFreshLink(deps, 'nobody@testshire.example', 'client-a', startNow)).toEqual({ kind: 'requested' });
      expect(logged).toHaveBeenCalledTimes(1);
      expectSafeFailureLine(logged.mock.calls[0]![0], 'alex.morgan@testshire.example', { message: 'fresh link email failed' });
    } finally {
      logged.mockRestore();
    }
  });

  it('refuses something that is not an email address', async () => {
    const { deps } = await ownerHarness();
    expect(await requestFreshLink(deps, 'not an address', 'client-a', startNow)).toMatchObject({ kind: 'invalid' });
    expect(await requestFreshLink(deps, undefined, 'client-a', startNow)).toMatchObject({ kind: 'invalid', message: 'Enter your email address' });
    expect(await requestFreshLink(deps, '   ', 'client-a', startNow)).toMatchObject({ kind: 'invalid', message: 'Enter your email address' });
    expect(await requestFreshLink(deps, 'not an address', 'client-a', startNow)).toMatchObject({ message: 'Enter an email address in the correct format, like name@example.com' });
  });
});
