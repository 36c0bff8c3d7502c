import { MemoryAuditLog } from '../../../functions/adapters/memory/memory-audit-log.js';
import { MemoryRepository } from '../../../functions/adapters/memory/memory-repository.js';
import { parseForceConfig } from '../../../functions/core/config/force-config.js';
import type { Action } from '../../../functions/core/model/action.js';
import type { OutgoingEmail } from '../../../functions/core/ports.js';
import type { AdminSession } from '../../../web/admin/admin-env.js';
import { createActionRoutes } from '../../../web/admin/actions/action-routes.js';
import type { AppDeps } from '../../../web/deps.js';
import { makeAction, makePerson } from '../../support/make-action.js';
import { memoryDeps } from '../../support/memory-deps.js';
import { sesRejection } from '../../support/ses-rejection.js';
import { adminSession, adminTestApp } from '../support/admin-test-app.js';

export const config = parseForceConfig(
  { id: 'test', name: 'Testshire Police', baseUrl: 'https://actions.testshire.example', sender: 's@t.example', admins: ['admin@northshire.example'] },
  'test',
);
export const now = new Date('2026-11-27T10:00:00Z');

export const alex = makePerson({ id: 'alex', name: 'Supt Alex Morgan', email: 'alex.morgan@testshire.example' });
export const blake = makePerson({ id: 'blake', name: 'Ch Insp Blake Reid', email: 'blake.reid@testshire.example' });
export const casey = makePerson({ id: 'casey', name: 'ACC Casey Lane', email: 'casey.lane@testshire.example', role: 'ACC' });
export const leaver = makePerson({ id: 'leaver', name: 'Former Officer', email: 'gone@testshire.example', active: false });

/** 101 open and stale, 102 proposed for closure, 103 closed, 104 open and fresh with two owners. */
export function fixtureActions(): Action[] {
  return [
    makeAction({ id: '101', ref: '1.01', area: 'Effectiveness', ownerIds: ['alex'], sroId: 'casey', text: 'Improve crime recording.', timescale: { text: 'Sep-26', target: '2026-09', originalTarget: '2026-09', revisions: [] }, confidence: 'medium', lastUpdatedAt: '2026-08-27T10:00:00.000Z', version: 3 }),
    makeAction({ id: '102', ref: '1.02', area: 'Efficiency', ownerIds: ['alex'], sroId: 'casey', text: 'Review shift patterns.', status: 'proposed-closure', lastUpdatedAt: '2026-11-20T10:00:00.000Z' }),
    makeAction({ id: '103', ref: '1.03', area: 'Legitimacy', ownerIds: ['blake'], text: 'Use of force scrutiny.', status: 'closed', lastUpdatedAt: '2026-10-01T10:00:00.000Z' }),
    makeAction({ id: '104', ref: '2.01', area: 'Efficiency', ownerIds: ['blake', 'alex'], text: 'Estates review.', timescale: { text: null, target: '2027-03', originalTarget: '2027-03', revisions: [] }, confidence: 'high', lastUpdatedAt: '2026-11-25T10:00:00.000Z' }),
  ];
}

export interface ActionsHarness {
  app: ReturnType<typeof adminTestApp>;
  deps: AppDeps;
  repository: MemoryRepository;
  audit: MemoryAuditLog;
  sent: OutgoingEmail[];
  /** Every history entry of every action, for "nothing was written" checks. */
  historyCount: () => Promise<number>;
  post: (path: string, form: Record<string, string>) => Promise<Response>;
}

export async function actionsHarness(options: { session?: AdminSession; actions?: Action[]; failMailTo?: string } = {}): Promise<ActionsHarness> {
  const repository = new MemoryRepository();
  for (const person of [alex, blake, casey, leaver]) await repository.putPerson(person);
  const actions = options.actions ?? fixtureActions();
  for (const action of actions) await repository.putAction(action, null);
  const audit = new MemoryAuditLog();
  const sent: OutgoingEmail[] = [];
  const deps = memoryDeps({
    config,
    repository,
    audit,
    clock: { now: () => now },
    getMailer: async () => ({
      send: async (email) => {
        if (options.failMailTo && email.to.includes(options.failMailTo)) throw sesRejection(options.failMailTo);
        sent.push(email);
        return { messageId: `m-${sent.length}` };
      },
    }),
  });
  const app = adminTestApp(deps, createActionRoutes(), '/admin/actions', options.session ?? adminSession);
  const historyCount = async () => (await Promise.all(actions.map((a) => repository.listUpdates(a.id)))).reduce((n, list) => n + list.length, 0);
  const post = async (path: string, form: Record<string, string>) =>
    app.request(path, { method: 'POST', body: new URLSearchParams(form), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  return { app, deps, repository, audit, sent, historyCount, post };
}

/** The text between tags, with entities decoded enough for assertions. */
export const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
