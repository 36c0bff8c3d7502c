import { addDays, dayOfWeek, toLocalDate, type LocalDate } from './local-date.js';

export interface WorkingCalendar {
  timeZone: string;
  bankHolidays: readonly string[];
}

export function isWorkingDay(date: LocalDate, calendar: WorkingCalendar): boolean {
  const day = dayOfWeek(date);
  return day !== 0 && day !== 6 && !calendar.bankHolidays.includes(date);
}

/** Whether the instant falls on a working day in the force's own time zone, not the server's. */
export function isWorkingInstant(instant: Date, calendar: WorkingCalendar): boolean {
  return isWorkingDay(toLocalDate(instant, calendar.timeZone), calendar);
}

export function firstWorkingDayOfMonth(month: string, calendar: WorkingCalendar): LocalDate {
  let date = `${month}-01`;
  while (!isWorkingDay(date, calendar)) date = addDays(date, 1);
  return date;
}

/** Counts working days after `from` up to and including `to`. */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: WorkingCalendar): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (isWorkingDay(date, calendar)) count++;
  }
  return count;
}
