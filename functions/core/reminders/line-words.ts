import { plural } from '../words.js';
import type { DigestLine } from './reminder-plan.js';

const ageWords = (days: number) => (days === 0 ? 'today' : `${plural(days, 'day')} ago`);

/**
 * "1.02 (last updated 61 days ago)", "1.03 (never updated, added today)": a line of a reminder plan, on
 * the console and the command line alike. A closure awaiting sign-off has waited, as its email says:
 * "3.05 (waiting 30 days for sign-off)".
 */
export const lineWords = (line: DigestLine, waitingSignOff = false): string => {
  if (waitingSignOff) return `${line.ref} (waiting ${plural(line.ageDays, 'day')} for sign-off)`;
  return `${line.ref} (${line.neverUpdated ? `never updated, added ${ageWords(line.ageDays)}` : `last updated ${ageWords(line.ageDays)}`})`;
};
