import { MemoryRepository } from '../functions/adapters/memory/memory-repository.js';
import { listActionPage, readFilters } from '../functions/core/admin/actions/list-actions.js';
import { parseForceConfig } from '../functions/core/config/force-config.js';
import { Action, statuses } from '../functions/core/model/action.js';
import { Person } from '../functions/core/model/person.js';
import { createActionRoutes } from '../web/admin/actions/action-routes.js';
import { adminSession, adminTestApp } from '../test/admin/support/admin-test-app.js';
import { memoryDeps } from '../test/support/memory-deps.js';
import { percentile, type BenchFigure } from './figure.js';

const now = new Date('2026-11-27T10:00:00Z');
const config = parseForceConfig({ id: 'bench', name: 'Benchshire Police', baseUrl: 'https://actions.bench.example', sender: 's@b.example', admins: ['admin@northshire.example'] }, 'bench');
const words = 'the force should make sure that its response to vulnerable victims is consistent across every district supervisors review crime records audit each month neighbourhood teams training delivered demand model staffing safeguarding referrals partners custody welfare checks'.split(' ');
const prose = (n: number, seed: number) => Array.from({ length: n }, (_, i) => words[(seed * 31 + i * 17) % words.length]).join(' ');
const areas = ['Effectiveness', 'Efficiency', 'Legitimacy', 'Leadership', 'Vulnerability', 'Crime data integrity'];
const confidences = ['high', 'medium', 'low', 'not-set'] as const;

/** A plan of `count` actions of realistic length over 300 people, some stale, some overdue. */
async function plan(count: number) {
  const repository = new MemoryRepository();
  for (let p = 0; p < 300; p++) await repository.putPerson(Person.parse({ id: `p-${p}`, name: `Officer ${p}`, role: null, email: `p${p}@bench.example`, aliases: [], active: true, mailStatus: 'ok' }));
  for (let i = 0; i < count; i++) {
    const action = Action.parse({
      id: `a-${i}`, kind: 'recommendation', area: areas[i % areas.length], ref: `${1 + (i % 40)}.${i}`, evidence: prose(80, i), text: prose(60, i + 1),
      accepted: { value: true, rationale: null }, sroId: `p-${i % 20}`, ownerIds: [`p-${20 + (i % 280)}`], unmatchedNames: [], plan: prose(50, i + 2),
      timescale: { text: null, target: `202${5 + (i % 4)}-${String(1 + (i % 12)).padStart(2, '0')}`, originalTarget: null, revisions: [] },
      confidence: confidences[i % 4], confidenceNarrative: prose(20, i + 3), latestProgress: prose(80, i + 4),
      lastUpdatedAt: i % 7 === 0 ? null : new Date(now.getTime() - (i % 120) * 86_400_000).toISOString(), status: statuses[i % 10 === 0 ? 2 : 0], version: 1, createdAt: '2025-01-06T09:00:00.000Z',
    });
    await repository.putAction(action, null);
  }
  return repository;
}

async function time(run: () => Promise<unknown> | unknown, runs: number): Promise<number> {
  for (let i = 0; i < 20; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return percentile(samples, 95);
}

/** The Actions list with 5,000 actions: whole page render (read, filter, sort, page, HTML) and the filtering alone. */
export default async function adminActionsBench(): Promise<BenchFigure[]> {
  const memory = await plan(5000);
  const [actions, people] = await Promise.all([memory.listActions(), memory.listPeople()]);
  // The page as it renders once the plan is read: the in-memory fake sorts all 5,000 by id on each read
  // (3 to 5 ms here), a cost of the fake, not of the page (and not what DynamoDB's paged Query costs:
  // that is not measured here).
  const repository = Object.assign(Object.create(memory) as MemoryRepository, { listActions: async () => actions, listPeople: async () => people });
  const deps = memoryDeps({ config, repository, clock: { now: () => now } });
  const app = adminTestApp(deps, createActionRoutes(), '/admin/actions', adminSession);
  const page = (query: string) => async () => {
    const response = await app.request(`/admin/actions${query}`);
    if (response.status !== 200) throw new Error(`${query}: ${response.status}`);
    return response.text();
  };
  const { filters } = readFilters({ area: 'Efficiency', stale: 'yes', sort: 'updated-oldest' });
  // A ref changed between every two views, so the plan order is collated afresh each time (the worst case).
  const renamed = actions.map((a, i) => (i === 0 ? { ...a, ref: `${a.ref}-renamed` } : a));
  let flip = false;
  return [
    { name: 'Actions list page, 5,000 actions, area + stale filter, sorted by last updated (p95)', value: await time(page('?area=Efficiency&stale=yes&sort=updated-oldest'), 100), unit: 'ms', budget: 50 },
    { name: 'Actions list page, 5,000 actions, search the text, page 3 (p95)', value: await time(page('?q=safeguarding&page=3'), 100), unit: 'ms', budget: 50 },
    { name: 'Actions list page, 5,000 actions, no filter, sorted by target (p95)', value: await time(page('?sort=target-soonest'), 100), unit: 'ms', budget: 50 },
    { name: 'filter + sort + page alone, 5,000 actions (p95)', value: await time(() => listActionPage(actions, filters, now, config), 200), unit: 'ms', budget: 10 },
    { name: 'filter + sort + page alone, 5,000 actions, plan order recollated (p95)', value: await time(() => listActionPage((flip = !flip) ? renamed : actions, filters, now, config), 50), unit: 'ms', budget: 30 },
  ];
}
