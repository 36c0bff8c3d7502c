import { describe, expect, it, vi } from 'vitest';
import { perClientPerHour } from '../../functions/core/owner/request-fresh-link.js';
import { emailRequestMs } from '../../web/middleware/security.js';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import type { Action } from '../../functions/core/model/action.js';
import { personIdFromEmail } from '../../functions/core/model/person.js';
import type { Update } from '../../functions/core/model/update.js';
import { makeAction, makePerson } from '../support/make-action.js';
import { ownerHarness, planActions, postForm, startNow, validUpdate } from './owner-fixture.js';

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';

describe('the owner pages', () => {
  it('list the person’s actions with ref, area, text, target, confidence and last updated, needing them first', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const response = await h.app.request(`/u/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(titleOf(html)).toBe('Your actions – Action Plan Tracker – Testshire Police');
    expect(html.indexOf('1.01')).toBeLessThan(html.indexOf('1.03'));
    expect(html.indexOf('1.03')).toBeLessThan(html.indexOf('1.02'));
    for (const text of ['Effectiveness', 'Improve crime recording.', 'September 2026', 'Medium', '92 days ago', 'Never updated', 'Overdue', 'Needs an update']) {
      expect(html).toContain(text);
    }
    expect(html).toContain(`href="/u/${token}/actions/101"`);
    expect(html).not.toContain('BLAKE-ONLY');
    expect(html).not.toContain('Closed one.');
  });

  it('show the update form prefilled, with the recommendation, the plan and the last three updates', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    for (const [i, text] of ['first', 'second', 'third', 'fourth'].entries()) {
      expect((await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ version: String(i + 1), progress: `Update ${text}` }))).status).toBe(303);
    }
    const response = await h.app.request(`/u/${token}/actions/101`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(titleOf(html)).toMatch(/^Update 1\.01 – /);
    expect(html).toContain('Improve crime recording.');
    expect(html).toContain('Audit every month.');
    expect(html).not.toContain('Update first');
    expect(html.indexOf('Update fourth')).toBeLessThan(html.indexOf('Update second'));
    // Each update moved the last-updated time; its own time says so, so it is not listed as a change.
    expect(html).not.toContain('Last updated:');
    expect(html).toContain('<input type="hidden" name="version" value="5"/>');
    expect(html).toMatch(/value="low" checked=""/);
    expect(html).toMatch(/<option value="9" selected="">September<\/option>/);
    expect(html).toContain('value="2026"');
  });

  it("keep the latest progress on the form when an admin's changes come after it", async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    for (const [i, text] of ['first', 'second', 'third'].entries()) {
      expect((await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ version: String(i + 1), progress: `Update ${text}` }))).status).toBe(303);
    }
    // Owners reassigned and back, as admins do: no progress in them.
    for (const ownerIds of [['alex', 'blake'], ['alex'], ['alex', 'blake']]) {
      const action = (await h.repository.getAction('101'))!;
      const change = { field: 'ownerIds', from: action.ownerIds, to: ownerIds };
      await h.repository.saveUpdate({ actionId: '101', version: action.version + 1, at: h.clock.now().toISOString(), by: 'admin@testshire.example', onBehalfOf: null, via: 'admin', patch: { ownerIds }, changes: [change], countsAsProgress: false });
    }
    const html = await (await h.app.request(`/u/${token}/actions/101`)).text();
    const recent = /<h2>Recent updates<\/h2>([\s\S]*?)<h2>Your update<\/h2>/.exec(html)?.[1] ?? '';
    // The three changes, newest first, then the progress they came after; no older progress.
    expect(recent.match(/<div class="update-entry">/g)).toHaveLength(4);
    expect(recent.match(/<li>Owners: /g)).toHaveLength(3);
    expect(recent.lastIndexOf('<li>Owners: ')).toBeLessThan(recent.indexOf('Update third'));
    expect(recent).not.toContain('Update second');
  });

  it('show the progress the imported plan holds until the first update here, and nothing invented without one', async () => {
    const imported = { ...planActions()[0]!, id: '150', ref: '1.50', version: 1, latestProgress: 'IMPORTED: audit template agreed with the FCR.' };
    const bare = makeAction({ id: '151', ref: '1.51', ownerIds: ['alex'], latestProgress: null });
    const h = await ownerHarness({ actions: [...planActions(), imported, bare] });
    const token = await h.linkFor('alex');
    const page = await (await h.app.request(`/u/${token}/actions/150`)).text();
    expect(page).toContain('Latest progress in the plan as imported, before any update here:');
    expect(page).toContain('IMPORTED: audit template agreed with the FCR.');
    expect(await (await h.app.request(`/u/${token}/actions/151`)).text()).toContain('No updates recorded yet.');
    // An admin's change since (a reassignment) leaves it under the change.
    const change = { field: 'ownerIds', from: ['alex'], to: ['alex', 'blake'] };
    await h.repository.saveUpdate({ actionId: '150', version: 2, at: h.clock.now().toISOString(), by: 'admin@testshire.example', onBehalfOf: null, via: 'admin', patch: { ownerIds: ['alex', 'blake'] }, changes: [change], countsAsProgress: false });
    const reassigned = await (await h.app.request(`/u/${token}/actions/150`)).text();
    expect(reassigned.indexOf('<li>Owners: ')).toBeGreaterThan(-1);
    expect(reassigned.indexOf('<li>Owners: ')).toBeLessThan(reassigned.indexOf('IMPORTED: audit template agreed with the FCR.'));
    // Once updated here, the history speaks for itself.
    expect((await postForm(h.app, `/u/${token}/actions/150`, validUpdate({ version: '2', progress: 'Audit run in November.' }))).status).toBe(303);
    const after = await (await h.app.request(`/u/${token}/actions/150`)).text();
    expect(after).toContain('Audit run in November.');
    expect(after).not.toContain('before any update here');
  });

  it('list errors in the summary in the order of the fields on the page', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    // 1.01 is past its target: High with the target kept is refused, and the reason is too long.
    const html = await (await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ progress: '', confidence: 'high', timescaleReason: 'x'.repeat(2001) }))).text();
    const summary = [...html.matchAll(/<li><a href="#([\w-]+)">/g)].map((m) => m[1]);
    expect(summary).toEqual(['progress', 'target', 'timescaleReason']);
    const onPage = summary.map((id) => html.indexOf(`id="${id}"`));
    expect(onPage).toEqual([...onPage].sort((a, b) => a - b));
  });

  it('show errors in the GOV.UK pattern and keep what was typed', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const response = await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ progress: '', confidenceNarrative: 'kept narrative', targetMonth: '6', targetYear: '2027' }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(titleOf(html)).toMatch(/^Error: Update 1\.01/);
    expect(html).toMatch(/<div class="error-summary" role="alert"[^>]*tabindex="-1" autofocus="">/);
    expect(html).toContain('<a href="#progress">Enter your progress update</a>');
    expect(html).toContain('<a href="#timescaleReason">Enter why the target date is changing</a>');
    expect(html).toContain('id="progress-error" class="error-message"><span class="visually-hidden">Error:</span> Enter your progress update');
    expect(html).toContain('aria-describedby="progress-hint progress-error"');
    expect(html).toContain('>kept narrative</textarea>');
    expect(html).toMatch(/<option value="6" selected="">June<\/option>/);
    expect(html).toContain('value="2027"');
    expect(await h.repository.listUpdates('101')).toEqual([]);
  });

  it('say on the form when the target has passed, and refuse high confidence in it beside the target', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const passed = 'Now: September 2026, which has passed. Enter the month and year it will now be done by, or select Low confidence if you do not know yet.';
    const overdue = await (await h.app.request(`/u/${token}/actions/101`)).text();
    expect(overdue).toContain(passed);
    // Said where the confidence is chosen too, which comes first on the page.
    expect(overdue).toContain('<fieldset class="fieldset" aria-describedby="confidence-hint confidence-complete-hint">');
    expect(overdue).toContain('<p id="confidence-hint" class="hint">Its target date, September 2026, has passed: select Low, or set a new target date below.</p>');
    // Stored as Medium when the date was ahead: asked afresh, not prefilled with a choice that would be refused.
    expect(overdue).not.toMatch(/name="confidence" value="[a-z]+" checked/);
    const onTime = await (await h.app.request(`/u/${token}/actions/102`)).text();
    expect(onTime).toContain('Now: March 2027. Change the month or year only if the target is moving.');
    expect(onTime).not.toContain('confidence-hint');
    expect(onTime).toMatch(/name="confidence" value="high" checked=""/);

    const response = await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ confidence: 'high' }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<a href="#target">The target date has passed: enter a new one, or select Low confidence</a>');
    expect(html).toContain('id="target-error" class="error-message"><span class="visually-hidden">Error:</span> The target date has passed');
    expect(html).toMatch(/value="high" checked=""/);
    expect(await h.repository.listUpdates('101')).toEqual([]);
  });

  it('asks for a new target or Low only of an open action: a proposed closure past its target is not told to', async () => {
    const proposed = makeAction({ id: '301', ref: '3.01', ownerIds: ['alex'], status: 'proposed-closure', confidence: 'high', timescale: { text: null, target: '2026-09', originalTarget: '2026-09', revisions: [] } });
    const h = await ownerHarness({ actions: [proposed] });
    const token = await h.linkFor('alex');
    const html = await (await h.app.request(`/u/${token}/actions/301`)).text();
    expect(html).toContain('Now: September 2026. Change the month or year only if the target is moving.');
    expect(html).not.toContain('confidence-hint');
    expect(html).toMatch(/name="confidence" value="high" checked=""/);
    expect(html).toMatch(/name="complete" value="yes" checked=""/);
    // Saved as it comes, since it is believed complete; unticked, High in a passed target is refused beside the target.
    expect((await postForm(h.app, `/u/${token}/actions/301`, validUpdate({ confidence: 'high', complete: 'yes' }))).status).toBe(303);
  });

  // "Will it be done by its target date?" means nothing for work the owner says is finished.
  it('proposes a closure without a confidence rating, keeping the one stored, and says it is not needed', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const form = await (await h.app.request(`/u/${token}/actions/102`)).text();
    expect(form).toContain('You can leave this if you tick “I believe this action is complete” below.');
    const before = (await h.repository.getAction('102'))!;
    const response = await postForm(h.app, `/u/${token}/actions/102`, validUpdate({ confidence: '', complete: 'yes', targetMonth: '3', targetYear: '2027' }));
    expect(response.status).toBe(303);
    expect(await h.repository.getAction('102')).toMatchObject({ status: 'proposed-closure', confidence: before.confidence });
    // Not complete, the rating is asked for as before.
    const unticked = await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ confidence: '' }));
    expect(unticked.status).toBe(400);
  });

  it('links a problem with the target year to the year box, said beside the target date as the others are', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    for (const [targetYear, message] of [['27', 'Target year must be 4 digits, like 2027'], ['', 'Target date must include a year']] as const) {
      const html = await (await postForm(h.app, `/u/${token}/actions/102`, validUpdate({ targetMonth: '3', targetYear }))).text();
      expect(html).toContain(`<a href="#targetYear">${message}</a>`);
      expect(html).toContain(`id="target-error" class="error-message"><span class="visually-hidden">Error:</span> ${message}`);
    }
  });

  it('ask no reason on the form of an action that never had a target, and say when to give one', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const none = await (await h.app.request(`/u/${token}/actions/103`)).text();
    expect(none).toContain('Now: Not set. Enter the month and year it will be done by once it is agreed.');
    expect(none).not.toContain('name="timescaleReason"');
    expect(await (await h.app.request(`/u/${token}/actions/102`)).text()).toContain('name="timescaleReason"');
  });

  it('save, then show the list with a confirmation and the next action needing the person', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const saved = await postForm(h.app, `/u/${token}/actions/103`, validUpdate({ targetMonth: '', targetYear: '', progress: 'Panel met.' }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/u/${token}?saved=103&at=${h.clock.now().getTime()}`);
    const html = await (await h.app.request(saved.headers.get('location')!)).text();
    expect(html).toContain('Update saved for 1.03');
    // Focused on load, as the error summary is, so that a screen reader reads it first.
    const banner = /<div class="notification-success"[^>]*>/.exec(html)![0];
    for (const attribute of ['role="alert"', 'tabindex="-1"', 'autofocus=""']) expect(banner).toContain(attribute);
    expect(html).toContain(`Next: <a href="/u/${token}/actions/101">update 1.01</a>, which is past its target date.`);
    const action = await h.repository.getAction('103');
    expect(action).toMatchObject({ version: 2, latestProgress: 'Panel met.', lastUpdatedAt: h.clock.now().toISOString() });
    expect((await h.repository.listUpdates('103'))[0]).toMatchObject({ by: 'alex', via: 'link', countsAsProgress: true });
  });

  it("confirm only the person's own save, on the page it lands on, not the same address opened later or typed", async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    // 1.02 has never been updated: its address claims a save that never was.
    expect(await (await h.app.request(`/u/${token}?saved=102&at=${h.clock.now().getTime()}`)).text()).not.toContain('Update saved');
    const form = validUpdate({ targetMonth: '', targetYear: '', progress: 'Panel met.' });
    const landed = (await postForm(h.app, `/u/${token}/actions/103`, form)).headers.get('location')!;
    h.clock.set(new Date(h.clock.now().getTime() + 14 * 60_000));
    expect(await (await h.app.request(landed)).text()).toContain('Update saved for 1.03');
    // Opened again later (a restored tab, a bookmark): the page is the list, without the claim.
    h.clock.set(new Date(h.clock.now().getTime() + 2 * 60_000));
    const later = await (await h.app.request(landed)).text();
    expect(later).not.toContain('Update saved');
    expect(later).toContain('<h1>Your actions</h1>');
    for (const at of ['', '&at=soon', `&at=${h.clock.now().getTime() + 60 * 60_000}`]) {
      expect(await (await h.app.request(`/u/${token}?saved=103${at}`)).text(), at).not.toContain('Update saved');
    }
    // The same form sent again later is accepted as saved already, and its page says so.
    const again = await postForm(h.app, `/u/${token}/actions/103`, form);
    expect(again.status).toBe(303);
    expect(await (await h.app.request(again.headers.get('location')!)).text()).toContain('Update saved for 1.03');
    expect(await h.repository.listUpdates('103')).toHaveLength(1);
    // A co-owner's save is theirs to be told of, not this person's.
    const blake = await h.linkFor('blake');
    const theirs = (await postForm(h.app, `/u/${blake}/actions/103`, validUpdate({ version: '2', targetMonth: '', targetYear: '', progress: 'Panel met again.' }))).headers.get('location')!;
    expect(await (await h.app.request(theirs)).text()).toContain('Update saved for 1.03');
    expect(await (await h.app.request(landed)).text()).not.toContain('Update saved');
  });

  it('suggest next an action gone without an update before one only past its target, updated minutes ago', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    // 1.01 is past its target: updated with Low confidence, it still is, but has had its update.
    expect((await postForm(h.app, `/u/${token}/actions/101`, validUpdate())).status).toBe(303);
    const saved = await postForm(h.app, `/u/${token}/actions/102`, validUpdate({ version: '1', targetMonth: '3', targetYear: '2027', confidence: 'high' }));
    const html = await (await h.app.request(saved.headers.get('location')!)).text();
    expect(html).toContain(`Next: <a href="/u/${token}/actions/103">update 1.03</a>, which has never been updated.`);
    // With nothing else gone quiet, the one past its target is next, saying what it needs.
    await postForm(h.app, `/u/${token}/actions/103`, validUpdate({ targetMonth: '', targetYear: '', progress: 'Panel met.' }));
    const last = await (await h.app.request((await postForm(h.app, `/u/${token}/actions/102`, validUpdate({ version: '2', targetMonth: '3', targetYear: '2027', confidence: 'high' }))).headers.get('location')!)).text();
    expect(last).toContain(`Next: <a href="/u/${token}/actions/101">update 1.01</a>, which is past its target date and needs a new one.`);
  });

  it('count an overdue action updated today as past its target date, not as needing an update, on the page and in a fresh link', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const lead = async () => /<p class="lead">([^<]*)<\/p>/.exec(await (await h.app.request(`/u/${token}`)).text())![1];
    expect(await lead()).toBe('Supt Alex Morgan: 3 open actions. Of these, 2 need an update.');
    expect((await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ version: '1', progress: 'Audit done for October.', targetMonth: '9', targetYear: '2026' }))).status).toBe(303);
    expect(await lead()).toBe('Supt Alex Morgan: 3 open actions. Of these, 1 needs an update and 1 more is past its target date.');
    expect((await postForm(h.app, `/u/${token}/actions/103`, validUpdate({ targetMonth: '', targetYear: '', progress: 'Panel met.' }))).status).toBe(303);
    expect(await lead()).toBe('Supt Alex Morgan: 3 open actions. Of these, 1 is past its target date.');
    expect((await postForm(h.app, '/u/new-link', { email: 'alex.morgan@testshire.example' })).status).toBe(200);
    expect(h.sent.at(-1)!.text).toContain('You have 3 actions (1.01, 1.02, 1.03); 1 is past its target date.');
  });

  it('say when no action needs an update', async () => {
    const h = await ownerHarness({ actions: planActions().filter((action) => action.id === '102') });
    const html = await (await h.app.request(`/u/${await h.linkFor('alex')}`)).text();
    expect(html).toContain('Supt Alex Morgan: 1 open action. It needs no update now.');
  });

  it('count the same form sent twice (a double click) as one save, not as a conflict with itself', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const form = validUpdate({ progress: 'Sent twice.', targetMonth: '6', targetYear: '2027', timescaleReason: 'Audit team reduced.' });
    const first = await postForm(h.app, `/u/${token}/actions/101`, form);
    const second = await postForm(h.app, `/u/${token}/actions/101`, form);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await h.repository.listUpdates('101')).toHaveLength(1);
    // A different text on the old version is still someone's change to compare with.
    expect((await postForm(h.app, `/u/${token}/actions/101`, { ...form, progress: 'Something else.' })).status).toBe(409);
  });

  it('show on the conflict page the other update\'s reason for confidence and the names of owners it changed', async () => {
    const h = await ownerHarness();
    const alexToken = await h.linkFor('alex');
    await postForm(h.app, `/u/${await h.linkFor('blake')}/actions/103`, validUpdate({ targetMonth: '', targetYear: '', progress: 'Blake was first.', confidence: 'low', confidenceNarrative: 'Funding withdrawn.' }));
    const html = await (await postForm(h.app, `/u/${alexToken}/actions/103`, validUpdate({ targetMonth: '', targetYear: '', progress: 'Alex wrote this.' }))).text();
    const theirs = html.slice(html.indexOf('The other update'), html.indexOf('Your update</h2>'));
    expect(theirs).toContain('Funding withdrawn.');
    expect(theirs).toContain('Confidence: Not set → Low');
  });

  it('show at most the last three updates on the conflict page, whatever version the form claims, with everyone named', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    for (let version = 1; version <= 4; version++) {
      expect((await postForm(h.app, `/u/${token}/actions/102`, validUpdate({ version: String(version), progress: `Update ${version}.`, targetMonth: '3', targetYear: '2027' }))).status).toBe(303);
    }
    // An admin adds a co-owner who has written nothing.
    const action = (await h.repository.getAction('102'))!;
    await h.repository.putPerson(makePerson({ id: 'dana', name: 'Insp Dana Smith', email: 'dana.smith@testshire.example' }));
    await h.repository.saveUpdate({ actionId: '102', version: 6, at: startNow.toISOString(), by: 'blake', onBehalfOf: null, via: 'admin', patch: { ownerIds: ['alex', 'dana'] }, changes: [{ field: 'ownerIds', from: action.ownerIds, to: ['alex', 'dana'] }], countsAsProgress: false });
    const html = await (await postForm(h.app, `/u/${token}/actions/102`, validUpdate({ version: '0', progress: 'Crafted.', targetMonth: '3', targetYear: '2027' }))).text();
    const theirs = html.slice(html.indexOf('The other update'), html.indexOf('Your update</h2>'));
    expect(theirs.match(/class="update-entry"/g)).toHaveLength(3);
    expect(theirs).not.toContain('Update 2.');
    expect(theirs).toContain('Owners: Supt Alex Morgan → Supt Alex Morgan, Insp Dana Smith');
  });

  it('show a conflict with the other update beside the person’s own text, and take the resubmission', async () => {
    const h = await ownerHarness();
    const alexToken = await h.linkFor('alex');
    const blakeToken = await h.linkFor('blake');
    // Both open 1.03 at version 1; Blake saves first.
    expect((await postForm(h.app, `/u/${blakeToken}/actions/103`, validUpdate({ targetMonth: '', targetYear: '', progress: 'Blake was first.' }))).status).toBe(303);
    const conflict = await postForm(h.app, `/u/${alexToken}/actions/103`, validUpdate({ targetMonth: '', targetYear: '', progress: 'Alex wrote this.' }));
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    expect(html).toContain('<title>Not saved: 1.03 was updated while you were writing');
    // Said first and focused, as a form's errors are.
    const banner = /<div class="notification-important"[^>]*>/.exec(html)![0];
    for (const attribute of ['role="alert"', 'tabindex="-1"', 'autofocus=""']) expect(banner).toContain(attribute);
    expect(html.indexOf('Your update has not been saved')).toBeLessThan(html.indexOf('<h1>'));
    expect(html).toContain('Ch Insp Blake Reid');
    expect(html).toContain('Blake was first.');
    expect(html).toContain('<p class="prose">Alex wrote this.</p>');
    expect(html).toContain('>Alex wrote this.</textarea>');
    expect(html).toContain('<input type="hidden" name="version" value="2"/>');
    expect(await h.repository.listUpdates('103')).toHaveLength(1);
    const resubmit = await postForm(h.app, `/u/${alexToken}/actions/103`, validUpdate({ version: '2', targetMonth: '', targetYear: '', progress: 'Alex wrote this.' }));
    expect(resubmit.status).toBe(303);
    expect((await h.repository.listUpdates('103')).map((u) => u.patch.latestProgress)).toEqual(['Blake was first.', 'Alex wrote this.']);
  });

  it('show the conflict page, not a demand for a reason, when a co-owner moved the target meanwhile; and keep their target on resubmit', async () => {
    const h = await ownerHarness();
    const alexToken = await h.linkFor('alex');
    // Both open 1.03 at version 1 (no target); Blake sets one, with a reason and a narrative.
    const blakes = validUpdate({ targetMonth: '12', targetYear: '2027', timescaleReason: 'Panel moved.', progress: 'Blake was first.', confidenceNarrative: 'Panel booked.' });
    expect((await postForm(h.app, `/u/${await h.linkFor('blake')}/actions/103`, blakes)).status).toBe(303);
    // Alex's form still shows no target and no narrative; Alex writes progress and picks a confidence only.
    const conflict = await postForm(h.app, `/u/${alexToken}/actions/103`, validUpdate({ targetMonth: '', targetYear: '', confidenceNarrative: '', progress: 'Alex wrote this.' }));
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    expect(html).not.toContain('Enter why the target date is changing');
    const form = html.slice(html.indexOf('Save your update'));
    expect(form).toContain('<option value="12" selected="">December</option>');
    expect(form).toContain('value="2027"');
    expect(form).toContain('>Panel booked.</textarea>');
    const resubmit = await postForm(h.app, `/u/${alexToken}/actions/103`, validUpdate({ version: '2', targetMonth: '12', targetYear: '2027', confidenceNarrative: 'Panel booked.', progress: 'Alex wrote this.' }));
    expect(resubmit.status).toBe(303);
    expect(await h.repository.getAction('103')).toMatchObject({ latestProgress: 'Alex wrote this.', confidenceNarrative: 'Panel booked.', timescale: { target: '2027-12' } });
  });

  it('warn on the form, the same day, that saving again adds another update: the back button brings a saved form back', async () => {
    const h = await ownerHarness();
    const alexToken = await h.linkFor('alex');
    const before = await (await h.app.request(`/u/${alexToken}/actions/103`)).text();
    expect(before).not.toContain('Saving again adds another update');
    expect((await postForm(h.app, `/u/${alexToken}/actions/103`, validUpdate({ targetMonth: '', targetYear: '' }))).status).toBe(303);
    const again = await (await h.app.request(`/u/${alexToken}/actions/103`)).text();
    expect(again).toContain('You saved an update to 1.03 on 27 November 2026 at 10:00. Saving again adds another update: updates cannot be changed once saved.');
    // Not for the co-owner, whose update it is not; not the next day.
    expect(await (await h.app.request(`/u/${await h.linkFor('blake')}/actions/103`)).text()).not.toContain('Saving again adds another update');
    h.clock.set(new Date(startNow.getTime() + 86_400_000));
    expect(await (await h.app.request(`/u/${await h.linkFor('alex')}/actions/103`)).text()).not.toContain('Saving again adds another update');
  });

  it('name an admin\'s entries without their address, keep why it reopened however many entries follow, and say whose behalf', async () => {
    const closed = makeAction({ id: '105', ref: '1.05', ownerIds: ['alex'], status: 'closed', lastUpdatedAt: '2026-10-01T10:00:00.000Z' });
    const h = await ownerHarness({ actions: [...planActions(), closed] });
    const admin = 'strategic.development@testshire.example';
    const entry = (version: number, minutes: number, patch: Update['patch'], changes: Update['changes'], extra: Partial<Update> = {}): Update => ({
      actionId: '105', version, at: new Date(startNow.getTime() - 3_600_000 + minutes * 60_000).toISOString(), by: admin, onBehalfOf: null, via: 'admin', patch, changes, countsAsProgress: false, ...extra,
    });
    await h.repository.saveUpdate(entry(2, 0, { status: 'open' }, [{ field: 'status', from: 'closed', to: 'open' }, { field: 'reason', from: null, to: 'Found again at re-inspection.' }]));
    for (let version = 3; version <= 5; version++) await h.repository.saveUpdate(entry(version, version, { plan: `Plan ${version}.` }, [{ field: 'plan', from: null, to: `Plan ${version}.` }]));
    const html = await (await h.app.request(`/u/${await h.linkFor('alex')}/actions/105`)).text();
    expect(html).not.toContain(admin);
    expect(html).toContain('An administrator reopened this action on 27 November 2026 at 09:00.');
    expect(html).toContain('<p class="prose">Found again at re-inspection.</p>');
    expect(html.match(/<p class="update-meta">An administrator, 27 November 2026/g)).toHaveLength(3);
    // An admin the directory holds is named; an update on an owner's behalf says whose.
    await h.repository.putPerson(makePerson({ id: personIdFromEmail(admin), name: 'Jo Admin', email: admin }));
    await h.repository.saveUpdate(entry(6, 10, { latestProgress: 'Told me by phone.' }, [], { onBehalfOf: 'alex', countsAsProgress: true }));
    const after = await (await h.app.request(`/u/${await h.linkFor('alex')}/actions/105`)).text();
    expect(after).toContain('<p class="update-meta">Jo Admin, for Supt Alex Morgan, 27 November 2026 at 09:10</p>');
  });

  it('tell someone with no open actions so, without an empty list', async () => {
    const h = await ownerHarness();
    await h.repository.putPerson(makePerson({ id: 'dana', name: 'Supt Dana Whitfield', email: 'dana.whitfield@testshire.example' }));
    const html = await (await h.app.request(`/u/${await h.linkFor('dana')}`)).text();
    expect(html).toContain('Supt Dana Whitfield: you have no open actions.');
    expect(html).not.toContain('<ul');
  });

  it('tell each co-owner who shares an action, the lead marked, on their list and on the form', async () => {
    const h = await ownerHarness();
    const alexList = await (await h.app.request(`/u/${await h.linkFor('alex')}`)).text();
    const card = alexList.slice(alexList.indexOf('>1.03<'), alexList.indexOf('</li>', alexList.indexOf('>1.03<')));
    expect(card).toContain('<dt>Shared with</dt><dd>Ch Insp Blake Reid (lead)</dd>');
    expect(alexList.match(/Shared with/g)).toHaveLength(1);
    const blakeList = await (await h.app.request(`/u/${await h.linkFor('blake')}`)).text();
    expect(blakeList).toContain('<dt>Shared with</dt><dd>Supt Alex Morgan</dd>');
    const form = await (await h.app.request(`/u/${await h.linkFor('alex')}/actions/103`)).text();
    expect(form).toContain('<dt>Owners</dt><dd>Ch Insp Blake Reid (lead), Supt Alex Morgan</dd>');
    expect(await (await h.app.request(`/u/${await h.linkFor('alex')}/actions/101`)).text()).not.toContain('<dt>Owners</dt>');
  });

  it('label a portfolio card\'s owners in the plural when there are two', async () => {
    const coOwned = makeAction({ id: '501', ref: '5.01', ownerIds: ['alex', 'blake'], sroId: 'casey', lastUpdatedAt: '2026-11-20T10:00:00.000Z' });
    const h = await ownerHarness({ actions: [...planActions(), coOwned] });
    await h.repository.putPerson(makePerson({ id: 'casey', name: 'ACC Casey Lane', email: 'casey.lane@testshire.example' }));
    const html = await (await h.app.request(`/u/${await h.linkFor('casey')}`)).text();
    expect(html).toContain('<dt>Owners</dt><dd>Supt Alex Morgan, Ch Insp Blake Reid</dd>');
    // An owner the directory no longer holds is not shown by their id.
    await h.repository.putAction(makeAction({ id: '502', ref: '5.02', ownerIds: ['gone-id'], sroId: 'casey', lastUpdatedAt: '2026-11-20T10:00:00.000Z' }), null);
    const withGone = await (await h.app.request(`/u/${await h.linkFor('casey')}`)).text();
    expect(withGone).toContain('<dt>Owner</dt><dd>Someone no longer in the people directory</dd>');
    expect(withGone).not.toContain('gone-id');
  });

  it('show the reason given for a moved target in the history, to the owners as to the console', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    expect((await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ targetMonth: '6', targetYear: '2027', timescaleReason: 'Supplier <b>delay</b>.' }))).status).toBe(303);
    const html = await (await h.app.request(`/u/${token}/actions/101`)).text();
    expect(html).toContain('<li>Target date: September 2026 → June 2027</li><li>Why the target date changed: <span class="prose">Supplier &lt;b&gt;delay&lt;/b&gt;.</span></li>');
  });

  it('show a plain page for an expired link, with the fresh-link form, and keep unsaved text', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    h.clock.set(new Date(h.clock.now().getTime() + 22 * 86_400_000));
    const response = await h.app.request(`/u/${token}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('This link has expired or is not valid');
    expect(html).toContain('<form method="post" action="/u/new-link"');
    const post = await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ progress: 'Typed before expiry', targetMonth: '6', targetYear: '2027', timescaleReason: 'Supplier delay.' }));
    expect(post.status).toBe(404);
    // Every written field comes back to copy, under the form's own labels.
    const kept = await post.text();
    for (const [label, text] of [['Progress update', 'Typed before expiry'], ['Why this confidence?', 'The audit team is short-staffed.'], ['If the target date is changing, why?', 'Supplier delay.']]) {
      expect(kept).toContain(`<p><strong>${label}</strong></p><p class="prose unsaved">${text}</p>`);
    }
    expect(await h.repository.listUpdates('101')).toEqual([]);
  });

  it('takes as long to answer for an unknown address as for a known one, which it emails', async () => {
    const h = await ownerHarness();
    let now = 0;
    const sleeps: number[] = [];
    h.deps.timer = { now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) };
    const mailer = await h.deps.getMailer();
    // Sending takes 400 ms of the fake clock, as an SES call takes real time.
    h.deps.getMailer = async () => ({ send: async (email) => ((now += 400), mailer.send(email)) });
    const took = async (email: string) => {
      const start = now;
      expect((await postForm(h.app, '/u/new-link', { email })).status).toBe(200);
      return now - start;
    };
    expect(await took('alex.morgan@testshire.example')).toBe(emailRequestMs);
    expect(await took('stranger@testshire.example')).toBe(emailRequestMs);
    expect(sleeps).toEqual([emailRequestMs - 400, emailRequestMs]);
    expect(h.sent).toHaveLength(1);
  });

  it('answers a refused fresh-link request at once: not an address, or too many requests, are decided before any lookup', async () => {
    const h = await ownerHarness();
    let now = 0;
    h.deps.timer = { now: () => now, sleep: async (ms) => void (now += ms) };
    expect((await postForm(h.app, '/u/new-link', { email: 'not an address' })).status).toBe(400);
    expect(now).toBe(0);
    let status = 200;
    for (let i = 0; status === 200 && i < 10; i++) status = (await postForm(h.app, '/u/new-link', { email: 'alex.morgan@testshire.example' })).status;
    expect(status).toBe(429);
    const before = now;
    expect((await postForm(h.app, '/u/new-link', { email: 'alex.morgan@testshire.example' })).status).toBe(429);
    expect(now).toBe(before);
  });

  it('email a fresh link, answering alike for known and unknown addresses', async () => {
    const h = await ownerHarness();
    const known = await postForm(h.app, '/u/new-link', { email: 'alex.morgan@testshire.example' });
    const unknown = await postForm(h.app, '/u/new-link', { email: 'stranger@testshire.example' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const page = await known.text();
    expect(page).toBe(await unknown.text());
    // A leaver is in the directory too, and is sent nothing: the page does not promise them a link.
    expect(page).toContain('If we have that address for someone working on the action plan, we have sent a new link to it.');
    expect(h.sent).toHaveLength(1);
    const link = /https:\/\/actions\.testshire\.example(\/u\/[A-Za-z0-9_-]{43})/.exec(h.sent[0]!.text)![1]!;
    expect((await h.app.request(link)).status).toBe(200);

    const bad = await postForm(h.app, '/u/new-link', { email: 'not-an-address' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(titleOf(badHtml)).toMatch(/^Error: Get a new link/);
    expect(badHtml).toContain('value="not-an-address"');
    for (let i = 0; i < 3; i++) await postForm(h.app, '/u/new-link', { email: 'stranger@testshire.example' });
    expect((await postForm(h.app, '/u/new-link', { email: 'stranger@testshire.example' })).status).toBe(429);
  });

  it('limit each client address, so that one machine cannot lock everyone out of a fresh link', async () => {
    const h = await ownerHarness();
    for (let i = 0; i < perClientPerHour; i++) expect((await postForm(h.app, '/u/new-link', { email: `guess${i}@testshire.example` }, {}, '198.51.100.7')).status).toBe(200);
    expect((await postForm(h.app, '/u/new-link', { email: 'alex.morgan@testshire.example' }, {}, '198.51.100.7')).status).toBe(429);
    expect((await postForm(h.app, '/u/new-link', { email: 'alex.morgan@testshire.example' }, {}, '203.0.113.9')).status).toBe(200);
    expect(h.sent.map((e) => e.to)).toEqual([['alex.morgan@testshire.example']]);
  });

  it('answer a known address as an unknown one when its email cannot be sent', async () => {
    const h = await ownerHarness();
    h.deps.getMailer = async () => ({ send: async () => Promise.reject(new Error('SES throttled')) });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const known = await postForm(h.app, '/u/new-link', { email: 'alex.morgan@testshire.example' });
      const unknown = await postForm(h.app, '/u/new-link', { email: 'stranger@testshire.example' });
      expect([known.status, unknown.status]).toEqual([200, 200]);
      expect(await known.text()).toBe(await unknown.text());
    } finally {
      logged.mockRestore();
    }
  });
});

/** The repository with its plan index frozen at `freeze()`, as a DynamoDB index lags a write by a moment. */
function laggingIndex(inner: MemoryRepository) {
  let frozen: Action[] | null = null;
  const repository = new Proxy(inner, {
    get(target, key) {
      if (key === 'listActions' && frozen) return async () => structuredClone(frozen);
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { repository, freeze: async () => void (frozen = await inner.listActions()) };
}

describe('the page after a save, while the plan index still shows the action as it was', () => {
  it('shows the owner their update', async () => {
    const lag = laggingIndex(new MemoryRepository());
    const h = await ownerHarness({ repository: lag.repository });
    const token = await h.linkFor('alex');
    await lag.freeze();
    const saved = await postForm(h.app, `/u/${token}/actions/101`, validUpdate());
    const html = await (await h.app.request(saved.headers.get('location')!)).text();
    expect(html).not.toContain('92 days ago');
    expect(html.match(/Today/g)?.length).toBeGreaterThanOrEqual(1);
  });

  it('shows the SRO the closure they returned as open, not as awaiting their sign-off', async () => {
    const lag = laggingIndex(new MemoryRepository());
    const proposed = makeAction({ id: '301', ref: '3.01', ownerIds: ['alex'], sroId: 'blake', status: 'proposed-closure', lastUpdatedAt: '2026-11-25T10:00:00.000Z', version: 4 });
    const h = await ownerHarness({ repository: lag.repository, actions: [...planActions(), proposed] });
    const token = await h.linkFor('blake');
    await lag.freeze();
    const returned = await postForm(h.app, `/u/${token}/sign-off/301/return`, { version: '4', returnReason: 'No evidence attached.' });
    const html = await (await h.app.request(returned.headers.get('location')!)).text();
    expect(html).toContain('1 action owned by others: none needs you now.');
    // Blake's own list is not an empty list when he has none; here he has two.
    expect(html.match(/<ul class="action-list">/g)).toHaveLength(2);
    expect(html).not.toContain('0 awaiting');
    expect(html).not.toMatch(/class="button" href="[^"]*\/sign-off\/301"/);
    expect(html).toContain('Read 3.01’s plan and latest updates');
  });
});
