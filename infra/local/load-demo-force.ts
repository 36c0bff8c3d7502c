import type { CoreDeps } from '../../functions/runtime/compose.js';

/** Loads the demo plan and directory on first start; false when the table already holds a plan. */
export async function loadDemoForce(deps: CoreDeps, log: (line: string) => void): Promise<boolean> {
  if ((await deps.repository.listActions()).length > 0) return false;
  log('(demo loading arrives with the importer)');
  return false;
}
