import { formatDay } from '../calendar/format-day.js';
import { confidenceLabels, type Confidence, type Status } from '../model/action.js';
import { formatCount, plural } from '../words.js';
import type { BoardSummary, Movement, OtherStaleOwners } from './snapshot.js';
import { endOfMonth, monthLabel } from './month.js';

/*
 * The board's words, for the email, the summary page and the pack alike: a board member reads them in
 * two minutes, without a glossary, and finds the same thing called the same in each.
 */

/** The board email's subject, and the pack's title atop its Summary and at the foot of every printed page. */
export function boardSummaryTitle(forceName: string, month: string): string {
  return `${forceName}: action plan board summary for ${monthLabel(month)}`;
}

/** The marking of the plan's text (the Government Security Classifications'), on whatever carries it. */
export const protectiveMarking = 'OFFICIAL-SENSITIVE';

/** What stale means, as the owners' reminders say it ("N days or more": see reminderIntro). */
export const noUpdateFor = (staleAfterDays: number): string => `no update for ${plural(staleAfterDays, 'day')} or more`;

/** The same as a column heading, short enough for a narrow column: "No update for 28+ days". */
export const noUpdateColumn = (staleAfterDays: number): string => `No update for ${staleAfterDays}+ days`;

/** Confidence in a timescale: an action without one has no rating, not a rating called "Not set". */
export const boardConfidenceLabels: Record<Confidence, string> = { ...confidenceLabels, 'not-set': 'No rating' };

/** Each status as the board reads it: the pack's Status column and the lists of what moved. */
export const boardStatusLabels: Record<Status, string> = {
  open: 'Open',
  'proposed-closure': 'Proposed for closure',
  closed: 'Closed',
  'not-accepted': 'Not accepted',
  superseded: 'Superseded',
};

export type MovementList = Exclude<keyof Movement, 'basis' | 'planLoadedAt'>;

/** Lists that are empty most months: shown only when they hold something, not as another "0" to read past. */
const shownWhenAny: ReadonlySet<MovementList> = new Set(['proposedClosure', 'reopened', 'setAside']);

/** Each list of what moved a summary shows, in the order the board reads them, with its heading. */
export function movementLabels(summary: Pick<BoardSummary, 'staleAfterDays' | 'movement'>): Array<[list: MovementList, label: string]> {
  return allMovementLabels(summary.staleAfterDays).filter(([list]) => !shownWhenAny.has(list) || summary.movement[list].length > 0);
}

/** Every list of what moved, with its heading. */
export function allMovementLabels(staleAfterDays: number): Array<[list: MovementList, label: string]> {
  return [
    ['newActions', 'New actions'],
    ['proposedClosure', 'Proposed for closure'],
    ['closed', 'Closed this month'],
    ['reopened', 'Reopened'],
    ['setAside', 'Not accepted or superseded'],
    ['retimed', 'Target date moved'],
    ['confidenceDropped', 'Confidence dropped'],
    ['becameStale', `Passed ${plural(staleAfterDays, 'day')} without an update`],
    ['becameOverdue', 'Became overdue'],
  ];
}

/**
 * "the end of October 2026" for a month that has ended (its figures are as at its last instant, when a
 * target of October, or of 31 October, has passed: see planAsAt), or the day of a month's figures so far.
 * A month kept before that rule (its summary has no needsBoard, which came with it) counted overdue as
 * at its last day, and says that day.
 */
export const figuresAsAt = (summary: Pick<BoardSummary, 'asAt' | 'timeZone' | 'month' | 'needsBoard'>): string =>
  summary.needsBoard && summary.asAt === endOfMonth(summary.month, summary.timeZone).toISOString() ? `the end of ${monthLabel(summary.month)}` : formatDay(summary.asAt, summary.timeZone);

