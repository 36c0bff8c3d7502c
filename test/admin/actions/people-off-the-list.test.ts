import { describe, expect, it } from 'vitest';
import { adminSession } from '../support/admin-test-app.js';
import { actionsHarness, casey, fixtureActions, textOf } from './actions-fixture.js';

/** An owner whose id the action still lists, though the directory holds nobody by it. */
const missing = 'dana.shaw.at.testshire.example';

/** The fixture with action 101 (open, SRO Casey) owned by someone the directory does not hold. */
const ownedByMissing = () => fixtureActions().map((a) => (a.id === '101' ? { ...a, ownerIds: [missing] } : a));

/** The fixture with action 104 (open, owned by Blake and Alex) co-owned by someone who has left, and Casey as its SRO. */
const coOwnedByLeaver = () => fixtureActions().map((a) => (a.id === '104' ? { ...a, ownerIds: ['blake', 'leaver'], sroId: 'casey' } : a));

/** One change's form on the action page: its HTML, from its section to the end of the form. */
const formOf = (page: string, change: string) => page.split(`id="change-${change}"`)[1]!.split('</form>')[0]!;

/** The hidden fields and selects of a form, as a browser submits them untouched: a select without a selected option sends its first. */
function asSubmitted(form: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) values[name!] = value!;
  for (const [, name, options] of form.matchAll(/<select[^>]* name="([^"]+)"[^>]*>(.*?)<\/select>/g)) {
    const chosen = /<option value="([^"]*)" selected/.exec(options!) ?? /<option value="([^"]*)"/.exec(options!);
    values[name!] = chosen![1]!;
  }
  return values;
}

