import { targetLabel } from '../../core/board-summary/month.js';
import { rowName } from '../../core/board-summary/plan-as-at.js';
import { usualHeadings } from '../../core/import/match-headings.js';
import type { PlanRow } from '../../core/board-summary/snapshot.js';
import { toLocalDate } from '../../core/calendar/local-date.js';
import { confidenceLabels, type Confidence } from '../../core/model/action.js';
import { boardStatusLabels } from '../../core/board-summary/board-wording.js';

export type CellValue = string | number | Date | null;

export interface PlanColumn {
  header: string;
  width: number;
  value: (row: PlanRow, timeZone: string) => CellValue;
  /** Cells whose value calls for a red, amber or green fill. */
  rag?: (row: PlanRow) => Rag | null;
  numFmt?: string;
}

export type Rag = 'red' | 'amber' | 'green';

const confidenceRag: Record<Confidence, Rag | null> = { high: 'green', medium: 'amber', low: 'red', 'not-set': null };

/** "March 2027 (originally December 2026)", the free text the importer kept, or "Not set". */
export function timescaleText(row: PlanRow): string {
  const { target, originalTarget, text } = row.timescale;
  if (target === null) return text?.trim() || 'Not set';
  const moved = originalTarget && originalTarget !== target ? ` (originally ${targetLabel(originalTarget)})` : '';
  return `${targetLabel(target)}${moved}`;
}

function accepted(row: PlanRow): string {
  const answer = row.accepted.value === null ? '' : row.accepted.value ? 'Yes' : 'No';
  return [answer, row.accepted.rationale ?? ''].filter(Boolean).join(' - ');
}

/**
 * The day of the last update in the force's time zone, as an Excel date (midnight UTC of that day).
 * "Never updated" stays words: Excel's filter lists it as a choice of its own beside the dates, and
 * sorts keep those actions together at one end. A blank would look like a gap in the data, and a
 * made-up date would claim an update that never happened.
 */
function lastUpdated(row: PlanRow, timeZone: string): CellValue {
  if (row.lastUpdatedAt === null) return 'Never updated';
  return new Date(`${toLocalDate(new Date(row.lastUpdatedAt), timeZone)}T00:00:00Z`);
}

const yesNo = (flag: boolean) => (flag ? 'Yes' : 'No');

/** Named, for the pack to find these columns and write them in the board's words (pack-columns.ts). */
export const staleCell = (row: PlanRow): string => yesNo(row.stale);
export const confidenceCell = (row: PlanRow): string => confidenceLabels[row.confidence];

/**
 * The familiar layout of the force's spreadsheet, then Status, Stale and Overdue. Long text in narrow
 * columns, wrapped: about 300 characters across, which the pack prints on two A4 pages side by side.
 */
export const planColumns: PlanColumn[] = [
  { header: usualHeadings.area, width: 14, value: (r) => r.area },
  { header: 'Ref Number', width: 10, value: (r) => r.ref },
  { header: usualHeadings.evidence, width: 28, value: (r) => r.evidence },
  { header: 'Area for Improvement/Cause of Concern/Recommendation', width: 34, value: (r) => r.text },
  { header: usualHeadings.accepted, width: 12, value: accepted },
  { header: usualHeadings.sro, width: 16, value: (r) => (r.sro ? rowName(r.sro) : null) },
  { header: usualHeadings.owners, width: 18, value: (r) => r.owners.map(rowName).join('; ') || null },
  { header: usualHeadings.plan, width: 30, value: (r) => r.plan },
  { header: usualHeadings.timescale, width: 14, value: timescaleText },
  { header: usualHeadings.confidence, width: 11, value: confidenceCell, rag: (r) => confidenceRag[r.confidence] },
  { header: usualHeadings.confidenceNarrative, width: 28, value: (r) => r.confidenceNarrative },
  { header: usualHeadings.progress, width: 34, value: (r) => r.latestProgress },
  { header: usualHeadings.lastUpdated, width: 12, value: lastUpdated, numFmt: 'd mmm yyyy' },
  { header: 'Status', width: 12, value: (r) => boardStatusLabels[r.status] },
  { header: 'Stale', width: 9, value: staleCell, rag: (r) => (r.stale ? 'red' : null) },
  { header: 'Overdue', width: 9, value: (r) => yesNo(r.overdue), rag: (r) => (r.overdue ? 'red' : null) },
];

/**
 * The familiar columns with stale headed in the words of the email and the Summary (noUpdateColumn: "No
 * update for 28+ days"), so that whoever filters by it finds the figure they read: the pack and the
 * export alike. The caller words it: here, the board's wording would join the export's lazy chunk and
 * split one more file off the http Lambda's start-up.
 */
export function planColumnsFor(staleHeader: string): PlanColumn[] {
  return planColumns.map((column) => (column.value === staleCell ? { ...column, header: staleHeader } : column));
}
