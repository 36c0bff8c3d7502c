import { noUpdateFor } from './board-wording.js';
import type { BoardSummary, HeadlineFigures } from './snapshot.js';
import { plural } from '../words.js';

type Figure = [label: string, value: number, key: keyof HeadlineFigures];

/** The open actions' part of the headline: never "0 are overdue", nor "of 1 open action, 1 is". */
function openActionsClause(f: HeadlineFigures, days: number): string {
  if (f.open === 0) return 'No action is open';
  // Not "updated in the last N days": an action reopened lately counts from its reopening, update or none.
  const notStale = `gone ${plural(days, 'day')} or more without an update`;
  if (f.open === 1) return `The one open action ${f.overdue > 0 ? 'is' : 'is not'} overdue and ${f.stale > 0 ? `has had ${noUpdateFor(days)}` : `has not ${notStale}`}`;
  const overdue = f.overdue === 0 ? 'none is' : `${f.overdue} ${f.overdue === 1 ? 'is' : 'are'}`;
  const stale = f.stale === 0 ? `none has ${notStale}` : `${f.stale} ${f.stale === 1 ? 'has' : 'have'} had ${noUpdateFor(days)}`;
  return `Of ${plural(f.open, 'open action')}, ${overdue} overdue and ${stale}`;
}

/**
 * The figures a board member needs first, in one sentence, above the table: "Of 26 open actions, 8 are
 * overdue and 21 have had no update for 28 days or more; 3 closures await sign-off."
 */
export function headlineSentence(summary: Pick<BoardSummary, 'figures' | 'staleAfterDays'>): string {
  const f = summary.figures;
  const open = openActionsClause(f, summary.staleAfterDays);
  const closures = f.proposedClosure === 0 ? 'no closure awaits sign-off' : `${plural(f.proposedClosure, 'closure')} ${f.proposedClosure === 1 ? 'awaits' : 'await'} sign-off`;
  return `${open}; ${closures}.`;
}

/**
 * The headline figures as the board reads them, in one order and wording for email, page, pack and
 * dashboard: the rows by status add up to the actions in the plan, and the parts of Open say "of
 * which", so that nobody adds them in too.
 */
export function headlineFigures(summary: Pick<BoardSummary, 'figures' | 'staleAfterDays'>): Figure[] {
  const f = summary.figures;
  const ofOpen = (label: string) => `of which ${label}`;
  const noConfidence: Figure[] = f.noConfidence === undefined ? [] : [[ofOpen('no confidence rating'), f.noConfidence, 'noConfidence']];
  // A summary kept before these were counted apart still adds up: the rest of the plan is their sum.
  const setAside: Figure[] =
    f.closed === undefined || f.notAcceptedOrSuperseded === undefined
      ? [['Closed, not accepted or superseded', f.total - f.open - f.proposedClosure, 'closed']]
      : [
          ['Closed', f.closed, 'closed'],
          ['Not accepted or superseded', f.notAcceptedOrSuperseded, 'notAcceptedOrSuperseded'],
        ];
  return [
    ['Open', f.open, 'open'],
    [ofOpen(noUpdateFor(summary.staleAfterDays)), f.stale, 'stale'],
    [ofOpen('overdue'), f.overdue, 'overdue'],
    [ofOpen('no timescale set'), f.noTimescale, 'noTimescale'],
    ...noConfidence,
    ['Proposed for closure, awaiting sign-off', f.proposedClosure, 'proposedClosure'],
    ...setAside,
  ];
}
