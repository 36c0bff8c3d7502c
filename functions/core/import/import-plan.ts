import type { Action, ActionKind } from '../model/action.js';
import type { Person } from '../model/person.js';
import { cellText, isEmptyRow, type ImportProblem, type Row } from './cells.js';
import { columnOf, matchHeadings, unknownHeadings, unreadHeadings, type ColumnMap, type PlanField } from './match-headings.js';
import { indexPeople, type SettledName } from './match-person.js';
import { outcomeWarnings, type OutcomeWarning } from './outcome-warnings.js';
import { readActionRow } from './read-action-row.js';

export interface PlanSummary {
  /** Data rows below the header, empty ones not counted. */
  rows: number;
  actions: number;
  sectionRows: number;
  skippedRows: number;
  areas: string[];
  /** Actions with no area where the file gives areas (a blank Area cell, as a CSV leaves merged ones): not in `areas`. */
  noArea: number;
  kinds: Record<ActionKind, number>;
  unmatchedNames: string[];
  /** Fields the file has no column for: stored actions keep their own. */
  absent: PlanField[];
  /** Headings that name a field another column is read for ("Plan Ownr", mistyped, beside "What?"): not read. */
  unread: Array<{ heading: string; field: PlanField }>;
  /** Headings that name nothing the importer reads ("RAG", "Notes"): not read. */
  unknown: string[];
}

/**
 * What a stored action keeps when the file has no column for it. Not the ref and text, without which
 * there is no action, nor the kind, which the ref and text tell when no column does.
 */
const keptWhenAbsent: readonly PlanField[] = ['area', 'evidence', 'accepted', 'sro', 'owners', 'plan', 'timescale', 'confidence', 'confidenceNarrative', 'progress', 'lastUpdated'];

export interface PlanImport {
  actions: Action[];
  /** The sheet's row of each action, by its id. */
  rowOfAction: Map<string, number>;
  problems: ImportProblem[];
  /** Warnings that hold or not by what the import makes of each action, which applyImport settles. */
  outcomeWarnings: OutcomeWarning[];
  summary: PlanSummary;
}

/**
 * A row that only names an area ("Effectiveness (Vulnerability)") heads the rows below it. It has no
 * ref and no text, and one filled cell, in the Area column or the first: a lone note elsewhere (in
 * Progress, say) is not an area, and is reported as a row without a ref.
 */
function sectionName(row: Row, columns: ColumnMap): string | null {
  const filled = row.flatMap((cell, index) => (cellText(cell) === '' ? [] : [{ index, text: cellText(cell) }]));
  const refOrText = [columns.ref, columns.text].some((c) => c && cellText(row[c.index] ?? null) !== '');
  const [only] = filled;
  if (refOrText || filled.length !== 1 || !only || (only.index !== 0 && only.index !== columns.area?.index)) return null;
  return only.text.replace(/\s+/g, ' ');
}

/**
 * Turns the rows of a plan into actions: finds the header (below any title rows, over one row or
 * two), follows section rows, reads each row, and reports every problem with its row. Throws
 * InvalidInputError when the rows have no recognisable header. `now` becomes each action's createdAt;
 * `settled` names who the admin said a name is, on the console's preview.
 */
export function importPlan(rows: readonly Row[], people: readonly Person[], now: Date, settled: readonly SettledName[] = []): PlanImport {
  const { headerIndex, columns, firstDataIndex } = matchHeadings(rows);
  const headings = rows[headerIndex] ?? [];
  const index = indexPeople(people, settled);
  /** Each action with the row it was read from, for the warnings that depend on what the import makes of it. */
  const rowsRead: Array<{ action: Action; row: Row; rowNumber: number; namesakeWarnings: OutcomeWarning[] }> = [];
  const problems: ImportProblem[] = [];
  const firstRowOfId = new Map<string, { row: number; ref: string }>();
  const unmatchedSroNames: string[] = [];
  const summary: PlanSummary = {
    rows: 0, actions: 0, sectionRows: 0, skippedRows: 0, areas: [], noArea: 0, kinds: { recommendation: 0, afi: 0, 'cause-of-concern': 0 }, unmatchedNames: [], absent: [],
    unread: unreadHeadings(headings, columns), unknown: unknownHeadings(headings, columns),
  };
  let sectionArea = '';

  rows.slice(firstDataIndex).forEach((row, offset) => {
    if (isEmptyRow(row)) return;
    const rowNumber = firstDataIndex + offset + 1;
    summary.rows++;
    const section = sectionName(row, columns);
    if (section !== null) {
      sectionArea = section;
      summary.sectionRows++;
      return;
    }
    const areaCell = columns.area ? cellText(row[columns.area.index] ?? null).replace(/\s+/g, ' ') : '';
    const read = readActionRow(row, { columns, rowNumber, area: areaCell || sectionArea, people: index, now });
    problems.push(...read.problems);
    if (!read.action) {
      summary.skippedRows++;
      return;
    }
    const seen = firstRowOfId.get(read.action.id);
    if (seen !== undefined) {
      const used = seen.ref === read.action.ref ? `is also used on row ${seen.row}` : `reads as the same ref as "${seen.ref}" on row ${seen.row} (case, punctuation and leading zeros are not told apart)`;
      problems.push({ row: rowNumber, ref: read.action.ref, ...columnOf(columns, 'ref'), severity: 'error', message: `the ref "${read.action.ref}" ${used}; each action needs its own ref, so give one of them a different ref` });
      summary.skippedRows++;
      return;
    }
    firstRowOfId.set(read.action.id, { row: rowNumber, ref: read.action.ref });
    rowsRead.push({ action: read.action, row, rowNumber, namesakeWarnings: read.namesakeWarnings });
    unmatchedSroNames.push(...read.unmatchedSroNames);
  });

  const actions = rowsRead.map(({ action }) => action);
  summary.actions = actions.length;
  summary.areas = [...new Set(actions.map((a) => a.area).filter((a) => a !== ''))];
  for (const action of actions) summary.kinds[action.kind]++;
  // Every name to resolve to a person in the preview, whether it stood for an owner or an SRO.
  summary.unmatchedNames = [...new Set([...actions.flatMap((a) => a.unmatchedNames), ...unmatchedSroNames])];
  // Section rows name the area where no column does.
  summary.absent = keptWhenAbsent.filter((field) => !columns[field] && !(field === 'area' && summary.sectionRows > 0));
  const givesAreas = !summary.absent.includes('area');
  summary.noArea = givesAreas ? actions.filter((a) => a.area === '').length : 0;
  const warnings = rowsRead.flatMap(({ action, row, rowNumber, namesakeWarnings }) => [...namesakeWarnings, ...outcomeWarnings(action, row, { columns, rowNumber, givesAreas })]);
  return { actions, rowOfAction: new Map([...firstRowOfId].map(([id, first]) => [id, first.row])), problems, outcomeWarnings: warnings, summary };
}