/** Why nothing is listed as moved in the month the plan was loaded: there was no plan a month before to compare with. */
export const planLoadedNote = (planLoadedAt: string, timeZone: string): string =>
  `This is the first summary since the plan was loaded on ${formatDay(planLoadedAt, timeZone)}, so changes are reported from next month.`;

/** What to know before the lists of what moved: in the month the plan was loaded, instead of them. */
export function movementNote(summary: Pick<BoardSummary, 'movement' | 'figures' | 'timeZone' | 'asAt' | 'month' | 'needsBoard'>): string | null {
  const { movement, figures } = summary;
  if (movement.planLoadedAt) {
    const one = figures.overdue === 1;
    return (
      `${planLoadedNote(movement.planLoadedAt, summary.timeZone)} ` +
      `At ${figuresAsAt(summary)}, ${plural(figures.overdue, 'open action')} ${one ? 'was' : 'were'} past ${one ? 'its' : 'their'} target date.`
    );
  }
  return movement.basis === 'history' ? 'No summary was kept for last month, so what moved is worked out from the update history.' : null;
}

export const staleOwnersHeading = (staleAfterDays: number): string => `Owners of the most actions with ${noUpdateFor(staleAfterDays)}`;

/** The pack's list of the same owners, which names every one of them: the email and page name the most. */
export const everyStaleOwnerHeading = (staleAfterDays: number): string => `Owners of actions with ${noUpdateFor(staleAfterDays)}, most first`;

/**
 * Said where the owners list is empty: nothing has gone quiet, or all that has has no owner to name. Not
 * "updated in the last N days": an action reopened lately counts from its reopening, update or none.
 */
export function noStaleOwners(
  { figures, staleAfterDays, ownerlessStale }: Pick<BoardSummary, 'figures' | 'staleAfterDays' | 'ownerlessStale'>,
  list?: (refs: readonly string[]) => string,
): string {
  if (figures.stale === 0) return `No open action has gone ${plural(staleAfterDays, 'day')} or more without an update.`;
  return ownerlessStale ? ownerlessStaleLine(ownerlessStale, staleAfterDays, list) : `${plural(figures.stale, 'action')} with ${noUpdateFor(staleAfterDays)} ${figures.stale === 1 ? 'has' : 'have'} no owner.`;
}

/** Whether the owners' counts, and the stale actions nobody owns, add up to more than the stale figure: shared actions. */
export const countsSharedStale = (owners: readonly { count: number }[], ownerless: readonly string[] | undefined, stale: number): boolean =>
  owners.reduce((sum, owner) => sum + owner.count, 0) + (ownerless?.length ?? 0) > stale;

/** Under an owners list whose counts add up to more than the stale figure, as shared actions make them. */
export const sharedStaleNote = (stale: number): string =>
  `An action with more than one owner counts once for each of them, so these add up to more than the ${formatCount(stale)} with no update.`;

/** After the owners list, or instead of it: the stale actions it cannot name, as nobody owns them. */
export function ownerlessStaleLine(refs: readonly string[], staleAfterDays: number, list: (refs: readonly string[]) => string = (all) => all.join(', ')): string {
  return `${plural(refs.length, 'action')} with ${noUpdateFor(staleAfterDays)} ${refs.length === 1 ? 'has' : 'have'} no owner: ${list(refs)}.`;
}

/** The last line of the owners list, so a reader knows who else there is: "and 3 other owners with 1 each". */
export function otherStaleOwnersLine(others: OtherStaleOwners): string {
  const counts = others.fewest === others.most ? formatCount(others.most) : `${formatCount(others.fewest)} to ${formatCount(others.most)}`;
  return `and ${plural(others.owners, 'other owner')} with ${counts}${others.owners === 1 ? '' : ' each'}`;
}

export const bySroHeading = 'Open actions by senior responsible officer';

/** The columns of the SRO table, its figures named as the headline names them. */
export const bySroColumns = (staleAfterDays: number): string[] => ['SRO', 'Open', `Of which ${noUpdateFor(staleAfterDays)}`, 'Of which overdue'];
