import * as z from '../zod.js';
import { toLocalDate } from '../calendar/local-date.js';
import { monthNames } from '../calendar/month-names.js';

export const Month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, like 2026-10'));
export type Month = z.infer<typeof Month>;

/** The month an instant falls in, in the force's time zone (23:30 on 31 October in London is October). */
export function localMonth(instant: Date, timeZone: string): Month {
  return toLocalDate(instant, timeZone).slice(0, 7);
}

export function addMonths(month: Month, count: number): Month {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Calendar months from one target's month to another's, whatever the days (31 March to 1 April is 1): see targetMove for how far a target moved. */
export function monthsBetween(from: string, to: string): number {
  const index = (target: string) => {
    const [year, m] = target.slice(0, 7).split('-').map(Number) as [number, number];
    return year * 12 + m;
  };
  return index(to) - index(from);
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The first instant of a month in a time zone (local midnight on the 1st). */
export function startOfMonth(month: Month, timeZone: string): Date {
  const utcMidnight = Date.parse(`${month}-01T00:00:00Z`);
  // Correct the guess by the offset, then once more in case the first guess crossed a clock change.
  let instant = utcMidnight - zoneOffsetMs(new Date(utcMidnight), timeZone);
  instant = utcMidnight - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The last instant of a month in a time zone: everything at or before it belongs to the month or earlier. */
export function endOfMonth(month: Month, timeZone: string): Date {
  return new Date(startOfMonth(addMonths(month, 1), timeZone).getTime() - 1);
}

/** "October 2026". */
export function monthLabel(month: Month): string {
  const [year, m] = month.split('-');
  return `${monthNames[Number(m) - 1] ?? m} ${year}`;
}

/** "March 2027", "31 March 2027": how a target reads in the pack and on the page. */
export function targetLabel(target: string): string {
  const day = target.length === 10 ? `${Number(target.slice(8))} ` : '';
  return `${day}${monthLabel(target.slice(0, 7))}`;
}
