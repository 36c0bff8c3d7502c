import type { PlanRow } from '../../core/board-summary/snapshot.js';
import { planColumns, timescaleText, type PlanColumn } from './plan-columns.js';

/**
 * The sheet's wording where a target was read from it: "Phase One completed by March 26" says more than
 * "March 2026". Without a target the Timescale column shows the wording already, and an Excel date is
 * kept as the target itself, which says nothing more.
 */
function timescaleAsWritten(row: PlanRow): string | null {
  const { text, target } = row.timescale;
  return text !== null && target !== null && text !== target ? text : null;
}

/** The familiar columns with the timescale as written beside the target read from it (the pack's alone: planColumns also lays out the console's export). */
export const packColumns: PlanColumn[] = planColumns.flatMap((column) =>
  column.value === timescaleText ? [column, { header: 'Timescale as written', width: 18, value: timescaleAsWritten }] : [column],
);
