import { boardConfidenceLabels, noUpdateColumn } from '../../core/board-summary/board-wording.js';
import type { PlanRow } from '../../core/board-summary/snapshot.js';
import { saysOnlyTarget } from '../../core/import/parse-timescale.js';
import { targetDueDate } from '../../core/rules/stale.js';
import { confidenceCell, planColumnsFor, timescaleText, type CellValue, type PlanColumn } from './plan-columns.js';

/** A column of the pack, whose cells may each take a number format of their own. */
export type PackColumn = PlanColumn & { numFmtOf?: (row: PlanRow) => string | null };

/**
 * A target as an Excel date, so that the board can sort and filter by it: a day target is that day, and
 * a month target the last day of the month, the day it is due by (an action is overdue from the day
 * after: targetDueDate), so that a month target sorts after the day targets within it and a "before"
 * filter takes it where it falls due. Midnight UTC of the day, as Excel keeps a date with no time.
 */
const targetDate = (target: string) => new Date(`${targetDueDate(target)}T00:00:00Z`);

/** A month target reads "March 2026", whatever day the date holds; a day target as Last Updated writes a day. */
const targetFormat = (target: string) => (target.length === 10 ? 'd mmm yyyy' : 'mmmm yyyy');

/** The target as a date, or the words of a timescale with no target ("Awaiting new timescale", "Not set"). */
function target(row: PlanRow): CellValue {
  return row.timescale.target === null ? timescaleText(row) : targetDate(row.timescale.target);
}

/** The first target, where it has moved since: a filter on this column finds every re-timed action. */
function originalTarget(row: PlanRow): Date | null {
  const { target, originalTarget } = row.timescale;
  return originalTarget && originalTarget !== target ? targetDate(originalTarget) : null;
}

/**
 * The sheet's wording where a target was read from it and it says more: "Phase One completed by March
 * 26" does, "Mar-26" does not (saysOnlyTarget, as the importer decides). Without a target the Timescale
 * column shows the wording already.
 */
function timescaleAsWritten(row: PlanRow): string | null {
  return row.timescale.target !== null && !saysOnlyTarget(row.timescale) ? row.timescale.text : null;
}

/**
 * Wide enough for "September 2026", the longest target as a month (about 99 px in Calibri 11, where 14
 * gives about 93): Excel shows a date that does not fit as "#####", not cut short as it does text.
 */
const dateWidth = 16;

/** The target as a date, the original target beside it and the timescale as written, in place of the target as words. */
const timescaleColumns = (column: PlanColumn): PackColumn[] => [
  { ...column, width: Math.max(column.width, dateWidth), value: target, numFmtOf: (row) => row.timescale.target && targetFormat(row.timescale.target) },
  { header: 'Original target', width: dateWidth, value: originalTarget, numFmtOf: (row) => row.timescale.originalTarget && targetFormat(row.timescale.originalTarget) },
  { header: 'Timescale as written', width: 18, value: timescaleAsWritten },
];

/**
 * The familiar columns, stale headed as the email counts it (planColumnsFor), with the pack's timescale
 * columns and confidence in the summary's words ("No rating"). Those are the pack's alone: the
 * console's export keeps the target as words, "March 2027 (originally December 2026)", and
 * confidence as the importer reads it back.
 */
export function packColumns(staleAfterDays: number): PackColumn[] {
  return planColumnsFor(noUpdateColumn(staleAfterDays)).flatMap((column): PackColumn[] => {
    if (column.value === timescaleText) return timescaleColumns(column);
    if (column.value === confidenceCell) return [{ ...column, value: (row) => boardConfidenceLabels[row.confidence] }];
    return [column];
  });
}
