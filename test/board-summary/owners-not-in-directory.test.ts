import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { MemorySummaryStore } from '../../functions/adapters/memory/memory-summary-store.js';
import { sheetNames } from '../../functions/adapters/xlsx/sheet-names.js';
import { Snapshot } from '../../functions/core/board-summary/snapshot.js';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import type { OutgoingEmail } from '../../functions/core/ports.js';
import { createSummaryRoutes } from '../../web/summaries/summary-routes.js';
import { adminTestApp } from '../admin/support/admin-test-app.js';
import { makePerson } from '../support/make-action.js';
import { memoryDeps } from '../support/memory-deps.js';
import { action, octoberSnapshot } from './history-fixtures.js';
import { allRows, readBack } from './read-pack.js';

const config = parseForceConfig(
  {
    id: 'northshire',
    name: 'Northshire Police',
    baseUrl: 'https://actions.northshire.example',
    sender: 's@northshire.example',
    admins: ['a@northshire.example'],
    board: ['chief@northshire.example'],
  },
  'test',
);
const now = new Date('2026-11-27T10:00:00Z');
const quiet = { lastUpdatedAt: '2026-08-01T09:00:00.000Z' };
const gone = 'Someone no longer in the people directory';

/**
 * Stale actions owned by two ids the people directory no longer holds (one action by both), and one by
 * someone it does; an SRO it no longer holds too. The console's compile, page and pack, on memory fakes.
 */
async function harness(summaries = new MemorySummaryStore()) {
  const repository = new MemoryRepository();
  await repository.putPerson(makePerson({ id: 'p-morgan', name: 'Supt Alex Morgan' }));
  for (const row of [
    action('a-1', 'R1', { ...quiet, ownerIds: ['gone.one'] }),
    action('a-2', 'R2', { ...quiet, ownerIds: ['gone.one'] }),
    action('a-3', 'R3', { ...quiet, ownerIds: ['gone.two'] }),
    action('a-4', 'R4', { ...quiet, ownerIds: ['gone.one', 'gone.two'] }),
    action('a-5', 'R5', { ...quiet, ownerIds: ['p-morgan'], sroId: 'gone.three' }),
  ]) {
    await repository.putAction(row, null);
  }
  const sent: OutgoingEmail[] = [];
  const deps = memoryDeps({
    config,
    repository,
    summaries,
    clock: { now: () => now },
    getMailer: async () => ({
      send: async (email) => {
        sent.push(email);
        return { messageId: `m-${sent.length}` };
      },
    }),
  });
  const app = adminTestApp(deps, createSummaryRoutes(), '/admin/summaries');
  const pack = async (month: string) => readBack(new Uint8Array(await (await app.request(`/admin/summaries/${month}/board-pack.xlsx`, { method: 'POST' })).arrayBuffer()));
  return { app, sent, pack };
}

const post = (month: string) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ month }).toString() });

describe('owners the people directory no longer holds, in the board summary', () => {
  it('are one owner, named as a name, with each of their actions counted once: in the email, on the page and in the pack', async () => {
    const { app, sent, pack } = await harness();
    expect((await app.request('/admin/summaries/compile', post('2026-10'))).status).toBe(303);

    const [email] = sent;
    expect(email!.text).toContain(`Owners of the most actions with no update for 28 days or more\n- ${gone}: 4\n- Supt Alex Morgan: 1\n`);
    expect(email!.text).not.toContain('someone no longer');
    expect(email!.html.match(/\w+ no longer in the people directory/gi)).toEqual([gone]);

    const page = await (await app.request('/admin/summaries/2026-10')).text();
    const owners = page.slice(page.indexOf('<h2>Owners of actions with no update'), page.indexOf('<h2>Open actions by senior responsible officer'));
    expect([...owners.matchAll(/<th scope="row">([^<]*)<\/th><td data-label="Actions">(\d+)<\/td>/g)].map((m) => `${m[1]}: ${m[2]}`)).toEqual([`${gone}: 4`, 'Supt Alex Morgan: 1']);
    expect(owners).toContain('<a href="/admin/actions/a-1">R1</a>, <a href="/admin/actions/a-2">R2</a>, <a href="/admin/actions/a-3">R3</a>, <a href="/admin/actions/a-4">R4</a>');
    // An SRO the directory no longer holds reads as a name too, where the page names SROs.
    expect(page).toContain(`<th scope="row">${gone}</th>`);
    expect(page).not.toContain('someone no longer');

    const summary = (await pack('2026-10')).getWorksheet(sheetNames.summary)!;
    const rows = allRows(summary).filter((row) => typeof row[0] === 'string' && /no longer in the people directory/i.test(row[0]));
    expect(rows).toEqual([
      [gone, 4, undefined, 'R1, R2, R3, R4'],
      [gone, 1, 1, 0],
    ]);
  });

  it('are one owner in the pack of a month kept when each was a row of its own, named in lower case', async () => {
    // As kept before: the plan's rows named them for mid-sentence, and the summary listed each id.
    const old = octoberSnapshot();
    const missing = 'someone no longer in the people directory';
    old.plan = old.plan.map((row, i) => (i < 3 ? { ...row, stale: true, owners: [{ id: `gone.${i}`, name: missing }] } : { ...row, stale: false }));
    old.summary.staleOwners = old.plan.slice(0, 3).map((row, i) => ({ id: `gone.${i}`, name: missing, count: 1, refs: [row.ref] }));
    const summaries = new MemorySummaryStore();
    await summaries.putSnapshot(Snapshot.parse(JSON.parse(JSON.stringify(old))));
    const { app, pack } = await harness(summaries);

    expect((await app.request('/admin/summaries/2026-10')).status).toBe(200);
    const workbook = await pack('2026-10');
    const rows = allRows(workbook.getWorksheet(sheetNames.summary)!).filter((row) => typeof row[0] === 'string' && /no longer in the people directory/i.test(row[0]));
    expect(rows).toEqual([[gone, 3, undefined, old.plan.slice(0, 3).map((row) => row.ref).join(', ')]]);
    // The plan sheet names them as a name too, whenever the row was kept.
    const planRows = allRows(workbook.getWorksheet(sheetNames.plan)!);
    const ownerColumn = planRows[0]!.indexOf('Plan Owner');
    expect(planRows.slice(1, 4).map((row) => row[ownerColumn])).toEqual([gone, gone, gone]);
  });
});
