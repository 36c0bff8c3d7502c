import { describe, expect, it } from 'vitest';
import { makePerson } from '../../support/make-action.js';
import { boardSession } from '../support/admin-test-app.js';
import { confirm, demoPeopleCsv, demoPlanCsv, file, importHarness, personId, postForm, quirkyPlanCsv, upload, uploadAndPreview, type ImportHarness } from './import-fixture.js';

const quirky = () => ({ plan: file(quirkyPlanCsv, 'quirky.csv'), people: file(demoPeopleCsv, 'people.csv') });
const fiona = personId('fiona.strand');

async function importDirectory(h: ImportHarness) {
  const preview = await uploadAndPreview(h, { plan: file(demoPlanCsv, 'action-plan.csv'), people: file(demoPeopleCsv, 'people.csv') });
  await confirm(h, preview.path, preview.digest!);
}

describe('import: resolving names that match nobody', () => {
  it('previews with the chosen person, saves nothing until the import, then keeps the name as an alias, audited', async () => {
    const h = importHarness();
    await importDirectory(h);
    const preview = await uploadAndPreview(h, { plan: file(quirkyPlanCsv, 'quirky.csv') });
    expect(preview.html).toContain('&quot;Supt Nobody&quot; matches nobody');
    expect(preview.html).toContain(`<option value="${fiona}">C/Supt Fiona Strand, Chief Superintendent, Head of Crime (fiona.strand@northshire.police.example)</option>`);

    const before = await h.snapshot();
    const res = await postForm(h, `${preview.path}/aliases`, [['name', 'Supt Nobody'], ['personId', fiona]]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${preview.path}?matched=1`);
    // Kept with the draft only: the directory and the audit log are as they were.
    expect({ ...(await h.snapshot() as object), drafts: [] }).toEqual({ ...(before as object), drafts: [] });

    const again = await (await h.app.request(`${preview.path}?matched=1`)).text();
    expect(again).toContain('1 name matched');
    expect(again).toContain('Nothing is saved until you import');
    expect(again).toContain('<li>Supt Nobody: C/Supt Fiona Strand</li>');
    expect(again).not.toContain('Names that match nobody');
    expect(again).toContain('0 errors and 1 warning');

    // With an error in the file as well, the error summary takes the focus and the notice is a status.
    const lines = new TextDecoder().decode(quirkyPlanCsv).split('\n');
    const withError = [...lines.slice(0, 14), lines[13]!, ...lines.slice(14)].join('\n');
    const broken = await uploadAndPreview(h, { plan: file(new TextEncoder().encode(withError), 'quirky.csv') });
    await postForm(h, `${broken.path}/aliases`, [['name', 'Supt Nobody'], ['personId', fiona]]);
    const both = await (await h.app.request(`${broken.path}?matched=1`)).text();
    expect(both).toContain('class="error-summary"');
    expect(both.match(/autofocus/g)).toHaveLength(1);
    expect(both.match(/role="alert"/g)).toHaveLength(1);

    // Uploading again starts afresh: the match is not kept anywhere but in the first draft.
    expect((await uploadAndPreview(h, { plan: file(quirkyPlanCsv, 'quirky.csv') })).html).toContain('Names that match nobody');

    const digest = /name="digest" value="([^"]+)"/.exec(again)![1]!;
    expect((await confirm(h, preview.path, digest)).status).toBe(200);
    expect((await h.repository.getPerson(fiona))?.aliases).toContain('Supt Nobody');
    expect(h.audit.entries.map((e) => e.change)).toContain('add-person-alias');
    expect(h.audit.entries.find((e) => e.change === 'add-person-alias')).toMatchObject({ target: { type: 'person', id: fiona }, by: 'admin@northshire.example' });
    expect((await h.repository.getAction('q4'))?.ownerIds).toContain(fiona);
  });

  it('resolves a name to someone in the uploaded directory who is not stored yet, and the import keeps the alias', async () => {
    const h = importHarness();
    const preview = await uploadAndPreview(h, quirky());
    const res = await postForm(h, `${preview.path}/aliases`, [['name', 'Supt Nobody'], ['personId', fiona]]);
    expect(res.status).toBe(303);
    expect(await h.repository.getPerson(fiona)).toBeNull();
    const again = await (await h.app.request(preview.path)).text();
    expect(again).not.toContain('Names that match nobody');
    expect(again).toMatch(/<td data-label="New">13<\/td>/);
    const imported = await confirm(h, preview.path, /name="digest" value="([^"]+)"/.exec(again)![1]!);
    expect(imported.status).toBe(200);
    // The counts the preview showed: Fiona is new from the people file, not an alias change made first.
    expect(h.audit.entries.find((e) => e.change === 'import-plan')).toMatchObject({ after: { peopleCounts: { created: 13, updated: 0, unchanged: 0 } } });
    expect(h.audit.entries.find((e) => e.change === 'add-person-alias')).toMatchObject({ target: { id: fiona }, before: { id: fiona } });
    // The directory file does not list the alias: re-importing it must not drop it.
    expect((await h.repository.getPerson(fiona))?.aliases).toEqual(['DCS Strand (Head of Crime)', 'T/D/Ch/Supt Strand', 'C/Supt Strand', 'Supt Nobody']);
    expect((await h.repository.getAction('q4'))?.unmatchedNames).toEqual([]);
    expect((await h.repository.getAction('q4'))?.ownerIds).toContain(fiona);
  });

  it('settles a name two people share with the person chosen, in the preview and the import', async () => {
    const h = importHarness();
    await importDirectory(h);
    const osei = personId('leila.osei');
    // Added again by mistake, under another address: the plan's "Leila Osei" is now either of them.
    await h.repository.putPerson(makePerson({ id: personId('leila.osei2'), name: 'Leila Osei', email: 'leila.osei2@northshire.police.example' }));
    // And 213 handed to someone else since, which the file's owner replaces.
    const stored = (await h.repository.getAction('213'))!;
    await h.repository.putAction({ ...stored, ownerIds: [personId('daniel.mercer')], version: stored.version + 1 }, stored.version);
    const preview = await uploadAndPreview(h, { plan: file(demoPlanCsv, 'action-plan.csv') });
    expect(preview.html).toContain('Who is <strong>Leila Osei</strong>?');
    expect(preview.html).toMatch(/213<\/a>[\s\S]*?Owners: Supt Daniel Mercer → not set/);

    await postForm(h, `${preview.path}/aliases`, [['name', 'Leila Osei'], ['personId', osei]]);
    const again = await (await h.app.request(`${preview.path}?matched=1`)).text();
    expect(again).toContain('<li>Leila Osei: Leila Osei</li>');
    expect(again).toContain('except a name someone else in the directory also has, which each import asks about again');
    expect(again).not.toContain('Who is <strong>Leila Osei</strong>?');
    expect(again).toContain('Owners: Supt Daniel Mercer → Leila Osei');
    expect(again).not.toContain('→ not set');

    const digest = /name="digest" value="([^"]+)"/.exec(again)![1]!;
    expect((await confirm(h, preview.path, digest)).status).toBe(200);
    for (const id of ['213', '251']) expect((await h.repository.getAction(id))?.ownerIds).toEqual([osei]);
  });

  it('asks for a choice when none was made, and refuses a person not in the list', async () => {
    const h = importHarness();
    const preview = await uploadAndPreview(h, quirky());
    const before = await h.snapshot();
    const none = await postForm(h, `${preview.path}/aliases`, [['name', 'Supt Nobody'], ['personId', '']]);
    expect(none.status).toBe(400);
    const html = await none.text();
    expect(html).toContain('<title>Error: Check the import');
    expect(html).toContain('href="#person-0">Choose who at least one of the names is');
    const forged = await postForm(h, `${preview.path}/aliases`, [['name', 'Supt Nobody'], ['personId', 'someone.else']]);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('Choose who &quot;Supt Nobody&quot; is from the list');
    expect(await h.snapshot()).toEqual(before);
  });

  it('passes over a name that is not unmatched in this file', async () => {
    const h = importHarness();
    await importDirectory(h);
    const preview = await uploadAndPreview(h, { plan: file(quirkyPlanCsv, 'quirky.csv') });
    const res = await postForm(h, `${preview.path}/aliases`, [['name', 'Somebody Invented'], ['personId', fiona], ['name', 'Supt Nobody'], ['personId', fiona]]);
    expect(res.status).toBe(303);
    expect((await h.drafts.get(preview.path.split('/').at(-1)!))?.matches).toEqual([{ name: 'Supt Nobody', personId: fiona }]);
  });
});

describe('import: who may, and what reads write', () => {
  it('refuses a board member everywhere, writing nothing', async () => {
    const admin = importHarness();
    const preview = await uploadAndPreview(admin, quirky());
    const board = importHarness(boardSession, admin);
    const before = await admin.snapshot();
    const answers = [
      await board.app.request('/admin/import'),
      await upload(board, quirky()),
      await board.app.request(preview.path),
      await postForm(board, `${preview.path}/aliases`, [['name', 'Supt Nobody'], ['personId', personId('fiona.strand')]]),
      await confirm(board, preview.path, preview.digest!),
    ];
    expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await answers[0]!.text()).toContain('Only admins can do this');
    expect(await admin.snapshot()).toEqual(before);
  });

  it('writes nothing on GET: the upload form and the preview read only, and are never cached', async () => {
    const h = importHarness();
    await importDirectory(h);
    const preview = await uploadAndPreview(h, { plan: file(quirkyPlanCsv, 'quirky.csv') });
    const before = await h.snapshot();
    for (const path of ['/admin/import', preview.path, `${preview.path}?matched=3`, '/admin/import/preview']) {
      const res = await h.app.request(path);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(await h.snapshot()).toEqual(before);
  });
});
