import { plural } from '../words.js';
import type { DigestLine } from './reminder-plan.js';

/** Past a year, "3501 days" is a number to work out: a row imported from an old sheet reads "over 9 years ago". */
const ageWords = (days: number) => {
  if (days === 0) return 'today';
  const years = Math.floor(days / 365.25);
  return years === 0 ? `${plural(days, 'day')} ago` : `over ${years === 1 ? 'a year' : `${years} years`} ago`;
};

/**
 * How old a line is, as the reminder emails say it and the plan's lines build on: "last updated 30 days
 * ago", "never updated (added today)". A closure waits on its SRO: its age is how long it has waited,
 * "waiting 30 days", not an update gone quiet.
 */
export function ageText(line: DigestLine, waitingSignOff = false): string {
  if (waitingSignOff) return `waiting ${plural(line.ageDays, 'day')}`;
  if (!line.neverUpdated) return `last updated ${ageWords(line.ageDays)}`;
  return `never updated (added ${ageWords(line.ageDays)})`;
}

/**
 * "1.02 (last updated 61 days ago)", "1.03 (never updated, added today)", "3.05 (waiting 30 days for
 * sign-off)": a line of a reminder plan, on the console and the command line alike.
 */
export const lineWords = (line: DigestLine, waitingSignOff = false): string => {
  if (waitingSignOff) return `${line.ref} (${ageText(line, true)} for sign-off)`;
  // Said without the email's brackets, being in brackets already.
  return `${line.ref} (${line.neverUpdated ? `never updated, added ${ageWords(line.ageDays)}` : ageText(line)})`;
};
