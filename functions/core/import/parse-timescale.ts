import type { TargetDate, Timescale } from '../model/action.js';
import { cellText, type Cell } from './cells.js';
import { dateToTarget, findDates, isBareDate, latestTarget, serialToTarget, targetEnd } from './find-dates.js';

export interface ParsedTimescale {
  /** What the plan says, kept as written (an Excel date or serial is written out as YYYY-MM-DD). */
  text: string | null;
  /** The date that could be read from it, the later one of a range; null when none could. */
  target: TargetDate | null;
  /** Set when the cell holds text that is neither a date nor a recognised "not set yet". */
  problem: string | null;
}

/** Words that mean "no date yet" rather than a date the importer failed to read. */
const pendingText = /^(awaiting|tbc|tba|to be (confirmed|agreed|set|decided|determined)|n\/?a$|not (yet )?(set|known)|unknown$|none$|-+$|ongoing)/i;

/** What the product's own export adds to a moved target ("March 2027 (originally December 2026)"). */
const originallyNote = /\s*\(originally [^)]*\)\s*$/i;

/** Reads a Timescale cell: "Sep-17", "June 2017", "Apr '18", "Sep-17 - Feb/March-18.", Excel dates. */
export function parseTimescale(cell: Cell): ParsedTimescale {
  if (cell instanceof Date) {
    const target = dateToTarget(cell);
    return { text: target, target, problem: target ? null : 'the date in this cell is not valid; type the target month, like "Mar-27"' };
  }
  const text = cellText(cell);
  if (!text) return { text: null, target: null, problem: null };
  const serial = serialToTarget(text);
  if (serial) return { text: serial, target: serial, problem: null };
  // "March 2027 (originally December 2026)": the original month is not a candidate for the target.
  const target = latestTarget(findDates(text.replace(originallyNote, '')));
  if (target || pendingText.test(text)) return { text, target, problem: null };
  return {
    text,
    target: null,
    problem: `no date could be read from "${clip(text)}"; it is kept as text. Write the target as a month, like "Mar-27" or "March 2027", if the action has one`,
  };
}

/**
 * Whether a timescale's text says no more than its target: a bare month, or words for "not set yet".
 * Such text differs between files only in how it is written ("Sep-17" typed, "September 2017" from a
 * date cell, "Not set" from the export), which is no change to the action.
 */
export function saysOnlyTarget({ text, target }: Pick<Timescale, 'text' | 'target'>): boolean {
  if (text === null) return true;
  return target === null ? pendingText.test(text) : isBareDate(text.replace(originallyNote, ''));
}

export interface ParsedLastUpdated {
  at: string | null;
  problem: string | null;
}

const readAsNeverUpdated = 'so the row is read as never updated: an action stored with an update keeps its own progress, confidence and target rather than the row\'s';

/** The UK is never more than an hour ahead of UTC: a day has begun there an hour before it has in UTC. */
const ukLeadMs = 3_600_000;

/**
 * Reads a Last Updated cell. A month ("Apr-17") becomes the last day of that month at 12:00 UTC:
 * the update was given no later than that, so taking the end of the month never makes an owner look
 * staler than they are (they are not chased early), and midday is the same calendar day in UTC and in
 * UK local time, whatever the season. A day is taken at 12:00 UTC for the same reason. This month's
 * updates are dated no later than `now`. A month or day that has not begun yet is a mistake ("Nov-27"
 * for "Nov-26"): read as never updated, with a warning, rather than as the day of import, which would
 * differ at every import and make the same file a change each time.
 * "Awaiting update" or an empty cell means never updated: null.
 */
export function parseLastUpdated(cell: Cell, now: Date): ParsedLastUpdated {
  // As the console's export writes it.
  if (/^never updated$/i.test(cellText(cell))) return { at: null, problem: null };
  const timescale = parseTimescale(cell);
  if (!timescale.target) {
    const problem = timescale.problem && `no month could be read from "${clip(timescale.text ?? '')}", ${readAsNeverUpdated}. Write the month, like "Aug-26"`;
    return { at: null, problem };
  }
  const start = timescale.target.length === 7 ? `${timescale.target}-01` : timescale.target;
  if (Date.parse(`${start}T00:00:00.000Z`) - ukLeadMs > now.getTime()) {
    return { at: null, problem: `"${clip(timescale.text ?? '')}" is later than today, ${readAsNeverUpdated}. Correct it to the month of the last update` };
  }
  const at = new Date(`${targetEnd(timescale.target)}T12:00:00.000Z`);
  return { at: (at > now ? now : at).toISOString(), problem: null };
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
