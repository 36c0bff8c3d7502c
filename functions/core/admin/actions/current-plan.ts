import { comparePlanRows, toPlanRow } from '../../board-summary/plan-as-at.js';
import type { PlanRow } from '../../board-summary/snapshot.js';
import type { ForceConfig } from '../../config/force-config.js';
import type { Action } from '../../model/action.js';
import type { Person } from '../../model/person.js';

/** The plan as it stands now, with names resolved, in plan order: the rows of the export. */
export function currentPlan(actions: readonly Action[], people: readonly Person[], now: Date, config: Pick<ForceConfig, 'timeZone' | 'staleAfterDays'>): PlanRow[] {
  const context = { asAt: now, timeZone: config.timeZone, staleAfterDays: config.staleAfterDays, people: new Map(people.map((p) => [p.id, p])) };
  return actions.map((action) => toPlanRow(action, context)).sort(comparePlanRows);
}
