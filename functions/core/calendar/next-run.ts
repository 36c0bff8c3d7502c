import { Cron } from 'croner';
import { isWorkingInstant, type WorkingCalendar } from './working-days.js';

/**
 * When a daily job on `cron` next does its work after `after`: its next tick, in the force's time zone,
 * that falls on a working day (the jobs skip the others themselves). Null when it names no working time
 * within a year: the config refuses a weekend-only reminder schedule (checkRemindersSchedule), which
 * leaves impossible dates like 31 February and days that are all bank holidays, like 25 December.
 */
export function nextWorkingRun(cron: string, after: Date, calendar: WorkingCalendar): Date | null {
  const schedule = new Cron(cron, { timezone: calendar.timeZone, paused: true });
  const limit = after.getTime() + 366 * 86_400_000;
  for (let next = schedule.nextRun(after); next && next.getTime() < limit; next = schedule.nextRun(next)) {
    if (isWorkingInstant(next, calendar)) return next;
  }
  return null;
}
