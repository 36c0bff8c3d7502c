import { describe, expect, it } from 'vitest';
import type { AdminSession } from '../../../web/admin/admin-env.js';
import { makeAction, makePerson } from '../../support/make-action.js';
import { adminSession } from '../support/admin-test-app.js';
import { actionsHarness, alex, blake, fixtureActions, textOf } from './actions-fixture.js';

/**
 * An admin who is in the directory, signed in before it held them (so the session knows no entry):
 * the rule goes by the address they signed in with, whatever its case.
 */
const adminAs = (person: typeof alex): AdminSession => ({ ...adminSession, email: person.email.toUpperCase(), name: person.name, personId: null });

/** 105: proposed for closure, co-owned by Blake and Alex, with Alex as its SRO too. */
const withCoOwned = () => [...fixtureActions(), makeAction({ id: '105', ref: '3.01', ownerIds: ['blake', 'alex'], sroId: 'alex', status: 'proposed-closure', lastUpdatedAt: '2026-11-20T10:00:00.000Z' })];

describe('nobody signs off the closure of their own action, admins included', () => {
  it('an admin who owns the action is refused with the GOV.UK error pattern, and nothing is written or sent', async () => {
    const h = await actionsHarness({ session: adminAs(alex) });
    const response = await h.post('/admin/actions/102/sign-off', { version: '1' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#sign-off-own-action"');
    expect(html).toContain('id="sign-off-own-action"');
    expect(textOf(html)).toContain('You own 1.02, so you cannot sign off its closure: nobody signs off their own work. Ask another admin, or its senior responsible officer from their link, to sign it off.');
    expect((await h.repository.getAction('102'))!.status).toBe('proposed-closure');
    expect(await h.historyCount()).toBe(0);
    expect(h.audit.entries).toHaveLength(0);
    expect(h.sent).toHaveLength(0);
  });

  it('so is a co-owner; when the SRO owns it too, only another admin can sign it off', async () => {
    const h = await actionsHarness({ session: adminAs(alex), actions: withCoOwned() });
    const response = await h.post('/admin/actions/105/sign-off', { version: '1' });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain('You own 3.01, so you cannot sign off its closure: nobody signs off their own work. Ask another admin to sign it off.');
    expect((await h.repository.getAction('105'))!.status).toBe('proposed-closure');
    expect(await h.historyCount()).toBe(0);
  });

  it('the action page shows the owning admin the note instead of the sign-off button', async () => {
    const h = await actionsHarness({ session: adminAs(alex) });
    const html = await (await h.app.request('/admin/actions/102')).text();
    expect(html).not.toContain('action="/admin/actions/102/sign-off"');
    expect(textOf(html)).toContain('You own 1.02, so you cannot sign off its closure');
    // Blake is in the directory too but does not own 102: he signs it off as any admin does.
    const other = await actionsHarness({ session: adminAs(blake) });
    expect(await (await other.app.request('/admin/actions/102')).text()).toContain('action="/admin/actions/102/sign-off"');
    expect((await other.post('/admin/actions/102/sign-off', { version: '1' })).status).toBe(303);
    expect((await other.repository.getAction('102'))!.status).toBe('closed');
  });

  it('says why an admin, not the SRO, signs it off, in the section the admins\' email opens', async () => {
    const h = await actionsHarness({ actions: withCoOwned() });
    const html = await (await h.app.request('/admin/actions/105')).text();
    // The email's link ends #change-sign-off (sro-sign-off.test.ts): the section holding the button.
    // Open: the link may lose its #anchor through signing in, and signing off is what the page is opened for.
    expect(html).toMatch(/<details class="change-section" id="change-sign-off" open="">\s*<summary>Sign off the closure<\/summary>[\s\S]*?action="\/admin\/actions\/105\/sign-off"/);
    expect(html.match(/<details class="change-section" [^>]*open=""/g)).toHaveLength(1);
    expect(textOf(html)).toContain('An admin signs it off: its senior responsible officer owns it too, and nobody signs off their own action. Sign it off once you are satisfied');
    expect(textOf(await (await h.app.request('/admin/actions/102')).text())).toContain('Sign off when the senior responsible officer agrees.');
  });

  it('an owning admin may still reopen their action, or return its proposed closure: neither closes anything', async () => {
    const h = await actionsHarness({ session: adminAs(alex) });
    expect((await h.post('/admin/actions/102/reopen', { version: '1', reopenReason: 'Evidence still to come.' })).status).toBe(303);
    expect((await h.repository.getAction('102'))!.status).toBe('open');
    const closed = await actionsHarness({ session: adminAs(blake) });
    expect((await closed.post('/admin/actions/103/reopen', { version: '1', reopenReason: 'The re-inspection found it again.' })).status).toBe(303);
    expect((await closed.repository.getAction('103'))!.status).toBe('open');
  });

  it('an owning admin who reopens the action is not emailed about their own decision; the other owners are', async () => {
    const h = await actionsHarness({ session: { ...adminAs(alex), personId: 'alex' }, actions: [...fixtureActions(), makeAction({ id: '106', ref: '3.02', ownerIds: ['alex', 'blake'], status: 'closed', lastUpdatedAt: '2026-11-20T10:00:00.000Z' })] });
    expect((await h.post('/admin/actions/106/reopen', { version: '1', reopenReason: 'Found again.' })).status).toBe(303);
    expect(h.sent.map((email) => email.to)).toEqual([[blake.email]]);
  });

  it('a leaver\'s old entry at the same address does not hide that the admin owns the action', async () => {
    const h = await actionsHarness({ session: adminAs(alex) });
    await h.repository.putPerson(makePerson({ id: 'a-old', name: 'Former Holder', email: alex.email, active: false }));
    expect((await h.post('/admin/actions/102/sign-off', { version: '1' })).status).toBe(400);
    expect(await (await h.app.request('/admin/actions/102')).text()).not.toContain('action="/admin/actions/102/sign-off"');
    expect((await h.repository.getAction('102'))!.status).toBe('proposed-closure');
  });
});
