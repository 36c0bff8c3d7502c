import { monthNames } from './month-names.js';
import { knownLocalDate, knownOffsetMs } from './wall-clock.js';

const dayMs = 86_400_000;

/** A calendar date as written in a time zone: "2026-10-31". */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The date an instant falls on in a time zone (23:30 on 31 October in London is still October). */
export function toLocalDate(instant: Date, timeZone: string): LocalDate {
  return knownLocalDate(instant, timeZone) ?? formatterFor(timeZone).format(instant);
}

/** Day of the week of a calendar date, 0 = Sunday, independent of any time zone. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days in a month (1 to 12) of a year: February has 29 in a leap year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "28 November 2026", as pages write a day. */
export function describeLocalDate(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${monthNames[month! - 1]} ${year}`;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / dayMs);
}

/**
 * Calendar days from one instant to a later one where the zone's clocks are: the same as daysBetween
 * of their local dates, without writing the dates out (pages count this for every action they list).
 */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const fromOffset = knownOffsetMs(from, timeZone);
  const toOffset = knownOffsetMs(to, timeZone);
  if (fromOffset === null || toOffset === null) return daysBetween(toLocalDate(from, timeZone), toLocalDate(to, timeZone));
  return Math.floor((to.getTime() + toOffset) / dayMs) - Math.floor((from.getTime() + fromOffset) / dayMs);
}
