import * as z from 'zod';
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
  q: z.string().trim().max(200),
  area: z.string().trim().max(200),
  status: z.enum(statuses),
  confidence: z.enum(confidences),
  sro: PersonId,
  owner: PersonId,
  stale: z.literal('yes'),
  overdue: z.literal('yes'),
  sort: z.enum(sortOrders),
  page: z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1)),
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
  for (const [key, schema] of Object.entries(filterFields) as Array<[keyof typeof filterFields, z.ZodType]>) {
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
const due = (action: Action) => (action.timescale.target ? targetDueDate(action.timescale.target) : null);

function byDue(a: ListRow, b: ListRow, direction: 1 | -1): number {
  const x = due(a.action);
  const y = due(b.action);
  if (x === y) return comparePlanRows(a.action, b.action);
  if (x === null) return 1; // no target: always last
  if (y === null) return -1;
  return (x < y ? -1 : 1) * direction;
}

const comparators: Record<SortOrder, (a: ListRow, b: ListRow) => number> = {
  plan: (a, b) => comparePlanRows(a.action, b.action),
  'updated-oldest': (a, b) => instant(a.action.lastUpdatedAt) - instant(b.action.lastUpdatedAt) || comparePlanRows(a.action, b.action),
  'updated-newest': (a, b) => instant(b.action.lastUpdatedAt) - instant(a.action.lastUpdatedAt) || comparePlanRows(a.action, b.action),
  'target-soonest': (a, b) => byDue(a, b, 1),
  'target-latest': (a, b) => byDue(a, b, -1),
};

function matches(row: ListRow, f: ActionFilters, needle: string | null): boolean {
  const a = row.action;
  if (f.area !== undefined && a.area !== f.area) return false;
  if (f.status !== undefined && a.status !== f.status) return false;
  if (f.confidence !== undefined && a.confidence !== f.confidence) return false;
  if (f.sro !== undefined && a.sroId !== f.sro) return false;
  if (f.owner !== undefined && !a.ownerIds.includes(f.owner)) return false;
  if (f.stale && !row.stale) return false;
  if (f.overdue && !row.overdue) return false;
  if (needle !== null && !a.ref.toLowerCase().includes(needle) && !a.text.toLowerCase().includes(needle)) return false;
  return true;
}

/**
 * One page of the plan, filtered and sorted in memory: fine for a force's few thousand actions (see
 * bench/admin-actions.bench.ts). A page past the last shows the last.
 */
export function listActionPage(actions: readonly Action[], filters: ActionFilters, now: Date, config: Pick<ForceConfig, 'staleAfterDays' | 'timeZone'>): ActionListPage {
  const needle = filters.q ? filters.q.toLowerCase() : null;
  const rows = actions
    .map((action) => ({ action, stale: isStale(action, now, config.staleAfterDays), overdue: isOverdue(action, now, config.timeZone), daysSinceUpdate: daysSinceUpdate(action, now) }))
    .filter((row) => matches(row, filters, needle))
    .sort(comparators[filters.sort ?? 'plan']);
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(filters.page ?? 1, pageCount);
  return { rows: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageCount };
}
