import * as z from '../../zod.js';
import { comparePlanRows } from '../../board-summary/plan-as-at.js';
import type { ForceConfig } from '../../config/force-config.js';
import { confidences, statuses, type Action } from '../../model/action.js';
import { PersonId } from '../../model/person.js';
import { daysSinceUpdate, isOverdue, isStale, targetDueDate } from '../../rules/stale.js';

export const sortOrders = ['plan', 'updated-oldest', 'updated-newest', 'target-soonest', 'target-latest'] as const;
export type SortOrder = (typeof sortOrders)[number];
export const pageSize = 50;

/** Each query parameter on its own, so that one bad value is dropped and the rest still apply. */
const filterFields = {
  q: z.string().check(z.trim(), z.maxLength(200)),
  area: z.string().check(z.trim(), z.maxLength(200)),
  status: z.enum(statuses),
  confidence: z.enum(confidences),
  sro: PersonId,
  owner: PersonId,
  stale: z.literal('yes'),
  overdue: z.literal('yes'),
  sort: z.enum(sortOrders),
  page: z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,6}$/)), z.transform(Number)), z.number().check(z.int(), z.minimum(1))),
};
const filterNames: Record<keyof typeof filterFields, string> = {
  q: 'search',
  area: 'area',
  status: 'status',
  confidence: 'confidence',
  sro: 'SRO',
  owner: 'owner',
  stale: 'stale',
  overdue: 'overdue',
  sort: 'sort order',
  page: 'page number',
};

export type ActionFilters = { [K in keyof typeof filterFields]?: z.infer<(typeof filterFields)[K]> };

/** The list's query string as filters, and a message for each value that was ignored. Never throws. */
export function readFilters(query: Record<string, string | undefined>): { filters: ActionFilters; ignored: string[] } {
  const filters: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(filterFields) as Array<[keyof typeof filterFields, z.ZodMiniType]>) {
    const raw = query[key];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) filters[key] = parsed.data;
    else ignored.push(`The ${filterNames[key]} "${raw.slice(0, 40)}" is not one of the choices, so it was ignored`);
  }
  return { filters: filters as ActionFilters, ignored };
}

export interface ListRow {
  action: Action;
  stale: boolean;
  overdue: boolean;
  daysSinceUpdate: number | null;
}

export interface ActionListPage {
  rows: ListRow[];
  /** Actions matching the filters, on every page. */
  total: number;
  page: number;
  pageCount: number;
}

const instant = (iso: string | null) => (iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso));
const dueOf = (action: Action) => (action.timescale.target ? targetDueDate(action.timescale.target) : null);

/** The last plan order worked out, and the plan it was for: refs and areas rarely change between views. */
let planOrderMemo: { fingerprint: string; rank: Map<string, number> } | null = null;

/**
 * Each action's place in plan order (area, then ref, collated as the board pack does). Collating
 * thousands of refs is the dearest step of a list view, so the order is kept (one entry, in memory)
 * and reused while no action's id, area or ref has changed; the result is the same either way.
 */
function planRanks(actions: readonly Action[]): Map<string, number> {
  const fingerprint = actions.map((a) => `${a.id}\u0000${a.area}\u0000${a.ref}`).join('\u0001');
  if (planOrderMemo?.fingerprint === fingerprint) return planOrderMemo.rank;
  const rank = new Map([...actions].sort(comparePlanRows).map((a, i) => [a.id, i]));
  planOrderMemo = { fingerprint, rank };
  return rank;
}

/** Sort keys computed once per action, not once per comparison; ties keep plan order. */
function sortActions(matching: Action[], all: readonly Action[], order: SortOrder): Action[] {
  const rank = planRanks(all);
  const keyed = matching.map((action) => ({ action, plan: rank.get(action.id) ?? 0, key: sortKey(action, order) }));
  const direction = order === 'updated-newest' || order === 'target-latest' ? -1 : 1;
  return keyed
    .sort((a, b) => {
      if (a.key !== b.key) {
        // Actions without a target come last whichever way the dates run.
        if (a.key === null) return 1;
        if (b.key === null) return -1;
        return a.key < b.key ? -direction : direction;
      }
      return a.plan - b.plan;
    })
    .map((k) => k.action);
}

function sortKey(action: Action, order: SortOrder): number | string | null {
  if (order === 'plan') return 0;
  if (order === 'updated-oldest' || order === 'updated-newest') return instant(action.lastUpdatedAt);
  return dueOf(action);
}

function matches(action: Action, f: ActionFilters, needle: string | null, now: Date, config: Pick<ForceConfig, 'staleAfterDays' | 'timeZone'>): boolean {
  if (f.area !== undefined && action.area !== f.area) return false;
  if (f.status !== undefined && action.status !== f.status) return false;
  if (f.confidence !== undefined && action.confidence !== f.confidence) return false;
  if (f.sro !== undefined && action.sroId !== f.sro) return false;
  if (f.owner !== undefined && !action.ownerIds.includes(f.owner)) return false;
  if (needle !== null && !action.ref.toLowerCase().includes(needle) && !action.text.toLowerCase().includes(needle)) return false;
  // The two rules last: they are the dearest checks (overdue reads the date in the force's time zone).
  if (f.stale && !isStale(action, now, config.staleAfterDays)) return false;
  if (f.overdue && !isOverdue(action, now, config.timeZone)) return false;
  return true;
}

/**
 * One page of the plan, filtered and sorted in memory: fine for a force's few thousand actions (see
 * bench/admin-actions.bench.ts). Stale and overdue are worked out for the page's rows only, unless a
 * filter needs them. A page past the last shows the last.
 */
export function listActionPage(actions: readonly Action[], filters: ActionFilters, now: Date, config: Pick<ForceConfig, 'staleAfterDays' | 'timeZone'>): ActionListPage {
  const needle = filters.q ? filters.q.toLowerCase() : null;
  const matching = sortActions(
    actions.filter((action) => matches(action, filters, needle, now, config)),
    actions,
    filters.sort ?? 'plan',
  );
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(filters.page ?? 1, pageCount);
  const rows = matching.slice((page - 1) * pageSize, page * pageSize).map((action) => ({
    action,
    stale: isStale(action, now, config.staleAfterDays),
    overdue: isOverdue(action, now, config.timeZone),
    daysSinceUpdate: daysSinceUpdate(action, now, config.timeZone),
  }));
  return { rows, total: matching.length, page, pageCount };
}
