import { describe, expect, it } from 'vitest';
import { adminSession, boardSession } from '../support/admin-test-app.js';
import { actionsHarness, alex, blake, fixtureActions, textOf } from './actions-fixture.js';

/** One valid form per change, on an action where the change makes sense. */
const changes = [
  { change: 'edit', id: '101', version: '3', form: { kind: 'afi', area: 'Effectiveness', ref: '1.01', text: 'Improve crime data integrity.', evidence: '', plan: 'Monthly audits.', acceptedValue: 'yes', acceptedRationale: '' } },
  { change: 'reassign', id: '101', version: '3', form: { owner1: 'blake', owner2: '', owner3: '', sro: 'casey' } },
  { change: 'sign-off', id: '102', version: '1', form: {} },
  { change: 'reopen', id: '103', version: '1', form: { reopenReason: 'The re-inspection found the problem again.' } },
  { change: 'not-accepted', id: '101', version: '3', form: { notAcceptedReason: 'The PCC decided not to fund it.' } },
  { change: 'superseded', id: '101', version: '3', form: { supersededReason: 'Replaced by recommendation 4 of the 2026 report.' } },
  { change: 'on-behalf', id: '101', version: '3', form: { onBehalfOf: 'alex', progress: 'Audit done in October (by phone).', confidence: 'low', confidenceNarrative: '', targetMonth: '9', targetYear: '2026', timescaleReason: '' } },
] as const;

