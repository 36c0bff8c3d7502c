import { readFile } from 'node:fs/promises';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { formatImportReport } from '../../functions/core/import/format-import-report.js';
import type { CoreDeps } from '../../functions/runtime/compose.js';

/**
 * The demo sheet was last updated in October 2026, and it is loaded as of the end of that month (or now,
 * if earlier). Loaded as of today, the plan would not have existed in any month that has ended, so the
 * board summary of every past month would be empty; this way the demo always has October to compile.
 */
const demoLoadedAt = new Date('2026-10-30T17:00:00Z');

/** Loads the demo plan and directory on first start; false when the table already holds a plan. */
export async function loadDemoForce(deps: CoreDeps): Promise<boolean> {
  if ((await deps.repository.listActions()).length > 0) return false;
  const [plan, people] = await Promise.all([
    readFile(new URL('./demo/action-plan.csv', import.meta.url)),
    readFile(new URL('./demo/people.csv', import.meta.url)),
  ]);
  const report = await importSpreadsheets(deps.repository, { plan, people }, { now: new Date(Math.min(deps.clock.now().getTime(), demoLoadedAt.getTime())) });
  if (report.outcome !== 'written') throw new Error(`The demo data did not load:\n${formatImportReport(report)}`);
  return true;
}
