import { randomBytes } from 'node:crypto';
import { compileBoardSummary } from '../../functions/core/board-summary/compile-board-summary.js';
import type { Snapshot } from '../../functions/core/board-summary/snapshot.js';
import type { Action, Confidence, Status } from '../../functions/core/model/action.js';
import type { Person } from '../../functions/core/model/person.js';
import type { Update } from '../../functions/core/model/update.js';
import { makeAction, makePerson, makeUpdate } from '../support/make-action.js';

const areas = ['Effectiveness', 'Efficiency', 'Legitimacy', 'Leadership', 'Core Policing'];
const confidenceCycle: Confidence[] = ['high', 'medium', 'low', 'not-set'];
const statusCycle: Status[] = ['open', 'open', 'open', 'open', 'proposed-closure', 'closed', 'open', 'not-accepted'];

export interface GeneratedPlan {
  actions: Action[];
  updates: Update[];
  people: Person[];
}

/**
 * A plan of `count` actions with `updatesPerAction` progress updates each, spread over 2026. With
 * `incompressible`, texts are random so that gzip cannot hide the size (the chunking test needs that).
 */
export function generatePlan(count: number, updatesPerAction: number, options: { incompressible?: boolean } = {}): GeneratedPlan {
  const text = (i: number, what: string) =>
    options.incompressible ? randomBytes(120).toString('base64') : `${what} for action ${i}: the force will review its approach, train staff and report to the board.`;
  const people = Array.from({ length: 40 }, (_, i) => makePerson({ id: `p-${i}`, name: `Supt Owner ${i}`, email: `owner${i}@example.police.uk` }));
  const actions: Action[] = [];
  const updates: Update[] = [];
  for (let i = 0; i < count; i++) {
    const id = `a-${i}`;
    const lastAt = new Date(Date.UTC(2026, 9, 1 + (i % 30), 9)).toISOString();
    for (let v = 0; v < updatesPerAction; v++) {
      const at = v === updatesPerAction - 1 ? lastAt : new Date(Date.UTC(2026, v % 9, 1 + (i % 27), 9)).toISOString();
      updates.push(makeUpdate({ actionId: id, version: v + 2, at, patch: { latestProgress: `Update ${v}` }, changes: [] }));
    }
    const target = `${2026 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}`;
    actions.push(
      makeAction({
        id,
        ref: `R${i + 1}`,
        area: areas[i % areas.length]!,
        kind: i % 3 === 0 ? 'afi' : 'recommendation',
        evidence: text(i, 'Evidence'),
        text: text(i, 'Recommendation'),
        plan: text(i, 'Plan'),
        sroId: 'p-0',
        ownerIds: [`p-${1 + (i % 39)}`],
        timescale: i % 10 === 0 ? { text: 'Awaiting new timescale', target: null, originalTarget: null, revisions: [] } : { text: null, target, originalTarget: target, revisions: [] },
        confidence: confidenceCycle[i % 4]!,
        confidenceNarrative: text(i, 'Narrative'),
        latestProgress: text(i, 'Progress'),
        lastUpdatedAt: updatesPerAction > 0 ? lastAt : i % 7 === 0 ? null : '2026-08-15T09:00:00.000Z',
        status: statusCycle[i % statusCycle.length]!,
        version: updatesPerAction + 1,
        createdAt: '2026-01-05T09:00:00.000Z',
      }),
    );
  }
  return { actions, updates, people };
}

export function snapshotOf(plan: GeneratedPlan, month = '2026-10', now = new Date('2026-11-02T07:30:00.000Z')): Snapshot {
  return compileBoardSummary({ ...plan, previous: null, month, now, config: { timeZone: 'Europe/London', staleAfterDays: 28 } });
}
