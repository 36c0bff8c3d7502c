import { formatDay } from '../calendar/format-day.js';
import type { BoardSummary } from './snapshot.js';

/** The headline figures as the board reads them, in one order and wording for email, page, pack and dashboard. */
export function headlineFigures(
  summary: Pick<BoardSummary, 'figures' | 'staleAfterDays'>,
): Array<[label: string, value: number, key: keyof BoardSummary['figures']]> {
  const f = summary.figures;
  return [
    ['Open', f.open, 'open'],
    ['Proposed for closure, awaiting sign-off', f.proposedClosure, 'proposedClosure'],
    ['Closed this month', f.closedThisMonth, 'closedThisMonth'],
    [`Stale (no update for ${summary.staleAfterDays} days)`, f.stale, 'stale'],
    ['Overdue', f.overdue, 'overdue'],
    ['No timescale set', f.noTimescale, 'noTimescale'],
  ];
}

/**
 * The day the figures are as at, "31 October 2026": a month compiled before it ended (a dry run) is as at
 * the day it was compiled, not the month's end.
 */
export const figuresAsAt = (summary: Pick<BoardSummary, 'asAt' | 'timeZone'>): string => formatDay(summary.asAt, summary.timeZone);
