import type { Action } from '../model/action.js';
import { cellText, type ImportProblem, type Row } from './cells.js';
import { heldNamesake, type Namesake } from './keep-namesakes.js';
import { columnOf, type ColumnMap, type PlanField } from './match-headings.js';
import { saysFinished } from './read-fields.js';

/**
 * A warning about what the import makes of an action rather than about its row. Whether it holds
 * depends on the stored action, which only applyImport knows: `open`, when the action is open after
 * the import (a closure already stored is kept, so a finished row says nothing new); `written`, when
 * the import creates or changes the action (one the file leaves as it is was warned about then);
 * `unheld`, for a name two or more people have, when the action after the import has none of them (or
 * several) in the name's column: a stored action that has one keeps them (keepNamesakes).
 */
export type OutcomeWarning =
  | { actionId: string; when: 'open' | 'written'; problem: ImportProblem }
  | { actionId: string; when: 'unheld'; problem: ImportProblem; namesake: Namesake };

const holds = (warning: OutcomeWarning, after: Action, written: boolean): boolean =>
  warning.when === 'unheld' ? heldNamesake(after, warning.namesake) === null : warning.when === 'open' ? after.status === 'open' : written;

export interface OutcomeContext {
  columns: ColumnMap;
  rowNumber: number;
  /** Whether the file names areas at all, by a column or section rows: without, a blank area says nothing. */
  givesAreas: boolean;
}

/** Excel writes a merged cell's value into the first row of the block only when it saves a sheet as CSV. */
const mergedAdvice = (what: string) =>
  `If the sheet has ${what} merged down a block of rows, save it as .xlsx rather than .csv and import that: a CSV keeps a merged cell's value on the block's first row only`;

/**
 * The warnings a row may call for once its action is settled: a status or timescale that says the
 * action is finished (an import never closes one), and a blank SRO or area, as a CSV leaves all but the
 * first row of a merged block.
 */
export function outcomeWarnings(action: Action, row: Row, { columns, rowNumber, givesAreas }: OutcomeContext): OutcomeWarning[] {
  const warnings: OutcomeWarning[] = [];
  const warn = (when: 'open' | 'written', field: PlanField, message: string) =>
    warnings.push({ actionId: action.id, when, problem: { row: rowNumber, ref: action.ref, ...columnOf(columns, field), severity: 'warning', message } });
  const text = (field: PlanField) => {
    const column = columns[field];
    return column ? cellText(row[column.index] ?? null) : null;
  };
  const finished = (['status', 'timescale'] as const).find((field) => saysFinished(text(field) ?? ''));
  if (finished) {
    warn(
      'open',
      finished,
      `"${text(finished)?.slice(0, 40)}" says the action is finished, but an import never closes an action: it is imported as open, so its owners are chased for updates and the board summary counts it as open (or overdue). ` +
        'After the import, close it on its page: "Add an update on an owner\'s behalf" with "The owner says the action is complete" ticked, then "Sign off the closure" (its SRO and owners are emailed of each step, as for any closure)',
    );
  }
  // A not-accepted or superseded action is never chased: nobody need be escalated to about it.
  if (text('sro') === '' && action.status === 'open') {
    warn('written', 'sro', `the SRO is blank, so nobody is escalated to when the action's owners go quiet. Fill in the SRO. ${mergedAdvice('the SRO')}`);
  }
  if (givesAreas && action.area === '') {
    warn('written', 'area', `the area is blank, so the action is listed under no area. Fill in the area. ${mergedAdvice('the area')}`);
  }
  return warnings;
}

/**
 * The warnings about the action the file gives as `id` that hold for what the import makes of it,
 * `after` (whose id may be a stored one the file's ref matches), `written` when created or changed.
 */
export function warningsThatHold(warnings: readonly OutcomeWarning[], id: string, after: Action, written: boolean): ImportProblem[] {
  return warnings.filter((w) => w.actionId === id && holds(w, after, written)).map((w) => w.problem);
}

/** The names two or more people have, by the id of the action whose row gives them, for keepNamesakes. */
export const namesakesOf = (warnings: readonly OutcomeWarning[], id: string): Namesake[] =>
  warnings.flatMap((w) => (w.actionId === id && w.when === 'unheld' ? [w.namesake] : []));

/**
 * The names two or more people have that every action naming them has one of after the import (its
 * stored person, kept), by the file's action id: nobody need be asked who they are.
 */
export function namesHeld(warnings: readonly OutcomeWarning[], after: ReadonlyMap<string, Action>): string[] {
  const namesakes = warnings.flatMap((w) => (w.when === 'unheld' ? [w] : []));
  const stillAsked = (w: OutcomeWarning) => {
    const action = after.get(w.actionId);
    return action === undefined || holds(w, action, true);
  };
  const unheld = new Set(namesakes.filter(stillAsked).map((w) => w.namesake.name));
  return [...new Set(namesakes.map((w) => w.namesake.name))].filter((name) => !unheld.has(name));
}
