import { describe, expect, it } from 'vitest';
import { makeAction, makePerson, makeUpdate } from '../support/make-action.js';
import { ownerHarness, planActions, postForm } from './owner-fixture.js';

/** Someone the console's reassign form keeps on an action after they have left, until an admin removes them. */
const leaver = makePerson({ id: 'leaver', name: 'Supt Former Officer', email: 'former@testshire.example', active: false });
const casey = makePerson({ id: 'casey', name: 'ACC Casey Lane', email: 'casey.lane@testshire.example' });
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function harness(actions: ReturnType<typeof makeAction>[]) {
  const h = await ownerHarness({ actions: [...planActions(), ...actions] });
  await h.repository.putPerson(leaver);
  await h.repository.putPerson(casey);
  return h;
}

describe("an owner's pages, where a co-owner has left", () => {
  it('mark them as having left: My actions, the update form and the SRO’s portfolio', async () => {
    const h = await harness([
      makeAction({ id: '301', ref: '3.01', ownerIds: ['alex', 'leaver'], sroId: 'casey', lastUpdatedAt: '2026-11-20T10:00:00.000Z' }),
      makeAction({ id: '302', ref: '3.02', ownerIds: ['leaver'], sroId: 'casey', lastUpdatedAt: '2026-11-20T10:00:00.000Z' }),
    ]);
    const alex = await h.linkFor('alex');
    expect(await (await h.app.request(`/u/${alex}`)).text()).toContain('<dt>Shared with</dt><dd>Supt Former Officer (has left)</dd>');
    expect(await (await h.app.request(`/u/${alex}/actions/301`)).text()).toContain('<dt>Owners</dt><dd>Supt Alex Morgan (lead), Supt Former Officer (has left)</dd>');
    expect(await (await h.app.request(`/u/${await h.linkFor('casey')}`)).text()).toContain('<dd>Supt Former Officer (has left)</dd>');
  });

  it('tell the SRO returning a closure that only the owners still here are emailed, and email only them', async () => {
    const proposed = makeAction({ id: '401', ref: '4.01', ownerIds: ['leaver', 'alex'], sroId: 'casey', status: 'proposed-closure', lastUpdatedAt: '2026-11-20T10:00:00.000Z', version: 2 });
    const h = await harness([{ ...proposed, status: 'open', version: 1 }]);
    await h.repository.saveUpdate(
      makeUpdate({ actionId: '401', version: 2, at: '2026-11-20T10:00:00.000Z', by: 'leaver', patch: { status: 'proposed-closure' }, changes: [{ field: 'status', from: 'open', to: 'proposed-closure' }] }),
    );
    const token = await h.linkFor('casey');
    const page = textOf(await (await h.app.request(`/u/${token}/sign-off/401`)).text());
    expect(page).toContain('Returning it opens it again. Supt Alex Morgan is emailed that it came back');
    expect(page).toContain('can read your reason on the action’s page. Up to 2,000 characters.');
    expect(page).toContain('Supt Former Officer (has left)');
    const before = h.sent.length;
    expect((await postForm(h.app, `/u/${token}/sign-off/401/return`, { version: '2', returnReason: 'Evidence of the audit is missing.' })).status).toBe(303);
    expect(h.sent.slice(before).map((m) => m.to)).toEqual([['alex.morgan@testshire.example']]);
  });

  it('tell the SRO when no owner is still here to be emailed', async () => {
    const h = await harness([makeAction({ id: '402', ref: '4.02', ownerIds: ['leaver'], sroId: 'casey', status: 'proposed-closure', lastUpdatedAt: '2026-11-20T10:00:00.000Z' })]);
    const page = textOf(await (await h.app.request(`/u/${await h.linkFor('casey')}/sign-off/402`)).text());
    expect(page).toContain('Returning it opens it again. Its owner has left, so nobody is emailed: the admins see it on their dashboard');
  });
});
