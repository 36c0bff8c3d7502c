import { addDays } from './local-date.js';

/**
 * England and Wales bank holidays as published by GOV.UK, substitute days included
 * (Boxing Day 2026 and Christmas 2027 fall at weekends). Forces may list their own in config.
 */
export const englandAndWalesBankHolidays: readonly string[] = [
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
];

/**
 * The last bank holiday listed, when the list does not reach a year ahead of `today`: the jobs would
 * then run on the days it leaves out. Null while it does (or when the force lists none at all).
 */
export function bankHolidaysRunningOut(bankHolidays: readonly string[], today: string): string | null {
  const last = bankHolidays.reduce<string | null>((latest, day) => (latest === null || day > latest ? day : latest), null);
  return last !== null && last < addDays(today, 365) ? last : null;
}
