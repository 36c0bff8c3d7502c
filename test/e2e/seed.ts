import type { Repository } from '../../functions/core/ports.js';
import { makeAction, makePerson } from '../support/make-action.js';

/**
 * Until the demo force loads through the importer, the e2e tests seed a small plan of their own: three
 * owners, a mix of stale, overdue, fresh and never-updated actions, one co-owned.
 */
export async function seedPlan(repository: Repository, now: Date): Promise<void> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const people = [
    makePerson({ id: 'supt-okoro', name: 'Supt Grace Okoro', email: 'grace.okoro@northshire.police.example' }),
    makePerson({ id: 'ci-reid', name: 'Ch Insp Blake Reid', email: 'blake.reid@northshire.police.example' }),
    makePerson({ id: 'dcs-bell', name: 'DCS Morgan Bell', email: 'morgan.bell@northshire.police.example' }),
  ];
  for (const person of people) await repository.putPerson(person);
  const year = now.getUTCFullYear();
  const plan = [
    { owners: ['supt-okoro'], target: `${year - 1}-09`, updated: daysAgo(92) },
    { owners: ['supt-okoro', 'ci-reid'], target: null, updated: null },
    { owners: ['supt-okoro'], target: `${year + 1}-03`, updated: daysAgo(3) },
    { owners: ['supt-okoro'], target: `${year + 1}-06`, updated: daysAgo(40) },
    { owners: ['supt-okoro'], target: `${year + 1}-12`, updated: daysAgo(10) },
    { owners: ['ci-reid'], target: `${year + 1}-01`, updated: daysAgo(35) },
    { owners: ['ci-reid'], target: `${year + 1}-02`, updated: daysAgo(60) },
    { owners: ['dcs-bell'], target: `${year + 1}-04`, updated: daysAgo(50) },
    { owners: ['dcs-bell'], target: `${year + 1}-05`, updated: null },
    { owners: ['dcs-bell'], target: `${year + 1}-07`, updated: daysAgo(5) },
  ];
  for (const [i, item] of plan.entries()) {
    await repository.putAction(
      makeAction({
        id: `e2e-${i + 1}`,
        ref: `${Math.floor(i / 4) + 1}.${String((i % 4) + 1).padStart(2, '0')}`,
        area: ['Effectiveness', 'Efficiency', 'Legitimacy', 'Leadership'][i % 4]!,
        text: `The force should improve area ${i + 1} so that victims get a consistent service.`,
        plan: `Review, then train every team (${i + 1}).`,
        ownerIds: item.owners,
        timescale: { text: null, target: item.target, originalTarget: item.target, revisions: [] },
        confidence: (['high', 'medium', 'low', 'not-set'] as const)[i % 4]!,
        lastUpdatedAt: item.updated,
      }),
      null,
    );
  }
}
