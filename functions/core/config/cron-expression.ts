import { daysInMonth } from '../calendar/local-date.js';
const fields = [
  { name: 'minute', min: 0, max: 59, names: [] },
  { name: 'hour', min: 0, max: 23, names: [] },
  { name: 'day of month', min: 1, max: 31, names: [] },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  // 0 and 7 are both Sunday, as in every cron.
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
] as const;
type Field = (typeof fields)[number];

function readValue(token: string, field: Field): number | null {
  const byName = (field.names as readonly string[]).indexOf(token.toUpperCase());
  if (byName >= 0) return byName + (field.name === 'month' ? 1 : 0);
  if (!/^\d{1,2}$/.test(token)) return null;
  const value = Number(token);
  return value >= field.min && value <= field.max ? value : null;
}

function checkPart(part: string, field: Field): boolean {
  const [range = '', step, extra] = part.split('/');
  if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) return false;
  if (range === '*') return true;
  const [from = '', to, more] = range.split('-');
  if (more !== undefined) return false;
  const low = readValue(from, field);
  const high = to === undefined ? low : readValue(to, field);
  return low !== null && high !== null && low <= high;
}

/**
 * The five-field cron that both the local scheduler and EventBridge Scheduler run the same way:
 * numbers, names, ranges, lists and steps, and at most one of the two day fields restricted (where
 * cron would run on either day, Scheduler refuses both). Returns what is wrong, or null.
 */
export function checkCronExpression(expression: string, example = '0 9 * * 1-5'): string | null {
  const parts = expression.trim().split(/\s+/);
  // Six fields, EventBridge's own ("30 7 1-7 * ? *") or Quartz's with seconds first, are the usual slip.
  if (parts.length !== 5) return `must be a cron expression with five fields (minute, hour, day of month, month, day of week), like "${example}"`;
  for (const [i, field] of fields.entries()) {
    const value = parts[i]!;
    if (!value.split(',').every((part) => checkPart(part, field))) {
      return `the ${field.name} field ("${value}") cannot be read: use numbers from ${field.min} to ${field.max}${field.names.length ? ` or names like ${field.names[1]}` : ''}, ranges (1-5), lists (1,15) or steps (*/10)`;
    }
  }
  if (parts[2] !== '*' && parts[4] !== '*') {
    return 'restricts both the day of month and the day of week; use "*" for one of them (the jobs check for working days themselves)';
  }
  return null;
}

/** Every value a field that checkCronExpression accepted names, Sunday as 0 only. */
function valuesOf(value: string, field: Field): Set<number> {
  const values = new Set<number>();
  for (const part of value.split(',')) {
    const [range = '', step] = part.split('/');
    const [from = '', to] = range.split('-');
    const low = range === '*' ? field.min : readValue(from, field)!;
    // "5/10" runs from 5 to the end of the field, as in cron.
    const high = range === '*' || (to === undefined && step !== undefined) ? field.max : readValue(to ?? from, field)!;
    for (let v = low; v <= high; v += Number(step ?? 1)) values.add(field.name === 'day of week' ? v % 7 : v);
  }
  return values;
}

const firstWeekOfMonth = [1, 2, 3, 4, 5, 6, 7];

/**
 * The board-summary schedule: a readable cron that runs on each of days 1 to 7 of every month, whatever
 * the weekday. The job sends the summary on the month's first working day only, which can be any of
 * those days (a weekend and bank holidays push it on), and does nothing on the others; a schedule that
 * misses one of them would skip, without a word, every month whose first working day it is.
 */
export function checkBoardSummarySchedule(expression: string): string | null {
  const problem = checkCronExpression(expression, '30 7 1-7 * *');
  if (problem) return problem;
  const [minute, hour, dayOfMonth = '', month = '', dayOfWeek = ''] = expression.trim().split(/\s+/);
  const days = valuesOf(dayOfMonth, fields[2]);
  const runsEveryFirstWeek =
    firstWeekOfMonth.every((day) => days.has(day)) && valuesOf(month, fields[3]).size === 12 && valuesOf(dayOfWeek, fields[4]).size === 7;
  if (runsEveryFirstWeek) return null;
  return (
    `must run on every day from the 1st to the 7th of every month, whatever the weekday: the summary goes out on the month's first working day, ` +
    `which can be any of them, and the runs on other days do nothing. Write "${minute} ${hour} 1-7 * *" (the default is "30 7 1-7 * *")`
  );
}

const weekdays = [1, 2, 3, 4, 5];

/**
 * The reminder schedule: any cron that runs on a weekday. The job skips weekends and bank holidays, so
 * a weekend-only schedule would be accepted and then remind nobody, ever, without a word.
 */
export function checkRemindersSchedule(expression: string): string | null {
  const problem = checkCronExpression(expression);
  if (problem) return problem;
  const [, , dayOfMonth = '', month = '', dayOfWeek = ''] = expression.trim().split(/\s+/);
  const days = valuesOf(dayOfWeek, fields[4]);
  if (!weekdays.some((day) => days.has(day))) {
    return 'runs on weekends only, when the reminder job does nothing (it skips weekends and bank holidays), so nobody would ever be reminded. Write weekdays, like "0 9 * * 1-5" (the default)';
  }
  if (!namesARealDay(valuesOf(dayOfMonth, fields[2]), valuesOf(month, fields[3]))) {
    return 'never runs: no month has the days it names, so nobody would ever be reminded. Write weekdays, like "0 9 * * 1-5" (the default)';
  }
  return null;
}

/** A leap year, when each month has the most days it ever has: "30 2" is no day in any year. */
const leapYear = 2000;

/** Whether some month of the field has one of the days; with the day of week restricted, every day of the month is named. */
function namesARealDay(days: ReadonlySet<number>, months: ReadonlySet<number>): boolean {
  return [...months].some((month) => [...days].some((day) => day <= daysInMonth(leapYear, month)));
}