describe('an update on behalf of an owner the people directory does not hold', () => {
  const update = { progress: 'Told me by phone: the audit is booked.', confidence: 'low', targetMonth: '9', targetYear: '2026' };

  it('offers them by their id, saves the update as theirs and adds nobody to the directory', async () => {
    const h = await actionsHarness({ actions: ownedByMissing() });
    const form = formOf(await (await h.app.request('/admin/actions/101')).text(), 'on-behalf');
    expect(form).toContain(`<option value="${missing}" selected="">${missing} (not in the people directory)</option>`);
    const peopleBefore = await h.repository.listPeople();

    const response = await h.post('/admin/actions/101/on-behalf', { ...asSubmitted(form), ...update });
    expect(response.status).toBe(303);
    const [saved] = await h.repository.listUpdates('101');
    expect(saved).toMatchObject({ by: adminSession.email, onBehalfOf: missing, via: 'admin', countsAsProgress: true, patch: { latestProgress: update.progress, confidence: 'low' } });
    expect((await h.repository.getAction('101'))!).toMatchObject({ latestProgress: update.progress, lastUpdatedAt: '2026-11-27T10:00:00.000Z', ownerIds: [missing] });
    expect(h.audit.entries[0]!.after).toMatchObject({ onBehalfOf: missing });
    // Nothing is made up for them: no half-written person, only the id the action already held.
    expect(await h.repository.getPerson(missing)).toBeNull();
    expect(await h.repository.listPeople()).toEqual(peopleBefore);
    expect(textOf(await (await h.app.request('/admin/actions/101')).text())).toContain(`in the admin console, on behalf of ${missing} (version 4)`);
  });

  // The id is made from their address, which an email never carries (owner-names.ts).
  it('a closure proposed for them asks the SRO to sign it off, naming them as the sign-off page does, never by their id', async () => {
    const h = await actionsHarness({ actions: ownedByMissing() });
    const response = await h.post('/admin/actions/101/on-behalf', { version: '3', onBehalfOf: missing, ...update, confidence: 'high', complete: 'yes' });
    expect(response.status).toBe(303);
    expect((await h.repository.getAction('101'))!.status).toBe('proposed-closure');
    expect(h.sent.map((e) => [e.to, e.subject])).toEqual([[[casey.email], 'Action 1.01 is ready for your sign-off']]);
    expect(h.sent[0]!.text).toContain('Someone no longer in the people directory believes action 1.01');
    expect(h.sent[0]!.text + h.sent[0]!.html).not.toContain(missing);
  });

  it('a problem elsewhere on the form keeps them chosen, with the GOV.UK error pattern, and writes nothing', async () => {
    const h = await actionsHarness({ actions: ownedByMissing() });
    const response = await h.post('/admin/actions/101/on-behalf', { version: '3', onBehalfOf: missing, ...update, progress: '' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/<title>Error: /);
    expect(html).toContain('<a href="#progress">Enter the owner’s progress update</a>');
    expect(html).toContain('id="progress-error"');
    expect(html).not.toContain('Select whose update this is');
    expect(formOf(html, 'on-behalf')).toContain(`<option value="${missing}" selected="">`);
    expect(await h.historyCount()).toBe(0);
    expect(h.audit.entries).toHaveLength(0);
  });

  it('the conflict page gives back whose update it was', async () => {
    const h = await actionsHarness({ actions: ownedByMissing() });
    const page = textOf(await (await h.post('/admin/actions/101/on-behalf', { version: '2', onBehalfOf: missing, ...update })).text());
    expect(page).toContain(`Whose update ${missing} (not in the people directory)`);
  });

  it('someone the action does not name is still refused on the field', async () => {
    const h = await actionsHarness({ actions: ownedByMissing() });
    const response = await h.post('/admin/actions/101/on-behalf', { version: '3', onBehalfOf: 'someone.else', ...update });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<a href="#onBehalfOf">Select whose update this is</a>');
    expect(await h.historyCount()).toBe(0);
  });
});

describe('reassigning an action one of whose people has left', () => {
  it('offers the co-owner who has left, chosen and marked, and the form sent untouched keeps them', async () => {
    const h = await actionsHarness({ actions: coOwnedByLeaver() });
    const form = formOf(await (await h.app.request('/admin/actions/104')).text(), 'reassign');
    expect(form).toContain('<option value="leaver" selected="">Former Officer (has left)</option>');
    expect(textOf(form)).toContain('Someone who has left, or is not in the people directory, stays on the action until you choose someone else or None.');
    // A screen reader reads the explanation with each field that offers them, not only above them.
    expect(form).toContain('<p class="hint" id="kept-hint">');
    expect(form).toContain('<select class="select" id="owner2" name="owner2" aria-describedby="kept-hint">');
    expect(form).toContain('<select class="select" id="sro" name="sro" aria-describedby="sro-hint">');

    const response = await h.post('/admin/actions/104/reassign', asSubmitted(form));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('unchanged=1');
    expect((await h.repository.getAction('104'))!.ownerIds).toEqual(['blake', 'leaver']);
    expect(await h.historyCount()).toBe(0);
    expect(textOf(await (await h.app.request(response.headers.get('location')!)).text())).toContain('Nothing was changed');
  });

  it('a change elsewhere keeps them, and the history lists only that change', async () => {
    const h = await actionsHarness({ actions: coOwnedByLeaver() });
    const form = formOf(await (await h.app.request('/admin/actions/104')).text(), 'reassign');
    expect((await h.post('/admin/actions/104/reassign', { ...asSubmitted(form), sro: 'alex' })).status).toBe(303);
    const action = (await h.repository.getAction('104'))!;
    expect(action).toMatchObject({ ownerIds: ['blake', 'leaver'], sroId: 'alex' });
    expect((await h.repository.listUpdates('104'))[0]!.changes).toEqual([{ field: 'sroId', from: 'casey', to: 'alex' }]);
  });

  it('removes them only when the admin chooses None, and the history and audit log say so', async () => {
    const h = await actionsHarness({ actions: coOwnedByLeaver() });
    const form = formOf(await (await h.app.request('/admin/actions/104')).text(), 'reassign');
    const response = await h.post('/admin/actions/104/reassign', { ...asSubmitted(form), owner2: '' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).not.toContain('unchanged');
    expect((await h.repository.getAction('104'))!.ownerIds).toEqual(['blake']);
    expect(h.audit.entries[0]).toMatchObject({ change: 'reassign-owners', before: { ownerIds: ['blake', 'leaver'] }, after: { ownerIds: ['blake'] } });
    expect(textOf(await (await h.app.request('/admin/actions/104')).text())).toContain('Owners: Ch Insp Blake Reid, Former Officer → Ch Insp Blake Reid');
  });

  it('keeps an SRO who has left, or an owner not in the directory, in the same way', async () => {
    const actions = fixtureActions().map((a) => (a.id === '104' ? { ...a, ownerIds: [missing, 'alex'], sroId: 'leaver' } : a));
    const h = await actionsHarness({ actions });
    const form = formOf(await (await h.app.request('/admin/actions/104')).text(), 'reassign');
    expect(form).toContain(`<option value="${missing}" selected="">${missing} (not in the people directory)</option>`);
    expect(form).toMatch(/<select class="select" id="sro"[^]*<option value="leaver" selected="">Former Officer \(has left\)<\/option>/);
    const response = await h.post('/admin/actions/104/reassign', asSubmitted(form));
    expect(response.headers.get('location')).toContain('unchanged=1');
    expect((await h.repository.getAction('104'))!).toMatchObject({ ownerIds: [missing, 'alex'], sroId: 'leaver' });
  });

  it('names them on the action page as the forms do: "(has left)", or their id "(not in the people directory)"', async () => {
    const actions = fixtureActions().map((a) => (a.id === '104' ? { ...a, ownerIds: [missing, 'leaver'], sroId: 'leaver' } : a));
    const h = await actionsHarness({ actions });
    const page = await (await h.app.request('/admin/actions/104')).text();
    expect(textOf(page)).toContain(`Owners (lead first) ${missing} (not in the people directory), Former Officer (has left)`);
    expect(textOf(page)).toContain('Senior responsible officer Former Officer (has left)');
    expect(formOf(page, 'on-behalf')).toContain('<option value="leaver">Former Officer (has left)</option>');
  });

  it('never makes a co-owner who has left the lead, nor the only owner: not offered as lead, and refused there', async () => {
    const h = await actionsHarness({ actions: coOwnedByLeaver() });
    const form = formOf(await (await h.app.request('/admin/actions/104')).text(), 'reassign');
    expect(form.split('id="owner1"')[1]!.split('</select>')[0]).not.toContain('value="leaver"');
    expect(form.split('id="owner3"')[1]!.split('</select>')[0]).toContain('<option value="leaver">Former Officer (has left)</option>');
    for (const sent of [{ owner1: 'leaver', owner2: 'blake' }, { owner1: 'leaver', owner2: 'leaver' }]) {
      const response = await h.post('/admin/actions/104/reassign', { version: '1', owner3: '', sro: 'casey', ...sent });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('<a href="#owner1">Former Officer has left (deactivated): select someone else</a>');
    }
    expect((await h.repository.getAction('104'))!.ownerIds).toEqual(['blake', 'leaver']);
    expect(await h.historyCount()).toBe(0);
  });

  it('never makes someone who has left an SRO they were not: the GOV.UK error on that field, the other choices kept', async () => {
    const h = await actionsHarness({ actions: coOwnedByLeaver() });
    const response = await h.post('/admin/actions/104/reassign', { version: '1', owner1: 'blake', owner2: 'leaver', owner3: '', sro: 'leaver' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/<title>Error: /);
    expect(html).toContain('<a href="#sro">Former Officer has left (deactivated): select someone else</a>');
    expect(html).toContain('id="sro-error"');
    expect(html).not.toContain('href="#owner2"');
    // The co-owner kept on the form as sent; a leaver is offered as SRO only to the SRO who has left, so that select shows the error.
    const form = formOf(html, 'reassign');
    expect(form).toMatch(/<select class="select" id="owner2" name="owner2" aria-describedby="kept-hint">[^]*?<option value="leaver" selected="">Former Officer \(has left\)<\/option>/);
    expect(form).toContain('<select class="select select-error" id="sro"');
    expect(await h.historyCount()).toBe(0);
  });
});
