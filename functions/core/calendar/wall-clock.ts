import { monthNames } from './month-names.js';

const hourMs = 3_600_000;

/**
 * 01:00 UTC on the last Sunday of a month: when UK summer time starts (March) and ends (October), the
 * rule since 1996, which the Summer Time Order 2002 keeps "until further notice".
 */
function lastSundayAt0100Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

const london = 'Europe/London';

/** Each year's summer time, from its start to its end: worked out once a year, as pages convert many instants. */
const summerTimes = new Map<number, readonly [number, number]>();

function summerTimeOf(year: number): readonly [number, number] {
  let span = summerTimes.get(year);
  if (!span) {
    span = [lastSundayAt0100Utc(year, 2), lastSundayAt0100Utc(year, 9)];
    summerTimes.set(year, span);
  }
  return span;
}

/** The zones answered here without Intl: every force's so far, and UTC. */
export const isKnownZone = (timeZone: string): boolean => timeZone === london || timeZone === 'UTC' || timeZone === 'Etc/UTC';

/**
 * An instant's offset from UTC in the zones known here without asking Intl (London from 1996, and UTC),
 * or null for any other zone, which Intl answers. Why not always Intl: its first call in a process
 * starts ICU, about 12 ms of a Lambda cold start, and a force's every page shows London dates. The rule
 * is checked against Intl hour by hour over decades (wall-clock.test.ts), so a change to UK summer time
 * shows up there as soon as Node's time zone data has it.
 */
export function knownOffsetMs(instant: Date, timeZone: string): number | null {
  if (!isKnownZone(timeZone)) return null;
  if (timeZone !== london) return 0;
  const year = instant.getUTCFullYear();
  if (!(year >= 1996)) return null;
  const t = instant.getTime();
  const [start, end] = summerTimeOf(year);
  return t >= start && t < end ? hourMs : 0;
}

/** The zone's clock at an instant, read with the UTC getters; null for a zone only Intl knows. */
function wallClock(instant: Date, timeZone: string): Date | null {
  const offset = knownOffsetMs(instant, timeZone);
  return offset === null ? null : new Date(instant.getTime() + offset);
}

/** "2026-10-31", or null for a zone only Intl knows. */
export function knownLocalDate(instant: Date, timeZone: string): string | null {
  return wallClock(instant, timeZone)?.toISOString().slice(0, 10) ?? null;
}

const dayOf = (wall: Date): string => `${wall.getUTCDate()} ${monthNames[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`;
const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** "31 October 2026" as en-GB writes the day, or null for a zone only Intl knows. */
export function knownDay(instant: Date, timeZone: string): string | null {
  const wall = wallClock(instant, timeZone);
  return wall && dayOf(wall);
}

/** "31 October 2026 at 09:05" as en-GB writes the day and time, or null for a zone only Intl knows. */
export function knownDayAndTime(instant: Date, timeZone: string): string | null {
  const wall = wallClock(instant, timeZone);
  return wall && `${dayOf(wall)} at ${twoDigits(wall.getUTCHours())}:${twoDigits(wall.getUTCMinutes())}`;
}
