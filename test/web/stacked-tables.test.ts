import { describe, expect, it } from 'vitest';
import { appCss } from '../../web/assets/app-css.js';
import { adminEmail, baseUrl, consoleFixture } from '../admin/support/console-fixture.js';
import { demoPeopleCsv, demoPlanCsv, quirkyPlanCsv } from '../admin/import/import-fixture.js';
import { makeAction, makePerson, makeRunReport } from '../support/make-action.js';

/**
 * On a phone every table stacks and its thead goes off screen (app-css.ts), so a body cell shows its
 * column heading only through its data-label. These are the cells that would show a bare value.
 */
function unlabelledCells(html: string): string[] {
  const tables = html.match(/<table\b[\s\S]*?<\/table>/g) ?? [];
  return tables
    .filter((table) => table.includes('<thead'))
    .flatMap((table) => [...(/<tbody\b[\s\S]*?<\/tbody>/.exec(table)?.[0] ?? '').matchAll(/<td\b([^>]*)>([^<]{0,40})/g)])
    .filter(([, attributes]) => !/\sdata-label="[^"]+"/.test(attributes ?? ''))
    .map(([cell]) => cell);
}

const tablesWithHeads = (html: string) => (html.match(/<table\b[\s\S]*?<\/table>/g) ?? []).filter((t) => t.includes('<thead')).length;

const runReport = makeRunReport();

function uploadForm(plan: Uint8Array, people?: Uint8Array) {
  const form = new FormData();
  form.set('plan', new File([new Uint8Array(plan)], 'action-plan.csv'));
  if (people) form.set('people', new File([new Uint8Array(people)], 'people.csv'));
  return form;
}

/** A console with a little of everything: people, actions that moved in October, a run, an audit trail, a kept summary. */
async function fullConsole() {
  const f = consoleFixture();
  await f.repository.putPerson(makePerson({ id: 'okoro', name: 'Supt Grace Okoro', email: 'grace.okoro@testshire.example' }));
  const october = '2026-10-05T09:00:00.000Z';
  await f.repository.putAction(makeAction({ id: 'new', ref: '1.01', ownerIds: ['okoro'], createdAt: october, confidence: 'low', lastUpdatedAt: null }), null);
  await f.repository.putAction(makeAction({ id: 'old', ref: '1.02', ownerIds: ['okoro'], lastUpdatedAt: '2026-06-01T09:00:00.000Z', timescale: { text: null, target: '2026-09', originalTarget: '2026-09', revisions: [] } }), null);
  await f.deps.runReports.save(runReport);
  const cookie = await f.signIn(adminEmail);
  expect((await f.request('/admin/summaries/compile', { form: { month: '2026-10' }, cookie })).status).toBe(303);
  return { f, cookie };
}

/** Uploads files to the import preview and returns the preview page's HTML. */
async function previewOf(f: ReturnType<typeof consoleFixture>, cookie: string, form: FormData) {
  const uploaded = await f.app.request('/admin/import/preview', { method: 'POST', headers: { cookie, origin: new URL(baseUrl).origin }, body: form });
  const location = uploaded.headers.get('location');
  expect(location, `upload answered ${uploaded.status}`).toBeTruthy();
  return (await f.request(location!, { cookie })).text();
}

describe('tables on a phone', () => {
  it('stack with one rule that puts every labelled cell’s heading back, whatever the table’s class', () => {
    const phone = /@media \(max-width:40rem\)\{([^@]*)\}/g;
    const rules = [...appCss.matchAll(phone)].map((m) => m[1]).join('');
    expect(rules).toContain('table,thead,tbody,tr,th,td{display:block}');
    expect(rules).toMatch(/(^|\})td\[data-label\]::before\{content:attr\(data-label\)/);
    // A table kept wide for larger screens must not scroll sideways once stacked.
    expect(rules).toContain('.table{min-width:0}');
  });

  it('give every body cell of every table with column headings a data-label, on every console page that has tables', async () => {
    const { f, cookie } = await fullConsole();
    const pages = ['/admin', '/admin/actions', '/admin/people', '/admin/people/okoro/deactivate', '/admin/reminders', '/admin/audit', '/admin/summaries', '/admin/summaries/2026-10'];
    for (const path of pages) {
      const response = await f.request(path, { cookie });
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(tablesWithHeads(html), `${path} has a table to check`).toBeGreaterThan(0);
      expect(unlabelledCells(html), path).toEqual([]);
    }
  });

  it('give a data-label to every cell of the import preview’s tables: counts, changes and problems', async () => {
    const { f, cookie } = await fullConsole();
    const first = await previewOf(f, cookie, uploadForm(demoPlanCsv, demoPeopleCsv));
    const digest = /name="digest" value="([^"]+)"/.exec(first)![1]!;
    const draft = /action="(\/admin\/import\/[^/"]+)\/confirm"/.exec(first)![1]!;
    expect((await f.request(`${draft}/confirm`, { form: { digest }, cookie })).status).toBe(200);
    const [stored] = await f.repository.listActions();
    await f.repository.putAction({ ...stored!, text: `${stored!.text} (edited in the console)`, version: stored!.version + 1 }, stored!.version);

    const again = await previewOf(f, cookie, uploadForm(demoPlanCsv, demoPeopleCsv));
    expect(again).toContain('Stored actions the import changes');
    const quirky = await previewOf(f, cookie, uploadForm(quirkyPlanCsv));
    expect(quirky).toContain('Problems found in the files');
    for (const html of [first, again, quirky]) expect(unlabelledCells(html)).toEqual([]);
  });
});
