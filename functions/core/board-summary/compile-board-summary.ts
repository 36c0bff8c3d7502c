import type { ForceConfig } from '../config/force-config.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { Update } from '../model/update.js';
import { confidenceByArea, headlineFigures, overdueFirst, staleOwners, waitingSignOffFirst } from './figures.js';
import { addMonths, endOfMonth, type Month } from './month.js';
import { compareMonths } from './movement.js';
import { planAsAt, type AsAtContext } from './plan-as-at.js';
import type { Snapshot } from './snapshot.js';

export interface CompileInput {
  actions: readonly Action[];
  /** Every update of those actions, in any order. */
  updates: readonly Update[];
  /** For owner and SRO names: a snapshot keeps names so an old pack never changes. */
  people: readonly Person[];
  /** Last month's snapshot, or null for the first summary (movement is then replayed from history). */
  previous: Snapshot | null;
  month: Month;
  now: Date;
  config: Pick<ForceConfig, 'timeZone' | 'staleAfterDays'>;
}

/**
 * The board summary of a month as a pure function of the plan and its history. The plan is taken as it
 * stood at the month's last instant in the force's time zone (or now, for a month not over yet).
 */
export function compileBoardSummary(input: CompileInput): Snapshot {
  const { config, month, now } = input;
  if (input.previous && input.previous.summary.month !== addMonths(month, -1)) {
    throw new Error(`The previous snapshot is for ${input.previous.summary.month}, not ${addMonths(month, -1)}: movement is always from the month before`);
  }
  const monthEnd = endOfMonth(month, config.timeZone);
  const asAt = monthEnd.getTime() < now.getTime() ? monthEnd : now;
  const history = groupByAction(input.updates);
  const historyOf = (id: string) => history.get(id) ?? [];
  const people = new Map(input.people.map((p) => [p.id, p]));
  const context = (at: Date): AsAtContext => ({ asAt: at, timeZone: config.timeZone, staleAfterDays: config.staleAfterDays, people });

  const previousRows = new Map((input.previous?.plan ?? []).map((row) => [row.id, row]));
  const plan = planAsAt(input.actions, historyOf, context(asAt), previousRows);
  const before = input.previous
    ? input.previous.plan
    : planAsAt(input.actions, historyOf, context(endOfMonth(addMonths(month, -1), config.timeZone)), new Map());
  const movement = compareMonths(before, plan, input.previous ? 'previous-snapshot' : 'history');

  return {
    schemaVersion: 1,
    summary: {
      month,
      asAt: asAt.toISOString(),
      compiledAt: now.toISOString(),
      timeZone: config.timeZone,
      staleAfterDays: config.staleAfterDays,
      figures: headlineFigures(plan, movement),
      confidenceByArea: confidenceByArea(plan),
      movement,
      ...staleOwners(plan),
      needsBoard: { overdue: overdueFirst(plan).map((row) => row.ref), awaitingSignOff: waitingSignOffFirst(plan).map((row) => row.ref) },
    },
    plan,
  };
}

function groupByAction(updates: readonly Update[]): Map<string, Update[]> {
  const byAction = new Map<string, Update[]>();
  for (const update of updates) {
    const list = byAction.get(update.actionId);
    if (list) list.push(update);
    else byAction.set(update.actionId, [update]);
  }
  return byAction;
}
