import { plural } from '../words.js';
import { isEmptyRow, type ImportProblem, type Row } from './cells.js';
import { findPlanHeading } from './match-headings.js';

/** One sheet of a workbook; a CSV file is one sheet with no name. */
export interface SheetRows {
  name: string | null;
  rows: readonly Row[];
}

export interface PlanSheet extends SheetRows {
  /** A warning for each other sheet with the plan's headings, which is not read. */
  problems: ImportProblem[];
}

/**
 * The sheet the plan is read from: the first with the plan's headings and rows under them (a workbook
 * often opens on a cover or "Read me" sheet, or an empty template), else the first with the headings, or
 * the first, whose lack of headings importPlan reports. Another sheet with headings and rows is warned
 * about: an archive tab ahead of the live plan would otherwise be imported in its place without a word.
 */
export function choosePlanSheet(sheets: readonly [SheetRows, ...SheetRows[]]): PlanSheet {
  const withHeadings = sheets.flatMap((sheet) => {
    const heading = findPlanHeading(sheet.rows);
    return heading ? [{ sheet, rows: sheet.rows.slice(heading.firstDataIndex).filter((row) => !isEmptyRow(row)).length }] : [];
  });
  // An empty template tab with the headings, ahead of the live plan, is passed over for one with rows.
  const chosen = withHeadings.find(({ rows }) => rows > 0) ?? withHeadings[0];
  const others = withHeadings.filter((candidate) => candidate !== chosen && candidate.rows > 0);
  const read = chosen?.sheet ?? sheets[0];
  const problems = others.map(({ sheet, rows }): ImportProblem => ({
    row: 0,
    severity: 'warning',
    message:
      `the sheet "${sheet.name}" also has the plan's headings, with ${plural(rows, 'row')} below them, and is not read: only "${read.name}", the first with rows under them, is. ` +
      `If "${sheet.name}" is the live plan, move it in front of "${read.name}" (or delete the sheet that is not the plan), save the workbook and import it again; otherwise accept to import "${read.name}" alone`,
  }));
  return { ...read, problems };
}
