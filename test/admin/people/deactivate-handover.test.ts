import { describe, expect, it } from 'vitest';
import { issueLink } from '../../../functions/core/links/links.js';
import type { Action } from '../../../functions/core/model/action.js';
import { makeAction, makePerson } from '../../support/make-action.js';
import { adminEmail, consoleFixture } from '../support/console-fixture.js';

const leaver = makePerson({ id: 'leaver', name: 'Supt Lee Vaughan', email: 'lee.vaughan@testshire.example' });
const sro = makePerson({ id: 'sro', name: 'ACC Sam Rowe', email: 'sam.rowe@testshire.example' });
const ann = makePerson({ id: 'ann', name: 'Insp Ann Cole', email: 'ann.cole@testshire.example' });
const succ = makePerson({ id: 'succ', name: 'ACC Sue Cross', email: 'sue.cross@testshire.example' });

async function setUp(actions: Action[]) {
  const fixture = consoleFixture();
  for (const person of [leaver, sro, ann, succ]) await fixture.repository.putPerson(person);
  for (const action of actions) await fixture.repository.putAction(action, null);
  return { ...fixture, cookie: await fixture.signIn(adminEmail) };
}

/** A row of the moves table, its cells' text joined by " | ", the ref first. */
function rowOf(html: string, ref: string): string {
  const row = new RegExp(`>${ref.replace('.', '\\.')}</a></td>(.*?)</tr>`).exec(html);
  if (!row) throw new Error(`No row for ${ref}`);
  return [ref, ...row[1]!.split('</td>').map((cell) => cell.replace(/<[^>]+>/g, '').trim())].filter(Boolean).join(' | ');
}

const proposed = { status: 'proposed-closure', lastUpdatedAt: '2026-11-20T10:00:00.000Z' } as const;

describe('deactivating an owner of a closure awaiting its SRO’s sign-off', () => {
  it('keeps the sign-off with the SRO: the lead goes to a co-owner still here or to nobody, never to the SRO, as the pages say', async () => {
    const { request, cookie, repository, deps, now, sent } = await setUp([
      makeAction({ id: 'alone', ref: '5.01', ownerIds: ['leaver'], sroId: 'sro', ...proposed }),
      makeAction({ id: 'shared', ref: '5.02', ownerIds: ['leaver', 'ann'], sroId: 'sro', ...proposed }),
    ]);
    // As in the "ready for your sign-off" email the SRO had when the closure was proposed.
    const { token } = await issueLink(deps, sro, now());

    const preview = await (await request('/admin/people/leaver/deactivate', { cookie })).text();
    expect(rowOf(preview, '5.01')).toBe('5.01 | Nobody | it has no owner; its SRO signs off the closure');
    expect(rowOf(preview, '5.02')).toBe('5.02 | Insp Ann Cole | the next co-owner leads it; its SRO signs off the closure');

    const before = sent.length;
    const done = await (await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie })).text();
    expect(rowOf(done, '5.01')).toBe('5.01 | Nobody | it has no owner; its SRO signs off the closure');
    expect(rowOf(done, '5.02')).toBe('5.02 | Insp Ann Cole | the next co-owner leads it; its SRO signs off the closure');
    expect(await repository.getAction('alone')).toMatchObject({ ownerIds: [], sroId: 'sro', status: 'proposed-closure' });
    expect(await repository.getAction('shared')).toMatchObject({ ownerIds: ['ann'], sroId: 'sro', status: 'proposed-closure' });
    // Nobody gains an action they did not already have.
    expect(sent.slice(before)).toEqual([]);

    // The SRO's link still opens the sign-off, and signing off closes the action.
    const alone = (await repository.getAction('alone'))!;
    expect((await request(`/u/${token}/sign-off/alone`)).status).toBe(200);
    const signedOff = await request(`/u/${token}/sign-off/alone`, { form: { version: String(alone.version) } });
    expect(signedOff.status).toBe(303);
    expect((await repository.getAction('alone'))!.status).toBe('closed');
  });

  it('says who signs off one the leaver also sponsors: the new SRO chosen, who then can, or else an admin', async () => {
    const action = makeAction({ id: 'theirs', ref: '5.03', ownerIds: ['leaver', 'ann'], sroId: 'leaver', ...proposed });
    const withSuccessor = await setUp([action]);
    const preview = await (await withSuccessor.request('/admin/people/leaver/deactivate', { cookie: withSuccessor.cookie })).text();
    expect(rowOf(preview, '5.03')).toBe(
      '5.03 | Insp Ann Cole | the next co-owner leads it; the new SRO you choose below signs off the closure, unless they own it: then, or if you choose later, an admin does',
    );
    const handedOn = await (await withSuccessor.request('/admin/people/leaver/deactivate', { form: { confirm: 'yes', newSro: 'succ' }, cookie: withSuccessor.cookie })).text();
    expect(rowOf(handedOn, '5.03')).toBe('5.03 | Insp Ann Cole | the next co-owner leads it; ACC Sue Cross becomes its SRO; its SRO signs off the closure');
    expect(await withSuccessor.repository.getAction('theirs')).toMatchObject({ ownerIds: ['ann'], sroId: 'succ' });
    const { token } = await issueLink(withSuccessor.deps, succ, withSuccessor.now());
    expect((await withSuccessor.request(`/u/${token}/sign-off/theirs`)).status).toBe(200);

    const later = await setUp([action]);
    const kept = await (await later.request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie: later.cookie })).text();
    expect(rowOf(kept, '5.03')).toBe('5.03 | Insp Ann Cole | the next co-owner leads it; an admin signs off the closure, on the action’s page');
  });
});

describe('deactivating someone who leads and sponsors an action', () => {
  it('a co-owner still here leads it whether or not a successor is chosen, as the confirmation page says: the successor only sponsors it', async () => {
    const { request, cookie, repository, sent } = await setUp([makeAction({ id: 'x', ref: '4.01', ownerIds: ['leaver', 'ann'], sroId: 'leaver' })]);
    const preview = await (await request('/admin/people/leaver/deactivate', { cookie })).text();
    expect(rowOf(preview, '4.01')).toBe('4.01 | Insp Ann Cole | the next co-owner leads it');
    expect(preview).toContain(
      'They are emailed the refs with their personal link. They lead only an open action that Supt Lee Vaughan led and that has no co-owner still here to lead it, as the table says.',
    );

    const before = sent.length;
    const done = await (await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes', newSro: 'succ' }, cookie })).text();
    expect(rowOf(done, '4.01')).toBe('4.01 | Insp Ann Cole | the next co-owner leads it; ACC Sue Cross becomes its SRO');
    expect(await repository.getAction('x')).toMatchObject({ ownerIds: ['ann'], sroId: 'succ' });
    expect(sent.slice(before).map((m) => [m.to, m.subject])).toEqual([[[succ.email], 'You are now the SRO of action 4.01']]);
  });

  it('with no co-owner still here, the result page without a successor says to choose an owner, not to choose an SRO below', async () => {
    const { request, cookie } = await setUp([makeAction({ id: 'y', ref: '4.02', ownerIds: ['leaver'], sroId: 'leaver' })]);
    const preview = await (await request('/admin/people/leaver/deactivate', { cookie })).text();
    expect(rowOf(preview, '4.02')).toBe('4.02 | Nobody | it has no owner, unless you choose a new SRO below: they lead it');
    const done = await (await request('/admin/people/leaver/deactivate', { form: { confirm: 'yes' }, cookie })).text();
    expect(rowOf(done, '4.02')).toBe('4.02 | Nobody | it has no owner: choose one on the action’s page');
  });
});
