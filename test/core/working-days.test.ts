import { describe, expect, it } from 'vitest';
import { bankHolidaysRunningOut, englandAndWalesBankHolidays } from '../../functions/core/calendar/bank-holidays.js';
import { dayOfWeek, toLocalDate } from '../../functions/core/calendar/local-date.js';
import { firstWorkingDayOfMonth, isWorkingDay, isWorkingInstant, workingDaysBetween } from '../../functions/core/calendar/working-days.js';
import { nextWorkingRun } from '../../functions/core/calendar/next-run.js';

const calendar = { timeZone: 'Europe/London', bankHolidays: englandAndWalesBankHolidays };

describe('working days in Europe/London', () => {
  it('skips bank holidays and weekends', () => {
    expect(isWorkingDay('2026-12-25', calendar)).toBe(false); // Christmas, a Friday
    expect(isWorkingDay('2026-12-28', calendar)).toBe(false); // Boxing Day substitute, a Monday
    expect(isWorkingDay('2026-12-26', calendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-29', calendar)).toBe(true);
    expect(isWorkingDay('2026-11-27', calendar)).toBe(true); // a Friday
  });

  it('finds the next run of a schedule on a working day, at its own time in the force’s zone, past weekends and bank holidays', () => {
    const next = (cron: string, after: string) => nextWorkingRun(cron, new Date(after), calendar)?.toISOString();
    // Thursday 24 December 2026: Christmas, the weekend and the Boxing Day substitute lie between.
    expect(next('0 9 * * 1-5', '2026-12-24T10:00:00Z')).toBe('2026-12-29T09:00:00.000Z');
    // Seen late on a Saturday: Monday at nine, not Monday at the hour it was seen.
    expect(next('0 9 * * 1-5', '2026-11-28T23:00:00Z')).toBe('2026-11-30T09:00:00.000Z');
    // Before the day's run, on a working day: that run.
    expect(next('0 9 * * 1-5', '2026-11-27T08:00:00Z')).toBe('2026-11-27T09:00:00.000Z');
    // British Summer Time: 07:30 in London is 06:30 UTC; a schedule that runs every day still skips the weekend.
    expect(next('30 7 * * *', '2027-06-05T12:00:00Z')).toBe('2027-06-07T06:30:00.000Z');
    // A date that never comes.
    expect(next('0 9 31 2 *', '2026-11-27T08:00:00Z')).toBeUndefined();
  });

  it('lists only weekdays as bank holidays, eight a year from 2025 to 2028', () => {
    for (const date of englandAndWalesBankHolidays) expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(date));
    for (const year of ['2025', '2026', '2027', '2028']) {
      expect(englandAndWalesBankHolidays.filter((d) => d.startsWith(year))).toHaveLength(8);
    }
  });

  it('finds the first working day of a month past a weekend and a bank holiday', () => {
    expect(firstWorkingDayOfMonth('2028-01', calendar)).toBe('2028-01-04'); // 1 Sat, 2 Sun, 3 substitute holiday
    expect(firstWorkingDayOfMonth('2026-11', calendar)).toBe('2026-11-02'); // 1 Nov 2026 is a Sunday
    expect(firstWorkingDayOfMonth('2026-12', calendar)).toBe('2026-12-01');
  });

  it('reads the local date across the October clock change', () => {
    // Clocks go back at 02:00 BST on 25 October 2026: 00:30 UTC on the 26th is 00:30 GMT on the 26th.
    expect(toLocalDate(new Date('2026-10-25T23:30:00Z'), 'Europe/London')).toBe('2026-10-25');
    expect(toLocalDate(new Date('2026-10-24T23:30:00Z'), 'Europe/London')).toBe('2026-10-25'); // 00:30 BST, a Sunday
    expect(isWorkingInstant(new Date('2026-10-24T23:30:00Z'), calendar)).toBe(false);
    expect(isWorkingInstant(new Date('2026-10-26T08:00:00Z'), calendar)).toBe(true);
  });

  it('reads the local date across the March clock change', () => {
    // Clocks go forward at 01:00 GMT on 29 March 2026: 23:30 UTC on the 29th is 00:30 BST on the 30th.
    expect(toLocalDate(new Date('2026-03-29T23:30:00Z'), 'Europe/London')).toBe('2026-03-30');
    expect(isWorkingInstant(new Date('2026-03-29T23:30:00Z'), calendar)).toBe(true); // Monday in London
    expect(toLocalDate(new Date('2026-03-28T23:30:00Z'), 'Europe/London')).toBe('2026-03-28'); // still GMT
  });

  it('an update at 23:30 on 31 October local time belongs to October', () => {
    expect(toLocalDate(new Date('2026-10-31T23:30:00Z'), 'Europe/London')).toBe('2026-10-31');
    expect(toLocalDate(new Date('2026-05-31T23:30:00Z'), 'Europe/London')).toBe('2026-06-01'); // BST
  });

  it('counts working days over Easter', () => {
    expect(workingDaysBetween('2026-04-02', '2026-04-07', calendar)).toBe(1); // Good Friday and Easter Monday skipped
  });
});

describe('bankHolidaysRunningOut', () => {
  it('gives the last listed day once the list stops reaching a year ahead, and null before or with no list', () => {
    expect(bankHolidaysRunningOut(englandAndWalesBankHolidays, '2027-12-27')).toBeNull(); // 365 days on is 26 December 2028 (a leap year)
    expect(bankHolidaysRunningOut(englandAndWalesBankHolidays, '2027-12-28')).toBe('2028-12-26');
    expect(bankHolidaysRunningOut([], '2030-01-01')).toBeNull();
  });
});
