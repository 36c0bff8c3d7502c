import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { memoryDeps } from '../../test/support/memory-deps.js';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { issueLink } from '../../functions/core/links/links.js';
import { Action } from '../../functions/core/model/action.js';
import { Person } from '../../functions/core/model/person.js';
import { createApp } from '../../web/app.js';

const now = new Date('2026-11-27T10:00:00Z');
const words = ('the force should make sure that its response to vulnerable victims is consistent across every district and shift ' +
  'supervisors review crime records audit each month neighbourhood teams problem solving training delivered sergeants control room ' +
  'demand model staffing quarterly domestic abuse safeguarding referrals partners council health missing children exploitation ' +
  'custody detainees welfare checks body worn video use of force scrutiny panel independent advisory group stop search data').split(' ');
/** Varied text (a seeded pseudo-random walk over the vocabulary), so that gzip is not flattered by repetition. */
const prose = (n: number, seed: number) => {
  let state = seed * 2654435761 + 1;
  return Array.from({ length: n }, () => words[(state = (state * 1103515245 + 12345) % 2147483648) % words.length]).join(' ');
};

/** An in-memory app with one owner holding `count` actions of realistic length, three updates on each form. */
export async function benchHarness(count: number) {
  const config = parseForceConfig({ id: 'bench', name: 'Benchshire Police', baseUrl: 'https://actions.bench.example', sender: 's@b.example', admins: ['a@b.example'] }, 'bench');
  const repository = new MemoryRepository();
  const person = Person.parse({ id: 'owner', name: 'Supt Bench Owner', role: null, email: 'owner@bench.example', aliases: [], active: true, mailStatus: 'ok' });
  await repository.putPerson(person);
  for (let i = 0; i < count; i++) {
    const action = Action.parse({
      id: `a${i}`, kind: 'recommendation', area: 'Effectiveness', ref: `${Math.floor(i / 10) + 1}.${i % 10}`, evidence: null,
      text: prose(60, i), accepted: { value: true, rationale: null }, sroId: null, ownerIds: ['owner'], unmatchedNames: [],
      plan: prose(80, i + 3), timescale: { text: null, target: '2027-03', originalTarget: '2027-03', revisions: [] },
      confidence: 'medium', confidenceNarrative: prose(30, i), latestProgress: null,
      lastUpdatedAt: new Date(now.getTime() - (i * 5 + 1) * 86_400_000).toISOString(), status: 'open', version: 1, createdAt: '2025-01-06T09:00:00.000Z',
    });
    await repository.putAction(action, null);
  }
  for (let v = 1; v <= 3; v++) {
    await repository.saveUpdate({ actionId: 'a0', version: v + 1, at: now.toISOString(), by: 'owner', onBehalfOf: null, via: 'link', patch: { latestProgress: prose(120, v) }, changes: [], countsAsProgress: true });
  }
  const deps = memoryDeps({ config, repository, clock: { now: () => now } });
  const { token } = await issueLink(deps, person, now);
  return { app: createApp(deps), token, formActionId: 'a0' };
}
