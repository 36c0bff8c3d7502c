import { describe, expect, it } from 'vitest';
import { consoleFixture, boardEmail, adminEmail, baseUrl } from '../support/console-fixture.js';
import { demoPeopleCsv, demoPlanCsv } from './import-fixture.js';
import { maxFormBytes } from '../../../web/middleware/security.js';

const origin = new URL(baseUrl).origin;

/** The sample plan padded past the app-wide form limit with empty rows, which the importer skips. */
const bigPlan = new Uint8Array([...demoPlanCsv, ...new TextEncoder().encode(',,,,,,,,,,,,\r\n'.repeat(Math.ceil(maxFormBytes / 14)))]);

function uploadForm() {
  const form = new FormData();
  form.set('plan', new File([bigPlan], 'action-plan.csv'));
  form.set('people', new File([new Uint8Array(demoPeopleCsv)], 'people.csv'));
  return form;
}

describe('import through the whole app: sign-in, CSRF, session guard and body limits together', () => {
  it('takes an upload over the form limit from a signed-in admin, previews and imports it', async () => {
    const f = consoleFixture();
    const cookie = await f.signIn(adminEmail);
    expect(bigPlan.byteLength).toBeGreaterThan(maxFormBytes);
    const res = await f.app.request('/admin/import/preview', { method: 'POST', headers: { cookie, origin }, body: uploadForm() });
    expect(res.status).toBe(303);
    const preview = await f.app.request(res.headers.get('location')!, { headers: { cookie } });
    const html = await preview.text();
    expect(html).toContain('The plan has 27 actions');
    const digest = /name="digest" value="([^"]+)"/.exec(html)![1]!;
    const confirmed = await f.request(`${res.headers.get('location')}/confirm`, { form: { digest }, cookie });
    expect(confirmed.status).toBe(200);
    expect(await f.repository.listActions()).toHaveLength(27);
  });

  it('refuses an upload from another site, without a session, or from a board member', async () => {
    const f = consoleFixture();
    const admin = await f.signIn(adminEmail);
    const board = await f.signIn(boardEmail);
    const crossSite = await f.app.request('/admin/import/preview', { method: 'POST', headers: { cookie: admin, origin: 'https://evil.example' }, body: uploadForm() });
    expect(crossSite.status).toBe(403);
    const anonymous = await f.app.request('/admin/import/preview', { method: 'POST', headers: { origin }, body: uploadForm() });
    expect([303, 401, 403]).toContain(anonymous.status);
    const boardUpload = await f.app.request('/admin/import/preview', { method: 'POST', headers: { cookie: board, origin }, body: uploadForm() });
    expect(boardUpload.status).toBe(403);
    expect((await f.request('/admin/reminders', { cookie: board })).status).toBe(403);
    expect((await f.request('/admin/reminders/send', { form: { confirm: 'yes' }, cookie: board })).status).toBe(403);
    expect(await f.repository.listActions()).toEqual([]);
    expect(f.audit.entries.filter((e) => e.change !== 'sign-in')).toEqual([]);
  });

  it('shows the reminders page to a signed-in admin', async () => {
    const f = consoleFixture();
    const cookie = await f.signIn(adminEmail);
    const res = await f.request('/admin/reminders', { cookie });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Today&#39;s run');
  });
});
