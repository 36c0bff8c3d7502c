import { describe, expect, it } from 'vitest';
import { createAuditRoutes } from '../../web/admin/audit/audit-routes.js';
import { makeAction, makePerson } from '../support/make-action.js';
import { memoryDeps } from '../support/memory-deps.js';
import { adminEmail, boardEmail, consoleConfig, consoleFixture } from './support/console-fixture.js';
import { adminTestApp } from './support/admin-test-app.js';

describe('the audit log page', () => {
  it("shows an admin each change with who, when, what, the record's name and its before and after, newest first", async () => {
    const { deps, request, signIn } = consoleFixture();
    await deps.repository.putPerson(makePerson({ id: 'alex', name: 'Supt Alex Morgan', email: 'alex@testshire.example' }));
    await deps.repository.putAction(makeAction({ id: 'hmic-232', ref: '232', ownerIds: ['alex'] }), null);
    const cookie = await signIn(adminEmail);
    await deps.audit.record({
      at: '2026-11-27T11:00:00.000Z',
      by: adminEmail,
      change: 'edit-action',
      target: { type: 'action', id: 'hmic-232' },
      before: { text: 'Old <b>wording</b>' },
      after: { text: '<script>alert(1)</script>' },
    });
    await deps.audit.record({ at: '2026-11-27T12:00:00.000Z', by: adminEmail, change: 'revoke-links', target: { type: 'person', id: 'alex' }, before: null, after: { revoked: 2 } });

    const response = await request('/admin/audit', { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    const rows = html.split('<tr>').slice(2);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Revoked someone’s links');
    expect(rows[0]).toContain('<a href="/admin/people/alex">Supt Alex Morgan</a>');
    expect(rows[1]).toContain('Edited an action');
    expect(rows[1]).toContain('<a href="/admin/actions/hmic-232">Action 232</a>');
    expect(rows[1]).toContain('27 November 2026');
    expect(rows[1]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(rows[2]).toContain('Signed in');
    expect(rows[2]).toContain(adminEmail);
    expect(html).toContain('href="/admin/audit" aria-current="page"');
  });

  it('names who made each change from the directory, keeping the address beneath', async () => {
    const { deps, request, signIn } = consoleFixture();
    await deps.repository.putPerson(makePerson({ id: 'old', name: 'Former Holder', email: adminEmail.toUpperCase(), active: false }));
    await deps.repository.putPerson(makePerson({ id: 'jo', name: 'Jo Admin', email: adminEmail.toUpperCase() }));
    const cookie = await signIn(adminEmail);
    await deps.audit.record({ at: '2026-11-27T12:00:00.000Z', by: 'not.in.directory@testshire.example', change: 'export-plan', target: { type: 'plan', id: 'x' }, before: null, after: null });
    const rows = (await (await request('/admin/audit', { cookie })).text()).split('<tr>').slice(2);
    expect(rows[0]).toContain('<td class="break-anywhere" data-label="Who">not.in.directory@testshire.example</td>');
    expect(rows[1]).toContain(`<td class="break-anywhere" data-label="Who">Jo Admin<div class="hint">${adminEmail}</div></td>`);
  });

  it('says what each entry changed in words: labels, names for ids, only the fields that differ', async () => {
    const { deps, request, signIn } = consoleFixture();
    const alex = makePerson({ id: 'alex', name: 'Supt Alex Morgan', email: 'alex@testshire.example', aliases: [] });
    await deps.repository.putPerson(alex);
    await deps.repository.putPerson(makePerson({ id: 'sam', name: 'DCI Sam Patel', email: 'sam@testshire.example' }));
    await deps.repository.putAction(makeAction({ id: 'hmic-232', ref: '232', ownerIds: ['alex'] }), null);
    const cookie = await signIn(adminEmail);
    const entry = (at: string, change: string, target: { type: 'action' | 'person' | 'plan'; id: string }, before: unknown, after: unknown) =>
      deps.audit.record({ at: `2026-11-27T${at}:00.000Z`, by: adminEmail, change, target, before, after });
    await entry('09:00', 'reassign-owners', { type: 'action', id: 'hmic-232' }, { ownerIds: ['alex'], sroId: null }, { ownerIds: ['sam', 'alex'], sroId: 'sam' });
    await entry('09:05', 'add-update-on-behalf', { type: 'action', id: 'hmic-232' }, { confidence: 'not-set' }, { confidence: 'high', onBehalfOf: 'alex' });
    await entry('09:10', 'mark-not-accepted', { type: 'action', id: 'hmic-232' }, { status: 'open' }, { status: 'not-accepted', reason: 'Covered by action 101' });
    await entry('09:20', 'add-person-alias', { type: 'person', id: 'alex' }, alex, { ...alex, aliases: ['A Morgan'] });
    await entry('09:30', 'deactivate-person', { type: 'person', id: 'alex' }, { active: true }, { active: false, movedActions: ['232', '7.1'], sroOf: [], newSro: 'sam' });
    await entry('09:35', 'add-person-alias', { type: 'person', id: 'sam' }, null, { ...makePerson({ id: 'sam', name: 'DCI Sam Patel', email: 'sam@testshire.example' }), role: 'Head of Crime', aliases: ['S Patel'] });
    await entry('09:36', 'an-old-change', { type: 'plan', id: 'x' }, 'as it was', ['one', 'two']);
    await entry('09:40', 'import-plan', { type: 'plan', id: 'f'.repeat(64) }, null, { plan: 'plan.xlsx', people: null, actionCounts: { created: 2, updated: 1, unchanged: 40 }, warnings: 3 });

    const rows = (await (await request('/admin/audit', { cookie })).text()).split('<tr>').slice(2);
    const details = (row: string) => [...row.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(details(rows[7]!)).toEqual(['Confidence: Not set → High', 'On behalf of: Supt Alex Morgan']);
    expect(details(rows[8]!)).toEqual(['Owners: Supt Alex Morgan → DCI Sam Patel, Supt Alex Morgan', 'Senior responsible officer: not set → DCI Sam Patel']);
    expect(details(rows[6]!)).toEqual(['Status: Open → Not accepted', 'Reason: Covered by action 101']);
    expect(details(rows[5]!)).toEqual(['Other names in the plan: none → A Morgan']);
    expect(details(rows[4]!)).toEqual(['Active: Yes → No', 'Actions moved to others: 232, 7.1', 'Actions they are still SRO of (no successor chosen): none', 'New senior responsible officer: DCI Sam Patel']);
    // An alias added to someone not stored yet: all of them, their job title as such, no id.
    expect(details(rows[3]!)).toEqual(['Name: DCI Sam Patel', 'Role: Head of Crime', 'Email: sam@testshire.example', 'Other names in the plan: S Patel', 'Active: Yes', 'Email delivery: Working']);
    expect(details(rows[2]!)).toEqual(['Recorded: as it was → one, two']);
    expect(details(rows[1]!)).toEqual(['Plan file: plan.xlsx', 'People file: not set', 'Actions: created 2, updated 1, unchanged 40', 'Warnings accepted: 3']);
    expect(details(rows[0]!)).toEqual(['Role: Admin']);
    expect(rows.join('')).not.toMatch(/ownerIds|sroId|&quot;/);
  });

  it('is for admins only: a board member is refused and does not see it in the navigation', async () => {
    const { request, signIn } = consoleFixture();
    const cookie = await signIn(boardEmail);
    const response = await request('/admin/audit', { cookie });
    expect(response.status).toBe(403);
    expect(await (await request('/admin', { cookie })).text()).not.toContain('href="/admin/audit"');
  });

  it('pages back 100 at a time with an "Older entries" link, and refuses a broken link plainly', async () => {
    const deps = memoryDeps({ config: consoleConfig });
    const app = adminTestApp(deps, createAuditRoutes(), '/admin/audit');
    for (let i = 0; i < 101; i++) {
      const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
      await deps.audit.record({ at, by: adminEmail, change: 'sign-in', target: { type: 'session', id: adminEmail }, before: null, after: { n: i } });
    }
    const rowsOf = (html: string) => html.split('<tr>').length - 2;
    const newest = await (await app.request('/admin/audit')).text();
    expect(rowsOf(newest)).toBe(100);
    expect(newest).not.toContain('Newest entries');
    const older = newest.match(/<a href="(\/admin\/audit\?older=[^"]+)" rel="next">Older entries<\/a>/)?.[1];
    expect(older).toBeDefined();

    const last = await (await app.request(older!.replaceAll('&amp;', '&'))).text();
    expect(rowsOf(last)).toBe(1);
    expect(last).toContain('<li>N: 0</li>');
    expect(last).toContain('<a href="/admin/audit">Newest entries</a>');
    expect(last).not.toContain('Older entries');

    const broken = await app.request('/admin/audit?older=2026-11-01T00%3A00');
    expect(broken.status).toBe(400);
    const brokenPage = await broken.text();
    expect(brokenPage).toContain('Start again from the newest entries: choose Audit log in the menu above.');
    expect(brokenPage).toContain('<a href="/admin/audit">Audit log</a>');
  });

  it('says so when nothing has been recorded', async () => {
    const app = adminTestApp(memoryDeps({ config: consoleConfig }), createAuditRoutes(), '/admin/audit');
    const html = await (await app.request('/admin/audit')).text();
    expect(html).toContain('Nothing has been recorded yet.');
    expect(html).not.toContain('<table');
  });
});
