import type { Action } from '../model/action.js';
import { cellText, type ImportProblem, type Row } from './cells.js';
import type { ColumnMap, PlanField } from './match-headings.js';
import { saysFinished } from './read-fields.js';

/**
 * A warning about what the import makes of an action rather than about its row. Whether it holds
 * depends on the stored action, which only applyImport knows: `open`, when the action is open after
 * the import (a closure already stored is kept, so a finished row says nothing new); `written`, when
 * the import creates or changes the action (one the file leaves as it is was warned about then).
 */
export interface OutcomeWarning {
  actionId: string;
  when: 'open' | 'written';
  problem: ImportProblem;
}

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
  const warn = (when: OutcomeWarning['when'], field: PlanField, message: string) => {
    const column = columns[field]?.heading;
    warnings.push({ actionId: action.id, when, problem: { row: rowNumber, ref: action.ref, ...(column ? { column } : {}), severity: 'warning', message } });
  };
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
        'After the import, close it on its page: "Add an update on an owner\'s behalf" with "The owner says the action is complete" ticked, then "Sign off the closure"',
    );
  }
  if (text('sro') === '') {
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
  return warnings.filter((w) => w.actionId === id && (w.when === 'open' ? after.status === 'open' : written)).map((w) => w.problem);
}
