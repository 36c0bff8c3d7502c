import { knownDay } from './wall-clock.js';

/** "1 October 2026": an instant's day in the force's time zone, for emails and pages alike. */
export function formatDay(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  return knownDay(instant, timeZone) ?? new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}
