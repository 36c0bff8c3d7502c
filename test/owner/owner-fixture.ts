import { MemoryLinkTokenStore } from '../../functions/adapters/memory/memory-link-token-store.js';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { memoryDeps } from '../support/memory-deps.js';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { issueLink } from '../../functions/core/links/links.js';
import type { Action } from '../../functions/core/model/action.js';
import type { Mailer, OutgoingEmail, Repository } from '../../functions/core/ports.js';
import { createApp } from '../../web/app.js';
import type { AppDeps } from '../../web/deps.js';
import { makeAction, makePerson } from '../support/make-action.js';

export const config = parseForceConfig(
  { id: 'test', name: 'Testshire Police', baseUrl: 'https://actions.testshire.example', sender: 's@t.example', admins: ['a@t.example'] },
  'test',
);
export const origin = 'https://actions.testshire.example';
export const startNow = new Date('2026-11-27T10:00:00Z');

const writeMethods = ['putAction', 'saveUpdate', 'putPerson', 'claimDailyEmail', 'claimReminder', 'completeReminder'] as const;

/** The repository with a count of every write made through it. */
export function countingRepository(inner: Repository): Repository & { writes: number } {
  const counter = { writes: 0 };
  return new Proxy(inner, {
    get(target, key, receiver) {
      if (key === 'writes') return counter.writes;
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if ((writeMethods as readonly string[]).includes(String(key))) counter.writes++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Repository & { writes: number };
}

export const alex = makePerson({ id: 'alex', name: 'Supt Alex Morgan', email: 'alex.morgan@testshire.example' });
export const blake = makePerson({ id: 'blake', name: 'Ch Insp Blake Reid', email: 'blake.reid@testshire.example' });

/**
 * A small plan: Alex owns 101 (stale and overdue), 102 (fresh) and co-owns 103; Blake owns 201; 104 is
 * Alex's but closed.
 */
export function planActions(): Action[] {
  return [
    makeAction({ id: '101', ref: '1.01', area: 'Effectiveness', ownerIds: ['alex'], text: 'Improve crime recording.', plan: 'Audit every month.', timescale: { text: 'Sep-26', target: '2026-09', originalTarget: '2026-09', revisions: [] }, confidence: 'medium', lastUpdatedAt: '2026-08-27T10:00:00.000Z' }),
    makeAction({ id: '102', ref: '1.02', area: 'Efficiency', ownerIds: ['alex'], text: 'Review shift patterns.', timescale: { text: null, target: '2027-03', originalTarget: '2027-03', revisions: [] }, confidence: 'high', lastUpdatedAt: '2026-11-20T10:00:00.000Z' }),
    makeAction({ id: '103', ref: '1.03', area: 'Legitimacy', ownerIds: ['blake', 'alex'], text: 'Use of force scrutiny.', lastUpdatedAt: null }),
    makeAction({ id: '104', ref: '1.04', area: 'Legitimacy', ownerIds: ['alex'], text: 'Closed one.', status: 'closed', lastUpdatedAt: '2026-01-01T10:00:00.000Z' }),
    makeAction({ id: '201', ref: '2.01', area: 'Efficiency', ownerIds: ['blake'], text: 'BLAKE-ONLY secret text.', lastUpdatedAt: '2026-11-01T10:00:00.000Z' }),
  ];
}

export interface OwnerHarness {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  repository: Repository & { writes: number };
  memory: MemoryRepository;
  linkTokens: MemoryLinkTokenStore;
  sent: OutgoingEmail[];
  clock: { now: () => Date; set(date: Date): void };
  linkFor(personId: string): Promise<string>;
}

export async function ownerHarness(options: { repository?: Repository; actions?: Action[] } = {}): Promise<OwnerHarness> {
  const memory = new MemoryRepository();
  const repository = countingRepository(options.repository ?? memory);
  let now = startNow;
  const clock = { now: () => now, set: (date: Date) => (now = date) };
  for (const person of [alex, blake]) await repository.putPerson(person);
  for (const action of options.actions ?? planActions()) await repository.putAction(action, null);
  const sent: OutgoingEmail[] = [];
  const mailer: Mailer = { send: async (email) => (sent.push(email), { messageId: `m-${sent.length}` }) };
  const linkTokens = new MemoryLinkTokenStore();
  const deps: AppDeps = memoryDeps({ config, repository, clock, getMailer: async () => mailer, linkTokens });
  const app = createApp(deps);
  const linkFor = async (personId: string) => {
    const person = (await repository.getPerson(personId))!;
    return (await issueLink(deps, person, clock.now())).token;
  };
  return { app, deps, repository, memory, linkTokens, sent, clock, linkFor };
}

/** A same-origin form POST as a browser sends it; `sourceIp` as API Gateway would pass it on. */
export function postForm(app: OwnerHarness['app'], path: string, fields: Record<string, string>, headers: Record<string, string> = {}, sourceIp?: string) {
  return app.request(
    path,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...headers }, body: new URLSearchParams(fields).toString() },
    sourceIp ? { requestContext: { http: { sourceIp } } } : undefined,
  );
}

/** A valid update for action 101 at version 1: low confidence, since its September target has passed. */
export const validUpdate = (overrides: Record<string, string> = {}): Record<string, string> => ({
  version: '1',
  progress: 'Audit completed for October.',
  confidence: 'low',
  confidenceNarrative: 'The audit team is short-staffed.',
  targetMonth: '9',
  targetYear: '2026',
  timescaleReason: '',
  ...overrides,
});
