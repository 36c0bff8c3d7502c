import type { TargetDate } from '../model/action.js';

/** Day 0 of Excel's 1900 date system (it counts a 29 Feb 1900 that never was, hence the 30th). */
const excelEpoch = Date.UTC(1899, 11, 30);
const dayMs = 86_400_000;
/** Serials from 1954 to 2119: wide enough for any plan, narrow enough not to read a ref as a date. */
const serialRange = { min: 20_000, max: 80_000 };

const monthPattern = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * "Sep-17", "June 2017", "Apr '18", "Feb/March-18" (the later month), "31 March 2027". Two digits then a
 * year ("March 31, 2027") are a day, not a year: usDate reads those; so are two with an ordinal
 * ("March 31st"), which has no year to read.
 */
const wordDate = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?((?:${monthPattern})(?:\\s*\\/\\s*(?:${monthPattern}))*)\\.?[\\s\\-–'’,]*(\\d{4}|\\d{2})(?!\\d)(?!st|nd|rd|th)(?!(?:st|nd|rd|th)?,?\\s+\\d{4})`,
  'gi',
);
/** "March 31, 2027", "Sept 30 2026": the day after the month, as US dates and some templates write it. */
const usDate = new RegExp(`\\b(${monthPattern})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'gi');
const isoDate = /\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/g;
const ukDate = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/g;

const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(digits: string): number {
  const year = Number(digits);
  return digits.length === 2 ? 2000 + year : year;
}

function toTarget(year: number, month: number, day?: number): TargetDate | null {
  if (year < 2000 || year > 2099 || month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthNumber(name: string): number {
  return monthNames.indexOf(name.toLowerCase().slice(0, 3)) + 1;
}

/** The day an Excel Date cell shows: exceljs gives it as midnight UTC of that day. */
export function dateToTarget(date: Date): TargetDate | null {
  if (Number.isNaN(date.getTime())) return null;
  return toTarget(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A whole-number Excel serial (42979 = 2017-09-01), or null when the number is not plausibly one. */
export function serialToTarget(value: number | string): TargetDate | null {
  const text = String(value).trim();
  if (!/^\d{5}(\.0+)?$/.test(text)) return null;
  const serial = Number(text);
  if (serial < serialRange.min || serial > serialRange.max) return null;
  return dateToTarget(new Date(excelEpoch + serial * dayMs));
}

/** Every month or date written in a piece of text, in the order written. */
export function findDates(text: string): TargetDate[] {
  const found: Array<{ at: number; target: TargetDate }> = [];
  const add = (at: number, target: TargetDate | null) => target && found.push({ at, target });
  for (const m of text.matchAll(wordDate)) {
    const months = (m[2] ?? '').split('/').map((name) => monthNumber(name.trim()));
    add(m.index, toTarget(fullYear(m[3] ?? ''), months[months.length - 1] ?? 0, m[1] ? Number(m[1]) : undefined));
  }
  for (const m of text.matchAll(usDate)) add(m.index, toTarget(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2])));
  for (const m of text.matchAll(isoDate)) add(m.index, toTarget(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined));
  for (const m of text.matchAll(ukDate)) add(m.index, toTarget(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1])));
  return found.sort((a, b) => a.at - b.at).map((f) => f.target);
}

/** Text that is one month or date and nothing more ("Sep-17", "September 2017", "2017-09"). */
export function isBareDate(text: string): boolean {
  return findDates(text).length === 1 && text.replace(new RegExp(monthPattern, 'gi'), '').replace(/[\d\s\-–/.,'’]/g, '') === '';
}

/** The last day a target covers: a month target is due at the end of its month. */
export function targetEnd(target: TargetDate): string {
  if (target.length === 10) return target;
  const [year, month] = target.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 2000, month ?? 1, 0)).getUTCDate();
  return `${target}-${pad(last)}`;
}

/** The later of the targets ("Sep-17 - Feb/March-18" is due by March 2018). */
export function latestTarget(targets: readonly TargetDate[]): TargetDate | null {
  return targets.reduce<TargetDate | null>((latest, t) => (latest === null || targetEnd(t) > targetEnd(latest) ? t : latest), null);
}
