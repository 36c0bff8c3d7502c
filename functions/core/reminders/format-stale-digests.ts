import type { StaleDigest } from './group-stale-by-owner.js';

/** Plain text for the command line: refs and ages only, as in every reminder. */
export function formatStaleDigests(digests: StaleDigest[], staleAfterDays: number): string {
  if (digests.length === 0) return `No stale actions: every open action was updated in the last ${staleAfterDays} days.`;
  const lines = digests.map((d) => {
    const refs = d.actions.map((a) => `${a.ref} (${a.daysSinceUpdate === null ? 'never updated' : `${a.daysSinceUpdate} days`})`);
    return `${d.name} <${d.email ?? 'no address: matched nobody in the directory'}>: ${d.actions.length} stale: ${refs.join(', ')}`;
  });
  const actionCount = new Set(digests.flatMap((d) => d.actions.map((a) => a.actionId))).size;
  return [`${actionCount} stale actions for ${digests.length} people (not updated in ${staleAfterDays} days):`, ...lines].join('\n');
}
