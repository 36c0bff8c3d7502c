import type { Action } from '../model/action.js';
import { calendarDaysBetween, toLocalDate } from '../calendar/local-date.js';

const dayMs = 86_400_000;

/** Open and last updated more than `staleAfterDays` ago; an action never updated is stale. */
export function isStale(action: Action, now: Date, staleAfterDays: number): boolean {
  return action.status === 'open' && quietFor(action, now, staleAfterDays);
}

/**
 * Proposed for closure and untouched for more than `staleAfterDays`: a closure its SRO has left waiting
 * as long as an owner may leave an action before being chased.
 */
export function isClosureWaiting(action: Action, now: Date, staleAfterDays: number): boolean {
  return action.status === 'proposed-closure' && quietFor(action, now, staleAfterDays);
}

function quietFor(action: Action, now: Date, days: number): boolean {
  const since = quietSince(action);
  return since === null || now.getTime() - Date.parse(since) > days * dayMs;
}

/**
 * Since when the action's owners have owed an update: its last update, or when it last became open
 * again if that is later (a closure returned, an action reopened), so that an action is not stale, nor
 * its owner's earlier reminders counted as ignored, the moment it reopens. Null when neither happened.
 */
export function quietSince(action: Pick<Action, 'lastUpdatedAt' | 'reopenedAt'>): string | null {
  const { lastUpdatedAt, reopenedAt } = action;
  if (lastUpdatedAt === null || reopenedAt === null) return lastUpdatedAt ?? reopenedAt;
  return Date.parse(reopenedAt) > Date.parse(lastUpdatedAt) ? reopenedAt : lastUpdatedAt;
}

/** The instant before which an open action counts as stale (and a closure as waiting): the sparse index is queried below it. */
export function staleCutoff(now: Date, staleAfterDays: number): Date {
  return new Date(now.getTime() - staleAfterDays * dayMs);
}

/** The last day on which a target is still on time: a month target runs to the month's end. */
export function targetDueDate(target: string): string {
  if (target.length === 10) return target;
  const [year, month] = target.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${target}-${String(lastDay).padStart(2, '0')}`;
}

/** Whether a target ("YYYY-MM" or "YYYY-MM-DD") ran out before `today` ("YYYY-MM-DD", the force's time zone). */
export function hasTargetPassed(target: string | null, today: string): boolean {
  return target !== null && today > targetDueDate(target);
}

/** Open and its target date has passed in the force's time zone. */
export function isOverdue(action: Action, now: Date, timeZone: string): boolean {
  return action.status === 'open' && hasTargetPassed(action.timescale.target, toLocalDate(now, timeZone));
}

/**
 * Days since the last update, counted as people count them, by the calendar in the force's time zone
 * (an update at 11 pm was "yesterday" at 9 am), as the reminder emails count; null if never updated.
 */
export function daysSinceUpdate(action: Pick<Action, 'lastUpdatedAt'>, now: Date, timeZone: string): number | null {
  if (action.lastUpdatedAt === null) return null;
  return calendarDaysBetween(new Date(action.lastUpdatedAt), now, timeZone);
}
