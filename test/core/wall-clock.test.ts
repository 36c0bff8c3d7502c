import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../functions/core/calendar/format-day.js';
import { calendarDaysBetween, daysBetween, toLocalDate } from '../../functions/core/calendar/local-date.js';
import { knownDay, knownDayAndTime, knownLocalDate, knownOffsetMs } from '../../functions/core/calendar/wall-clock.js';
import { formatInstant } from '../../web/owner/format.js';

const hourMs = 3_600_000;
const from = Date.UTC(1996, 0, 1);
const to = Date.UTC(2041, 0, 1);
const intlDate = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
const intlDay = (zone: string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' });
const intlDayAndTime = (zone: string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * The London rule written out in wall-clock.ts against Intl's time zone data, which Node keeps up to
 * date: if UK summer time ever changes, these fail on the first Node that knows it.
 */
describe('wall clock without ICU', () => {
  it("gives London's date as Intl does, every hour from 1996 to 2040, and either side of each clock change", () => {
    const intl = intlDate('Europe/London');
    const mismatches: string[] = [];
    const check = (t: number) => {
      const instant = new Date(t);
      if (knownLocalDate(instant, 'Europe/London') !== intl.format(instant)) mismatches.push(instant.toISOString());
    };
    for (let t = from; t < to; t += hourMs) check(t);
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        // 23:00 and midnight UTC around the change are where the date differs between the two clocks.
        for (const t of [change - 1, change, change + 1, change - 2 * hourMs, change + 22 * hourMs + 59 * 60_000, change + 23 * hourMs]) check(t);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('writes London days and times as en-GB does, through the year and across the changes', () => {
    const [day, dayAndTime] = [intlDay('Europe/London'), intlDayAndTime('Europe/London')];
    const mismatches: string[] = [];
    for (let t = from; t < to; t += 7 * hourMs + 13 * 60_000) {
      const instant = new Date(t);
      if (knownDay(instant, 'Europe/London') !== day.format(instant)) mismatches.push(`day ${instant.toISOString()}`);
      if (knownDayAndTime(instant, 'Europe/London') !== dayAndTime.format(instant)) mismatches.push(`time ${instant.toISOString()}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('knows UTC, and leaves every other zone, and London before 1996, to Intl', () => {
    const instant = new Date('2026-07-01T23:30:00Z');
    expect(knownOffsetMs(instant, 'UTC')).toBe(0);
    expect(knownLocalDate(instant, 'UTC')).toBe('2026-07-01');
    expect(knownOffsetMs(instant, 'Europe/Dublin')).toBeNull();
    expect(knownOffsetMs(new Date('1995-07-01T12:00:00Z'), 'Europe/London')).toBeNull();
    // The callers fall back to Intl for them, with the same answers as before.
    for (const zone of ['Europe/Dublin', 'America/New_York', 'Australia/Sydney']) {
      expect(toLocalDate(instant, zone)).toBe(intlDate(zone).format(instant));
      expect(formatDay(instant.toISOString(), zone)).toBe(intlDay(zone).format(instant));
      expect(formatInstant(instant.toISOString(), zone)).toBe(intlDayAndTime(zone).format(instant));
    }
    expect(toLocalDate(new Date('1990-07-01T23:30:00Z'), 'Europe/London')).toBe('1990-07-02');
  });

  it('gives the callers London answers that agree with Intl on a summer night and a winter one', () => {
    for (const iso of ['2026-07-01T23:30:00.000Z', '2026-12-31T23:30:00.000Z']) {
      const instant = new Date(iso);
      expect(toLocalDate(instant, 'Europe/London')).toBe(intlDate('Europe/London').format(instant));
      expect(formatDay(iso, 'Europe/London')).toBe(intlDay('Europe/London').format(instant));
      expect(formatInstant(iso, 'Europe/London')).toBe(intlDayAndTime('Europe/London').format(instant));
    }
    expect(formatInstant('2026-07-01T23:30:00.000Z', 'Europe/London')).toBe('2 July 2026 at 00:30');
  });

  it('counts calendar days between instants as the days between their local dates, in London and elsewhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 400 * 24 }), fc.constantFrom('Europe/London', 'UTC', 'America/New_York', 'Asia/Kolkata'), (start, hours, zone) => {
        const a = new Date(start);
        const b = new Date(start + hours * hourMs + (start % hourMs));
        expect(calendarDaysBetween(a, b, zone)).toBe(daysBetween(intlDate(zone).format(a), intlDate(zone).format(b)));
      }),
      { numRuns: 2000 },
    );
  });
});
