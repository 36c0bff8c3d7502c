import type { Action } from '../model/action.js';
import { missingOwnerName, missingPersonName } from '../model/owner-names.js';
import type { Person } from '../model/person.js';
import type { Update } from '../model/update.js';
import { isReopening, undoUpdates } from '../rules/apply-update.js';
import { isOverdue, isStale } from '../rules/stale.js';
import type { NamedPerson, PlanRow } from './snapshot.js';

export interface AsAtContext {
  asAt: Date;
  timeZone: string;
  staleAfterDays: number;
  people: ReadonlyMap<string, Person>;
}

/**
 * An action as it stood at an instant, or null if it did not exist yet. Updates after the instant are
 * undone newest first from their recorded `changes`; lastUpdatedAt is the latest of the progress
 * updates up to the instant, the value left once later updates are undone when it is no later (a
 * progress update records the time it replaced; an import sets it from the sheet), and last month's
 * snapshot of the action, so a month without progress keeps last month's date. reopenedAt is the latest
 * reopening up to the instant.
 */
export function actionAsAt(action: Action, history: readonly Update[], asAt: Date, previous: PlanRow | undefined): Action | null {
  const limit = asAt.getTime();
  if (Date.parse(action.createdAt) > limit) return null;
  const state = undoUpdates(action, history.filter((u) => Date.parse(u.at) > limit));
  const candidates = [
    ...history.filter((u) => u.countsAsProgress && Date.parse(u.at) <= limit).map((u) => u.at),
    ...(typeof state.lastUpdatedAt === 'string' && Date.parse(state.lastUpdatedAt) <= limit ? [state.lastUpdatedAt] : []),
    ...(previous?.lastUpdatedAt ? [previous.lastUpdatedAt] : []),
  ];
  // The stored reopening counts when it is no later: the dashboard compiles the live plan without history.
  const reopenings = [
    ...history.filter((u) => Date.parse(u.at) <= limit && isReopening(u)).map((u) => u.at),
    ...(action.reopenedAt !== null && Date.parse(action.reopenedAt) <= limit ? [action.reopenedAt] : []),
  ];
  return { ...state, lastUpdatedAt: latestOf(candidates), reopenedAt: latestOf(reopenings) };
}

const latestOf = (instants: string[]): string | null =>
  instants.reduce<string | null>((best, at) => (best === null || Date.parse(at) > Date.parse(best) ? at : best), null);

function named(id: string, people: ReadonlyMap<string, Person>): NamedPerson {
  // An id is made from an address: never a name to show. Rows name people where a name stands alone (a cell, a list).
  return { id, name: people.get(id)?.name ?? missingPersonName };
}

/**
 * Whether a row's person was one the directory no longer held when the row was kept. Rows kept before
 * named them for mid-sentence, in lower case.
 */
export const notInDirectory = (person: NamedPerson): boolean => person.id !== null && (person.name === missingPersonName || person.name === missingOwnerName);

/** A row's person as a name, in a cell or a list, whenever the row was kept. */
export const rowName = (person: NamedPerson): string => (notInDirectory(person) ? missingPersonName : person.name);

/** The row a snapshot keeps for an action in the state it had at `asAt`. */
export function toPlanRow(action: Action, context: AsAtContext): PlanRow {
  return {
    id: action.id,
    kind: action.kind,
    area: action.area,
    ref: action.ref,
    evidence: action.evidence,
    text: action.text,
    accepted: action.accepted,
    sro: action.sroId ? named(action.sroId, context.people) : null,
    owners: [...action.ownerIds.map((id) => named(id, context.people)), ...action.unmatchedNames.map((name) => ({ id: null, name }))],
    plan: action.plan,
    timescale: { text: action.timescale.text, target: action.timescale.target, originalTarget: action.timescale.originalTarget },
    confidence: action.confidence,
    confidenceNarrative: action.confidenceNarrative,
    latestProgress: action.latestProgress,
    lastUpdatedAt: action.lastUpdatedAt,
    status: action.status,
    stale: isStale(action, context.asAt, context.staleAfterDays),
    // Judged just after asAt: at a month's last instant its own targets ("November", "30 November") have
    // run out, and the summary sent the next morning must not leave them to next month's.
    overdue: isOverdue(action, new Date(context.asAt.getTime() + 1), context.timeZone),
    createdAt: action.createdAt,
  };
}

/** Every action that existed at `asAt`, as it stood then, in plan order (area, then ref). */
export function planAsAt(
  actions: readonly Action[],
  historyOf: (actionId: string) => readonly Update[],
  context: AsAtContext,
  previous: ReadonlyMap<string, PlanRow>,
): PlanRow[] {
  const rows: PlanRow[] = [];
  for (const action of actions) {
    const state = actionAsAt(action, historyOf(action.id), context.asAt, previous.get(action.id));
    if (state) rows.push(toPlanRow(state, context));
  }
  return rows.sort(comparePlanRows);
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Area, then ref in natural order ("R2" before "R10"), as the spreadsheet lists them. */
export function comparePlanRows(a: Pick<PlanRow, 'area' | 'ref'>, b: Pick<PlanRow, 'area' | 'ref'>): number {
  return collator.compare(a.area, b.area) || collator.compare(a.ref, b.ref);
}
