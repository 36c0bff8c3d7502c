import { daysBetween, type LocalDate } from '../calendar/local-date.js';
import type { TargetDate } from '../model/action.js';
import { targetDueDate } from '../rules/stale.js';
import { plural } from '../words.js';
import { monthsBetween } from './month.js';

/** How far a target moved: whole months and days, each negative when it moved earlier. */
export interface TargetMove {
  months: number;
  days: number;
}

/** Whether `later` has reached `earlier`'s day of the month, or its own month's last day (as 31 January plus a month is 28 February). */
const reachedDay = (earlier: LocalDate, later: LocalDate): boolean => later.slice(8) >= earlier.slice(8) || later === targetDueDate(later.slice(0, 7));

/** Whole calendar months from one day to another, towards zero: 31 March to 1 April is none. */
function wholeMonths(from: LocalDate, to: LocalDate): number {
  const months = monthsBetween(from, to);
  if (months > 0 && !reachedDay(from, to)) return months - 1;
  if (months < 0 && !reachedDay(to, from)) return months + 1;
  return months;
}

/**
 * Measured between the days the targets fall due (a month target runs to the month's end, as for
 * overdue), so month targets move by whole months as ever, "31 March 2027" to "1 April 2027" is a day,
 * and "March 2027" written as "31 March 2027" is no move at all.
 */
export function targetMove(from: TargetDate, to: TargetDate): TargetMove {
  const fromDue = targetDueDate(from);
  const toDue = targetDueDate(to);
  return { months: wholeMonths(fromDue, toDue), days: daysBetween(fromDue, toDue) };
}

const signed = (n: number, unit: string) => `${n > 0 ? '+' : n < 0 ? '-' : ''}${plural(Math.abs(n), unit)}`;

/**
 * "+3 months", "-2 months", "+12 days": in days when less than a month, which whole months would show as
 * "0 months", as if nothing moved; one wording for the email, the page and the pack.
 */
export function describeTargetMove(from: TargetDate, to: TargetDate): string {
  const { months, days } = targetMove(from, to);
  // Only summaries kept before such rewrites stopped counting as moves list one ("March" as "31 March").
  if (days === 0) return 'same due date';
  return months !== 0 ? signed(months, 'month') : signed(days, 'day');
}