describe('each change on the action page', () => {
  for (const { change, id, version, form } of changes) {
    it(`${change}: one history entry via admin by the admin, one audit entry, then back to the action`, async () => {
      const h = await actionsHarness();
      const before = await h.repository.getAction(id);
      const response = await h.post(`/admin/actions/${id}/${change}`, { version, ...form });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toMatch(new RegExp(`^/admin/actions/${id}\\?done=${change}`));

      const history = await h.repository.listUpdates(id);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ version: before!.version + 1, via: 'admin', by: adminSession.email, at: '2026-11-27T10:00:00.000Z' });
      expect(await h.historyCount()).toBe(1);
      expect(h.audit.entries).toHaveLength(1);
      expect(h.audit.entries[0]).toMatchObject({ by: adminSession.email, target: { type: 'action', id } });
      expect(Object.keys(h.audit.entries[0]!.after as object).length).toBeGreaterThan(0);
      expect((await h.repository.getAction(id))!.version).toBe(before!.version + 1);

      const page = await (await h.app.request(response.headers.get('location')!)).text();
      expect(page).toContain('notification-success');
    });

    it(`${change}: a stale version shows the conflict page and writes nothing`, async () => {
      const h = await actionsHarness();
      const response = await h.post(`/admin/actions/${id}/${change}`, { ...form, version: String(Number(version) - 1) });
      expect(response.status).toBe(409);
      expect(textOf(await response.text())).toContain('Nothing you sent was saved');
      expect(await h.historyCount()).toBe(0);
      expect(h.audit.entries).toHaveLength(0);
      expect(h.sent).toHaveLength(0);
    });

    it(`${change}: a board member is refused (403) and nothing is written`, async () => {
      const h = await actionsHarness({ session: boardSession });
      const response = await h.post(`/admin/actions/${id}/${change}`, { version, ...form });
      expect(response.status).toBe(403);
      expect(await h.historyCount()).toBe(0);
      expect(h.audit.entries).toHaveLength(0);
      expect(h.sent).toHaveLength(0);
    });
  }

  it('the conflict page gives back the on-behalf form\'s choices as well as its text', async () => {
    const h = await actionsHarness();
    const form = { onBehalfOf: 'alex', progress: 'Audit done in October.', confidence: 'medium', confidenceNarrative: '', targetMonth: '3', targetYear: '2027', timescaleReason: 'Audit team reduced.', complete: 'yes' };
    const page = textOf(await (await h.post('/admin/actions/101/on-behalf', { ...form, version: '2' })).text());
    expect(page).toContain('What you typed');
    for (const words of ['Whose update Supt Alex Morgan', 'Progress update Audit done in October.', 'Confidence Medium', 'Target March 2027', 'Why the target is changing Audit team reduced.', 'Proposed for closure Yes']) {
      expect(page).toContain(words);
    }
  });

  it('a form without a version is refused and writes nothing', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/102/sign-off', {});
    expect(response.status).toBe(400);
    expect(await h.historyCount()).toBe(0);
  });

  it('an unknown action is a 404 for pages and changes alike', async () => {
    const h = await actionsHarness();
    expect((await h.app.request('/admin/actions/nope')).status).toBe(404);
    expect((await h.post('/admin/actions/nope/sign-off', { version: '1' })).status).toBe(404);
  });

  it('signing off an action that is not proposed for closure is refused', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/101/sign-off', { version: '3' });
    expect(response.status).toBe(400);
    expect(await h.historyCount()).toBe(0);
  });

  it('sign-off closes and tells the owner, reopen records its reason, and the history page shows both', async () => {
    const h = await actionsHarness();
    await h.post('/admin/actions/102/sign-off', { version: '1' });
    expect((await h.repository.getAction('102'))!.status).toBe('closed');
    // Its owner is told, by ref: they proposed it, and it has left their page.
    expect(h.sent.map((e) => [e.to, e.subject])).toEqual([[['alex.morgan@testshire.example'], 'Action 1.02 is signed off and closed']]);
    expect(h.sent[0]!.text).toContain(`${adminSession.name} has signed off action 1.02`);
    expect(h.sent[0]!.text).not.toContain('Review shift patterns');
    await h.post('/admin/actions/102/reopen', { version: '2', reopenReason: 'Board asked for more evidence.' });
    const action = await h.repository.getAction('102');
    expect(action!.status).toBe('open');
    // Told it was closed, the owner is told it is open again before reminders start: the ref, not the reason.
    expect(h.sent.map((e) => [e.to, e.subject])[1]).toEqual([['alex.morgan@testshire.example'], 'Action 1.02 is open again']);
    expect(h.sent[1]!.text).toContain(`${adminSession.name} has reopened action 1.02`);
    expect(h.sent[1]!.text).not.toMatch(/Board asked|Review shift patterns/);
    const history = await h.repository.listUpdates('102');
    expect(history.map((u) => u.changes)).toEqual([
      [{ field: 'status', from: 'proposed-closure', to: 'closed' }],
      [
        { field: 'status', from: 'closed', to: 'open' },
        { field: 'reason', from: null, to: 'Board asked for more evidence.' },
      ],
    ]);
    const page = textOf(await (await h.app.request('/admin/actions/102')).text());
    expect(page).toContain('Status: Closed → Open');
    expect(page).toContain('Reason: Board asked for more evidence.');
    expect(page).toContain(`${adminSession.email} in the admin console`);
    // The history goes back to where the action came from: the import, at version 1.
    expect(page).toMatch(/in the admin console \(version 3\)[^]*in the admin console \(version 2\)[^]*Imported on 6 January 2025 at 09:00 \(version 1\)\.\s*$/);
    const fresh = textOf(await (await (await actionsHarness()).app.request('/admin/actions/102')).text());
    expect(fresh).toContain('No changes recorded since it was imported on 6 January 2025 at 09:00.');
  });

  it('tells each co-owner of a signed-off closure what happened, not that they proposed it', async () => {
    const coOwned = fixtureActions().map((a) => (a.id === '102' ? { ...a, ownerIds: ['alex', 'blake'] } : a));
    const h = await actionsHarness({ actions: coOwned });
    await h.post('/admin/actions/102/sign-off', { version: '1' });
    expect(h.sent.map((e) => [e.to, e.subject])).toEqual([
      [[alex.email], 'Action 1.02 is signed off and closed'],
      [[blake.email], 'Action 1.02 is signed off and closed'],
    ]);
    for (const email of h.sent) {
      expect(email.text).toContain('has signed off action 1.02 in Testshire Police\'s inspection action plan, which was proposed for closure.');
      expect(email.text).toContain('Your personal link shows any other actions you have:');
      expect(email.text).not.toMatch(/you proposed|if you have any/);
    }
  });

  it('tells the owners of a closure returned from the console that it was proposed, not who proposed it', async () => {
    const h = await actionsHarness();
    await h.post('/admin/actions/102/reopen', { version: '1', reopenReason: 'Not evidenced yet.' });
    expect(h.sent.map((e) => e.subject)).toEqual(['Action 1.02 is not signed off: it is open again']);
    expect(h.sent[0]!.text).toContain('has not signed off action 1.02 in Testshire Police\'s inspection action plan, which was proposed for closure, and has returned it to you');
  });

  it('not accepted keeps the reason as the acceptance rationale', async () => {
    const h = await actionsHarness();
    await h.post('/admin/actions/101/not-accepted', { version: '3', notAcceptedReason: 'Not funded.' });
    expect((await h.repository.getAction('101'))!).toMatchObject({ status: 'not-accepted', accepted: { value: false, rationale: 'Not funded.' } });
  });

  it('an update on behalf is recorded as such and moves last updated; an admin edit does not', async () => {
    const h = await actionsHarness();
    const before = await h.repository.getAction('101');
    await h.post('/admin/actions/101/on-behalf', { version: '3', onBehalfOf: 'alex', progress: 'Done by phone.', confidence: 'low', targetMonth: '9', targetYear: '2026' });
    const [update] = await h.repository.listUpdates('101');
    expect(update).toMatchObject({ by: adminSession.email, onBehalfOf: 'alex', via: 'admin', countsAsProgress: true, patch: { latestProgress: 'Done by phone.', confidence: 'low' } });
    expect(update!.changes).toContainEqual({ field: 'lastUpdatedAt', from: before!.lastUpdatedAt, to: '2026-11-27T10:00:00.000Z' });
    expect((await h.repository.getAction('101'))!.lastUpdatedAt).toBe('2026-11-27T10:00:00.000Z');
    // The audit log says whose update it was, as the history does.
    expect(h.audit.entries[0]!.after).toMatchObject({ onBehalfOf: 'alex' });
    const page = textOf(await (await h.app.request('/admin/actions/101')).text());
    expect(page).toContain('on behalf of Supt Alex Morgan');
    // The sheet's own words stay labelled as the sheet's, whatever the target has become since.
    expect(page).toContain('Timescale as written in the imported plan Sep-26');
    // The entry's own time says when it was last updated: the history does not list it as a change.
    expect(page).not.toContain('Last updated:');

    await h.post('/admin/actions/101/edit', { version: '4', kind: 'recommendation', area: 'Effectiveness', ref: '1.01', text: 'New wording.', evidence: '', plan: '', acceptedValue: 'yes', acceptedRationale: '' });
    const edited = await h.repository.getAction('101');
    expect(edited!.text).toBe('New wording.');
    expect(edited!.lastUpdatedAt).toBe('2026-11-27T10:00:00.000Z');
    const [, edit] = await h.repository.listUpdates('101');
    expect(edit!.countsAsProgress).toBe(false);
    expect(edit!.changes.map((change) => change.field)).not.toContain('lastUpdatedAt');
  });

  it("a closure proposed on behalf of the owner emails the SRO to sign it off, as the owner's own save would", async () => {
    const h = await actionsHarness();
    const form = { version: '3', onBehalfOf: 'alex', progress: 'All done, said on the phone.', confidence: 'high', targetMonth: '9', targetYear: '2026', complete: 'yes' };
    expect((await h.post('/admin/actions/101/on-behalf', form)).status).toBe(303);
    expect((await h.repository.getAction('101'))!.status).toBe('proposed-closure');
    expect(h.sent.map((e) => [e.to, e.subject])).toEqual([[['casey.lane@testshire.example'], 'Action 1.01 is ready for your sign-off']]);
    expect(h.sent[0]!.text).toContain('Supt Alex Morgan believes action 1.01');
    expect(h.sent[0]!.text).not.toContain('Improve crime recording');
    // Still proposed after a second update: the SRO has been asked already.
    await h.post('/admin/actions/101/on-behalf', { ...form, version: '4', progress: 'Evidence filed.' });
    expect(h.sent).toHaveLength(1);
  });

  it('an update on behalf of the owner of a closed action is refused: reopening needs its reason', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/103/on-behalf', { version: '1', onBehalfOf: 'blake', progress: 'More work.', confidence: 'high' });
    expect(response.status).toBe(400);
    expect((await h.repository.getAction('103'))!.status).toBe('closed');
    expect(await h.historyCount()).toBe(0);
    expect(await (await h.app.request('/admin/actions/103')).text()).not.toContain('action="/admin/actions/103/on-behalf"');
  });

  it('on behalf of someone who is not an owner is refused with a field error', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/101/on-behalf', { version: '3', onBehalfOf: 'blake', progress: 'Typed by the admin.', confidence: 'high', targetMonth: '9', targetYear: '2026' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#onBehalfOf"');
    expect(html).toContain('Typed by the admin.');
    expect(await h.historyCount()).toBe(0);
  });

  it('an edit that changes nothing writes nothing and says so', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/104/edit', { version: '1', kind: 'recommendation', area: 'Efficiency', ref: '2.01', text: 'Estates review.', evidence: '', plan: '', acceptedValue: 'yes', acceptedRationale: '' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('unchanged=1');
    expect(await h.historyCount()).toBe(0);
    expect(h.audit.entries).toHaveLength(0);
    expect(textOf(await (await h.app.request(response.headers.get('location')!)).text())).toContain('Nothing was changed');
  });

  it('an edit to a ref another action has is refused on the ref field', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/104/edit', { version: '1', kind: 'recommendation', area: 'Efficiency', ref: '1.01', text: 'Estates review.', evidence: '', plan: '', acceptedValue: 'yes', acceptedRationale: '' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Ref 1.01 is already used by another action');
    expect(await h.historyCount()).toBe(0);
  });

  it('the audit entry holds the changed fields before and after', async () => {
    const h = await actionsHarness();
    await h.post('/admin/actions/101/reassign', { version: '3', owner1: 'blake', owner2: 'alex', owner3: '', sro: '' });
    expect(h.audit.entries[0]).toMatchObject({ change: 'reassign-owners', before: { ownerIds: ['alex'], sroId: 'casey' }, after: { ownerIds: ['blake', 'alex'], sroId: null } });
  });
});
