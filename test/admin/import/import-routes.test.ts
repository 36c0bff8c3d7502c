import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/core/errors.js';
import { buildXlsx } from '../../import/build-xlsx.js';
import { csvRows } from '../../import/fixtures.js';
import { adminSession } from '../support/admin-test-app.js';
import { confirm, demoPeopleCsv, demoPlanCsv, file, importHarness, now, personId, quirkyPlanCsv, upload, uploadAndPreview } from './import-fixture.js';

const demo = () => ({ plan: file(demoPlanCsv, 'action-plan.csv'), people: file(demoPeopleCsv, 'people.csv') });

describe('import: upload, preview, confirm', () => {
  it('previews the sample plan without writing anything, then imports all of it on confirm', async () => {
    const h = importHarness();
    const preview = await uploadAndPreview(h, demo());
    expect(preview.status).toBe(200);
    expect(preview.html).toContain('Check the import');
    expect(preview.html).toContain('The plan has 27 actions: 20 recommendations, 6 areas for improvement and 1 cause of concern, in 6 areas.');
    expect(preview.html).toContain('Import 27 actions and 13 people');
    expect(await h.repository.listActions()).toEqual([]);
    expect(await h.repository.listPeople()).toEqual([]);
    expect(h.audit.entries).toEqual([]);

    const res = await confirm(h, preview.path, preview.digest!);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Plan imported');
    expect(html).toContain('Actions: 27 new, 0 changed, 0 unchanged.');
    expect(await h.repository.listActions()).toHaveLength(27);
    expect(await h.repository.listPeople()).toHaveLength(13);
    expect(h.audit.entries).toMatchObject([{ by: 'admin@northshire.example', change: 'import-plan', target: { type: 'plan' }, after: { plan: 'action-plan.csv', actionCounts: { created: 27 } } }]);
    // The draft ends with the import: the preview cannot be confirmed twice.
    expect((await h.app.request(preview.path)).status).toBe(404);
    expect(h.drafts.drafts.size).toBe(0);
  });

  it('imports an XLSX plan the same way', async () => {
    const h = importHarness();
    const xlsx = await buildXlsx([{ name: 'Plan', rows: csvRows(demoPlanCsv) }]);
    const preview = await uploadAndPreview(h, { plan: file(xlsx, 'action-plan.xlsx'), people: file(demoPeopleCsv, 'people.csv') });
    expect(preview.html).toContain('The plan has 27 actions');
    expect((await confirm(h, preview.path, preview.digest!)).status).toBe(200);
    expect(await h.repository.listActions()).toHaveLength(27);
  });

  it('imports the quirky plan with its warnings accepted, keeping the unmatched name on its action', async () => {
    const h = importHarness();
    const preview = await uploadAndPreview(h, { plan: file(quirkyPlanCsv, 'quirky.csv'), people: file(demoPeopleCsv, 'people.csv') });
    expect(preview.html).toContain('Names that match nobody');
    expect(preview.html).toContain('Who is <strong>Supt Nobody</strong>?');
    expect(preview.html).toContain('0 errors and 2 warnings');
    // Each column says what it holds: the severity, where, then the problem with what to do about it.
    expect(preview.html).toMatch(/<th scope="col">Severity<\/th><th scope="col">Where<\/th><th scope="col">Problem and what to do<\/th>/);
    expect(preview.html).toContain('<td data-label="Severity"><strong class="tag tag-warning">Warning</strong></td>');
    expect(preview.html).toContain('Importing accepts the 2 warnings above: each says what the import does about it.');
    expect((await confirm(h, preview.path, preview.digest!)).status).toBe(200);
    expect(await h.repository.listActions()).toHaveLength(6);
    expect(await h.repository.getAction('q4')).toMatchObject({ unmatchedNames: ['Supt Nobody'] });
  });

  it('says a plan with headings and no rows has nothing in it, rather than that it is stored already', async () => {
    const h = importHarness();
    const preview = await uploadAndPreview(h, { plan: file('Area,Ref,Recommendation,Plan Owner,Timescale\r\n', 'empty.csv') });
    expect(preview.html).toContain('Nothing to import: the plan file has its headings but no rows below them.');
    expect(preview.html).not.toContain('stored already');
  });

  it('changes nothing when the same files are imported again', async () => {
    const h = importHarness();
    const first = await uploadAndPreview(h, demo());
    await confirm(h, first.path, first.digest!);
    const before = await h.snapshot();

    const again = await uploadAndPreview(h, demo());
    expect(again.html).toContain('Nothing to import: everything in these files is stored already.');
    expect(again.digest).toBeNull();
    // Even a confirm sent anyway (an old tab, a replay) writes nothing and audits nothing.
    const dryRun = await (await import('../../../web/admin/import/run-import.js')).previewImport(h.repository, { plan: demoPlanCsv, people: demoPeopleCsv }, new Date());
    const res = await confirm(h, again.path, dryRun.digest);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Actions: 0 new, 0 changed, 27 unchanged.');
    expect({ ...(await h.snapshot() as object), drafts: [] }).toEqual({ ...(before as object), drafts: [] });
  });

  it('lists each stored action the file changes, so that a reassignment made in the console is seen before it is undone', async () => {
    const h = importHarness();
    const first = await uploadAndPreview(h, demo());
    await confirm(h, first.path, first.digest!);
    const stored = (await h.repository.getAction('211'))!;
    await h.repository.saveUpdate({
      actionId: '211', version: stored.version + 1, at: now.toISOString(), by: 'admin@northshire.example', onBehalfOf: null, via: 'admin',
      patch: { ownerIds: [personId('owen.tranter')] }, changes: [], countsAsProgress: false,
    });

    const again = await uploadAndPreview(h, demo());
    expect(again.html).toContain('<h2 id="changes-title">Stored actions the import changes</h2>');
    // In names, before and after, so that the admin sees whose reassignment it undoes.
    expect(again.html).toMatch(/<a href="\/admin\/actions\/211">211<\/a><\/td><td data-label="What changes"><ul class="change-list"><li>Owners: Owen Tranter → D\/Supt Gareth Pike, Owen Tranter<\/li><\/ul><\/td>/);
    expect(again.html).toContain('Check that no change made here since the last import would be undone.');
    // Unlike a reassignment in the console, the import emails nobody it gives an action to, and says so.
    expect(again.html).toContain('Nobody is emailed by an import. People the file makes an owner or SRO find the action on their own page');
    // A first import changes no stored action, so has no such list, but gives every action an owner: it says so too.
    expect(first.html).not.toContain('changes-title');
    expect(first.html).toContain('Nobody is emailed by an import.');

    // Confirmed, the import's change is in the action's history under the admin's name.
    expect((await confirm(h, again.path, again.digest!)).status).toBe(200);
    expect((await h.repository.listUpdates('211')).at(-1)).toMatchObject({
      via: 'import',
      by: adminSession.email,
      changes: [{ field: 'ownerIds', from: [personId('owen.tranter')], to: [personId('gareth.pike'), personId('owen.tranter')] }],
    });
  });

  it('confirms the monthly re-import while the clock moves on: a moved target, and Last Updated in this month', async () => {
    let tick = 0;
    const h = importHarness(adminSession, undefined, { now: () => new Date(now.getTime() + 1000 * tick++) });
    const first = await uploadAndPreview(h, demo());
    expect((await confirm(h, first.path, first.digest!)).status).toBe(200);
    const edited = new TextDecoder()
      .decode(demoPlanCsv)
      .replace('in its use.",Mar-26,', 'in its use.",Sep-27,')
      .replace('upgrade is complete.,Jul-26', 'upgrade is complete. All four districts now.,Nov-26');
    const again = await uploadAndPreview(h, { plan: file(edited, 'action-plan.csv'), people: file(demoPeopleCsv, 'people.csv') });
    expect(again.html).toContain('Target date: March 2026 → September 2027');
    expect((await confirm(h, again.path, again.digest!)).status).toBe(200);
    expect((await h.repository.getAction('201'))!.timescale.target).toBe('2027-09');
  });

  it('logs an import the store stopped part-way as begun, so what it wrote is the admin\'s, and finishes it when confirmed again', async () => {
    const h = importHarness();
    const first = await uploadAndPreview(h, demo());
    const putAction = h.repository.putAction.bind(h.repository);
    let calls = 0;
    h.repository.putAction = async (action, expected) => {
      if (++calls === 3) throw new Error('DynamoDB unavailable');
      return putAction(action, expected);
    };
    const failed = await confirm(h, first.path, first.digest!);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toContain('Some of what you sent may have been saved');
    expect((await h.repository.listActions()).length).toBe(2);
    expect(h.audit.entries).toEqual([expect.objectContaining({ by: adminSession.email, change: 'import-plan', after: expect.objectContaining({ stoppedPartWay: true }) })]);

    h.repository.putAction = putAction;
    const again = await h.app.request(first.path);
    const digest = /name="digest" value="([^"]+)"/.exec(await again.text())![1]!;
    expect((await confirm(h, first.path, digest)).status).toBe(200);
    expect(h.audit.entries).toHaveLength(2);
  });

  it('logs nothing for an import the store stopped before it wrote anything', async () => {
    const h = importHarness();
    const first = await uploadAndPreview(h, demo());
    // The confirm's preview reads the actions, then the import reads them again: that read fails.
    const listActions = h.repository.listActions.bind(h.repository);
    let reads = 0;
    h.repository.listActions = async () => {
      if (++reads === 2) throw new Error('DynamoDB unavailable');
      return listActions();
    };
    expect((await confirm(h, first.path, first.digest!)).status).toBe(500);
    expect(await listActions()).toHaveLength(0);
    expect(h.audit.entries).toHaveLength(0);
  });

  it('finishes an import that stopped on a conflict when it is confirmed again, writing nothing twice', async () => {
    const h = importHarness();
    const first = await uploadAndPreview(h, demo());
    await confirm(h, first.path, first.digest!);
    const edited = new TextDecoder().decode(demoPlanCsv).replaceAll('The force should', 'The force must');
    const preview = await uploadAndPreview(h, { plan: file(edited, 'edited.csv') });
    const changed = preview.html.match(/data-label="What changes"/g)!.length;
    expect(changed).toBeGreaterThan(2);
    // Reworded text is named, not quoted whole: a few of them would bury the owners and dates.
    expect(preview.html).toContain('<li>Text: new wording from the file</li>');
    expect(preview.html).not.toContain('The force must');

    // Someone saves the second changed action as the import reaches it.
    const saveUpdate = h.repository.saveUpdate.bind(h.repository);
    let calls = 0;
    h.repository.saveUpdate = async (update) => {
      if (++calls === 2) throw new ConflictError(await h.repository.getAction(update.actionId));
      return saveUpdate(update);
    };
    const auditedBefore = h.audit.entries.length;
    expect((await confirm(h, preview.path, preview.digest!)).status).toBe(409);
    h.repository.saveUpdate = saveUpdate;
    // What it wrote before it stopped is the admin's: the log says the import began, and who began it.
    expect(h.audit.entries.slice(auditedBefore)).toEqual([
      expect.objectContaining({ by: adminSession.email, change: 'import-plan', after: expect.objectContaining({ plan: 'edited.csv', stoppedPartWay: true }) }),
    ]);

    const again = await h.app.request(preview.path);
    const html = await again.text();
    expect(html.match(/data-label="What changes"/g)!.length).toBe(changed - 1);
    const digest = /name="digest" value="([^"]+)"/.exec(html)![1]!;
    expect((await confirm(h, preview.path, digest)).status).toBe(200);
    const entries = await Promise.all((await h.repository.listActions()).map((a) => h.repository.listUpdates(a.id)));
    expect(entries.flat().filter((u) => u.via === 'import')).toHaveLength(changed);
  });

  it('imports nothing from a file with errors, and offers no confirm', async () => {
    const h = importHarness();
    const withDuplicate = `${new TextDecoder().decode(demoPlanCsv).trimEnd()}\r\nCore Policing,201,,A second action with the same ref.,Yes,ACC Blake,Supt Mercer,,,,,,\r\n`;
    const preview = await uploadAndPreview(h, { plan: file(withDuplicate, 'plan.csv'), people: file(demoPeopleCsv, 'people.csv') });
    expect(preview.html).toContain('<title>Error: Check the import');
    expect(preview.html).toContain('class="error-summary"');
    expect(preview.html).toContain('The files have 1 error: fix them in the spreadsheet, save it and upload it again');
    expect(preview.html).toContain('is also used on row 2');
    expect(preview.digest).toBeNull();
    const res = await confirm(h, preview.path, 'anything');
    expect(res.status).toBe(400);
    expect(await h.repository.listActions()).toEqual([]);
    expect(await h.repository.listPeople()).toEqual([]);
    expect(h.audit.entries).toEqual([]);
  });

  it('re-shows the preview instead of importing when it changed after it was shown', async () => {
    const h = importHarness();
    const preview = await uploadAndPreview(h, { plan: file(quirkyPlanCsv, 'quirky.csv'), people: file(demoPeopleCsv, 'people.csv') });
    // Someone imports the directory meanwhile: the same plan would now update nobody, create no people.
    const other = await uploadAndPreview(h, { plan: file(demoPlanCsv, 'action-plan.csv'), people: file(demoPeopleCsv, 'people.csv') });
    await confirm(h, other.path, other.digest!);
    const before = await h.snapshot();
    const res = await confirm(h, preview.path, preview.digest!);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Nothing was imported: what the import would do has changed since you looked');
    expect(await h.snapshot()).toEqual(before);
  });

  it('shows a draft only to the admin who uploaded it', async () => {
    const h = importHarness();
    const preview = await uploadAndPreview(h, demo());
    const other = importHarness({ ...(await import('../support/admin-test-app.js')).adminSession, email: 'other.admin@northshire.example' }, h);
    expect((await other.app.request(preview.path)).status).toBe(404);
    expect((await confirm(other, preview.path, preview.digest!)).status).toBe(404);
    expect(await h.repository.listActions()).toEqual([]);
  });
});

