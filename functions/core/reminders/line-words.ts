import { plural } from '../words.js';
import type { DigestLine } from './reminder-plan.js';

const ageWords = (days: number) => (days === 0 ? 'today' : `${plural(days, 'day')} ago`);

/** "1.02 (last updated 61 days ago)", "1.03 (never updated, added today)": a line of a reminder plan, on the console and the command line alike. */
export const lineWords = (line: DigestLine): string =>
  `${line.ref} (${line.neverUpdated ? `never updated, added ${ageWords(line.ageDays)}` : `last updated ${ageWords(line.ageDays)}`})`;
