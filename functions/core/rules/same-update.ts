import { isDeepStrictEqual } from 'node:util';
import { Update } from '../model/update.js';

/**
 * Whether a stored history entry is this very update (a retry), whatever order its attributes come back
 * in. Both adapters use it, so that a retried save succeeds once and never duplicates history.
 */
export function sameUpdate(stored: Update | null | undefined, update: Update): boolean {
  const normalise = (entry: Update): unknown => JSON.parse(JSON.stringify(Update.parse(entry)));
  return stored != null && isDeepStrictEqual(normalise(stored), normalise(update));
}
