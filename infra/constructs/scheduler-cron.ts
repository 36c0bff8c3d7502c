const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

/** A five-field cron day-of-week token (0-7 or SUN-SAT, 0 and 7 both Sunday) as 0-6. */
function dayNumber(token: string, field: string): number {
  const byName = dayNames.indexOf(token.toUpperCase() as (typeof dayNames)[number]);
  if (byName >= 0) return byName;
  if (/^[0-7]$/.test(token)) return Number(token) % 7;
  throw new Error(`${field}: "${token}" is not a day of the week (0-7 or SUN-SAT)`);
}

/** Every day a five-field day-of-week field names, as 0-6 (Sunday 0). */
function daysOf(weekday: string, field: string): Set<number> {
  const days = new Set<number>();
  for (const part of weekday.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`${field}: "${part}" has a step that is not a whole number`);
    const [from, to] = range === '*' ? [0, 6] : range.includes('-') ? range.split('-').map((t) => dayNumber(t, field)) : [dayNumber(range, field)];
    // "5-7" is Friday to Sunday: 7 reads as 0, so count on past Saturday.
    const last = to === undefined ? (stepText === undefined ? from! : 6) : to < from! ? to + 7 : to;
    for (let day = from!; day <= last; day += step) days.add(day % 7);
  }
  return days;
}

/** SUN-SAT names for a set of days, consecutive runs as ranges: {1..5} → "MON-FRI". */
function dayList(days: Set<number>): string {
  const sorted = [...days].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const [first, last] = [dayNames[sorted[i]!], dayNames[sorted[j]!]];
    runs.push(i === j ? first! : j === i + 1 ? `${first},${last}` : `${first}-${last}`);
    i = j + 1;
  }
  return runs.join(',');
}

/**
 * Converts the config's five-field cron ("minute hour day month weekday") to EventBridge Scheduler's
 * six-field form. Scheduler needs "?" in one of day-of-month and day-of-week, numbers its weekdays
 * 1-7 from Sunday (cron: 0-6) and adds a year; weekdays are written as names so no number is misread.
 * `field` names the config field in errors.
 */
export function toSchedulerCron(expression: string, field: string): string {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`${field}: must be a cron expression with five fields, like "0 9 * * 1-5"`);
  const [minute, hour, dayOfMonth, month, weekday] = parts as [string, string, string, string, string];
  if (weekday === '*') return `cron(${minute} ${hour} ${dayOfMonth} ${month} ? *)`;
  if (dayOfMonth !== '*') {
    throw new Error(
      `${field}: EventBridge Scheduler cannot run on both days of the month ("${dayOfMonth}") and days of the week ("${weekday}"); use "*" for one of them`,
    );
  }
  if (/[#L]/i.test(weekday)) {
    const [, day = '', suffix = ''] = /^(\w+?)([#L].*)$/i.exec(weekday) ?? [];
    return `cron(${minute} ${hour} ? ${month} ${dayNumber(day, field) + 1}${suffix.toUpperCase()} *)`;
  }
  return `cron(${minute} ${hour} ? ${month} ${dayList(daysOf(weekday, field))} *)`;
}
