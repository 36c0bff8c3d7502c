import { readFile } from 'node:fs/promises';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { formatImportReport } from '../../functions/core/import/format-import-report.js';
import type { CoreDeps } from '../../functions/runtime/compose.js';

/** Loads the demo plan and directory on first start; false when the table already holds a plan. */
export async function loadDemoForce(deps: CoreDeps): Promise<boolean> {
  if ((await deps.repository.listActions()).length > 0) return false;
  const [plan, people] = await Promise.all([
    readFile(new URL('./demo/action-plan.csv', import.meta.url)),
    readFile(new URL('./demo/people.csv', import.meta.url)),
  ]);
  const report = await importSpreadsheets(deps.repository, { plan, people }, { now: deps.clock.now() });
  if (report.outcome !== 'written') throw new Error(`The demo data did not load:\n${formatImportReport(report)}`);
  return true;
}