describe('import: files that cannot be imported', () => {
  it('asks for the plan when no file was chosen', async () => {
    const h = importHarness();
    const res = await upload(h, {});
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<title>Error: Import the action plan');
    expect(html).toContain('href="#plan">Choose the action plan file: the spreadsheet saved from Excel as .xlsx or .csv</a>');
    expect(html).toContain('aria-describedby="plan-hint plan-error"');
  });

  it('says what to do with a file that is not a spreadsheet', async () => {
    const h = importHarness();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const res = await upload(h, { plan: file(png, 'photo.png') });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The action plan cannot be read: this is not a CSV or XLSX file; save the plan from Excel as .xlsx or .csv');
    expect(h.drafts.drafts.size).toBe(0);
  });

  it('names the people file when it is the one that cannot be read', async () => {
    const h = importHarness();
    const res = await upload(h, { plan: file(demoPlanCsv, 'plan.csv'), people: file(demoPlanCsv, 'not-people.csv') });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#people">The people file cannot be read: No header row with &quot;name&quot; and &quot;email&quot; columns');
  });

  it('refuses a file over 4 MB with the limit and what to check', async () => {
    const h = importHarness();
    const res = await upload(h, { plan: file(new Uint8Array(4 * 1024 * 1024 + 1).fill(65), 'huge.csv') });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The action plan is 4.0 MB, over the limit of 4 MB: an action plan is far smaller, so check it is the right file');
  });

  it('refuses an upload past the route limit as an error on the form, not a bare 413', async () => {
    const h = importHarness();
    // Each under the limit for one file, but not together: 4.2 MB, near what reaches the function once deployed (4.5 MB).
    const big = new Uint8Array(2.1 * 1024 * 1024).fill(65);
    const res = await upload(h, { plan: file(big, 'a.csv'), people: file(big, 'b.csv') });
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain('<title>Error: Import the action plan');
    expect(html).toContain('The files are too large to upload: keep them under 4 MB together');
    expect(h.drafts.drafts.size).toBe(0);
  });

  it('says an empty file is empty', async () => {
    const h = importHarness();
    const res = await upload(h, { plan: file(new Uint8Array(0), 'empty.csv') });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The action plan is empty');
  });
});
