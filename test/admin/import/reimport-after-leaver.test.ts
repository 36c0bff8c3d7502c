import { describe, expect, it } from 'vitest';
import { adminEmail, baseUrl, consoleFixture } from '../support/console-fixture.js';
import { demoPeopleCsv, demoPlanCsv, personId } from './import-fixture.js';

const id = {
  carver: personId('helen.carver'),
  ashworth: personId('simon.ashworth'),
  blake: personId('rowena.blake'),
  osei: personId('leila.osei'),
  strand: personId('fiona.strand'),
  rees: personId('callum.rees'),
};

/** The whole console, signed in as an admin, with the demo plan and directory imported through it. */
async function consoleWithDemo() {
  const f = consoleFixture();
  const cookie = await f.signIn(adminEmail);
  const preview = async () => {
    const form = new FormData();
    form.set('plan', new File([new Uint8Array(demoPlanCsv)], 'action-plan.csv'));
    form.set('people', new File([new Uint8Array(demoPeopleCsv)], 'people.csv'));
    const upload = await f.app.request('/admin/import/preview', { method: 'POST', headers: { cookie, origin: new URL(baseUrl).origin }, body: form });
    const path = upload.headers.get('location')!;
    const html = await (await f.app.request(path, { headers: { cookie } })).text();
    return { path, html, digest: /name="digest" value="([^"]+)"/.exec(html)?.[1] ?? '' };
  };
  const confirm = async ({ path, digest }: { path: string; digest: string }) => f.request(`${path}/confirm`, { form: { digest }, cookie });
  expect((await confirm(await preview())).status).toBe(200);
  return { ...f, cookie, preview, confirm };
}

describe('re-importing an older plan after the console moved actions on', () => {
  it('never hands a leaver back their actions, says who keeps them, and shows each reassignment it undoes in names', async () => {
    const f = await consoleWithDemo();
    const a215 = (await f.repository.getAction('215'))!;
    expect((await f.request('/admin/actions/215/reassign', { form: { version: String(a215.version), owner1: id.osei, owner2: '', owner3: '', sro: id.ashworth }, cookie: f.cookie })).status).toBe(303);
    const left = await f.request(`/admin/people/${id.carver}/deactivate`, { form: { confirm: 'yes', newSro: id.ashworth }, cookie: f.cookie });
    expect(left.status).toBe(200);
    expect((await f.repository.getAction('203'))!.ownerIds).toEqual([id.blake]);

    const again = await f.preview();
    // Who keeps each action the sheet would give back, on its row, where the admin reads the warnings.
    const warning = (where: string, message: string) => `<td data-label="Where">Plan, ${where}</td><td class="prose" data-label="Problem and what to do">${message}</td>`;
    const hasLeft = 'the sheet names ACO Helen Carver, who has left (deactivated in People)';
    expect(again.html).toContain(warning('row 4 (action 203)', `Owned by ACC Rowena Blake; ${hasLeft}`));
    expect(again.html).toContain(warning('row 22 (action 232)', `Kept DCC Simon Ashworth as SRO; ${hasLeft}`));
    expect(again.html).toContain(warning('row 28 (action 251)', `Kept DCC Simon Ashworth as SRO; ${hasLeft}`));
    // A reassignment the sheet does undo, in names, before it is confirmed.
    expect(again.html).toMatch(/<a href="\/admin\/actions\/215">215<\/a><\/td><td data-label="What changes"><ul class="change-list"><li>Owners: Leila Osei → C\/Supt Fiona Strand, Supt Callum Rees<\/li><\/ul>/);
    expect(again.html).not.toMatch(/actions\/(203|232|251)">/);

    const imported = await f.confirm(again);
    expect(imported.status).toBe(200);
    expect(await imported.text()).toMatch(/Imported with \d+ warnings, each done as the preview’s list of problems said it would be\./);
    expect((await f.repository.getAction('203'))!.ownerIds).toEqual([id.blake]);
    expect((await f.repository.getAction('232'))!.sroId).toBe(id.ashworth);
    expect((await f.repository.getAction('251'))!.sroId).toBe(id.ashworth);
    expect((await f.repository.getAction('215'))!.ownerIds).toEqual([id.strand, id.rees]);
    expect((await f.repository.getPerson(id.carver))!.active).toBe(false);
  });
});
