import type { Action, Timescale } from '../model/action.js';
import type { Person } from '../model/person.js';
import { ownersAfterImport, returningLeavers, type Directory } from './leavers.js';
import { saysOnlyTarget } from './parse-timescale.js';

/** Same value, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/**
 * The directory entry from the file, keeping what only the system knows (bounces, deactivation) and
 * the aliases added in the admin console (an owner's spelling resolved in an import preview), which the
 * file does not list: re-importing the directory must not undo that resolution.
 */
export function mergePerson(existing: Person | undefined, imported: Person): Person {
  if (!existing) return imported;
  const listed = new Set(imported.aliases.map((a) => a.toLowerCase()));
  const aliases = [...imported.aliases, ...existing.aliases.filter((a) => !listed.has(a.toLowerCase()))];
  return { ...imported, aliases, active: existing.active, mailStatus: existing.mailStatus };
}

/** Statuses that only history sets (a closure, its proposal, a supersession): an import keeps them. */
const historyStatuses = new Set<Action['status']>(['proposed-closure', 'closed', 'superseded']);

/**
 * An action as re-imported over the stored one. The seed (area, ref, text, evidence, acceptance,
 * SRO, owners, plan, kind) comes from the file, except owners or an SRO that would hand the action
 * back to someone who has left (see ownersAfterImport). The progress fields
 * (latest progress, last updated, confidence and its narrative, timescale) come from whichever is
 * newer, the file's Last Updated or the stored one: an owner's update through their link is not
 * undone by importing an older sheet. A changed target is recorded as a timescale revision, and the
 * original target is never replaced. Version, createdAt and reopenedAt stay as stored; the caller
 * bumps the version when something changed.
 */
export function mergeAction(existing: Action, imported: Action, now: Date, directory: Directory): Action {
  const storedIsNewer = isStoredNewer(existing.lastUpdatedAt, imported.lastUpdatedAt);
  const progress = storedIsNewer ? existing : imported;
  const returning = returningLeavers(existing, imported, directory);
  return {
    ...imported,
    ...ownersAfterImport(existing, imported, returning),
    sroId: returning.sro ? existing.sroId : imported.sroId,
    latestProgress: progress.latestProgress,
    lastUpdatedAt: progress.lastUpdatedAt,
    confidence: progress.confidence,
    confidenceNarrative: progress.confidenceNarrative,
    timescale: storedIsNewer ? existing.timescale : mergeTimescale(existing.timescale, imported.timescale, now),
    status: historyStatuses.has(existing.status) ? existing.status : imported.status,
    reopenedAt: existing.reopenedAt,
    version: existing.version,
    createdAt: existing.createdAt,
  };
}

/**
 * A sheet only says the month it was updated, so it wins only with a later month than the stored
 * update, or with exactly the stored time (the stored progress came from the sheet itself, and a
 * corrected sheet may be re-imported). An owner's update in the same month as the sheet's is kept.
 */
function isStoredNewer(stored: string | null, imported: string | null): boolean {
  if (stored === null || stored === imported) return false;
  return imported === null || stored.slice(0, 7) >= imported.slice(0, 7);
}

function mergeTimescale(stored: Timescale, imported: Timescale, now: Date): Timescale {
  const moved = stored.target !== imported.target;
  return {
    // A file that gives only the same target (a month cell, the export's "March 2027") says nothing
    // against the wording kept from the plan ("Sep-26 - Feb/March-27."), so that wording stays.
    text: !moved && saysOnlyTarget(imported) ? stored.text : imported.text,
    target: imported.target,
    originalTarget: stored.originalTarget ?? imported.target,
    revisions: moved
      ? [...stored.revisions, { at: now.toISOString(), by: 'import', from: stored.target, to: imported.target, reason: 'The target was changed in the imported plan' }]
      : stored.revisions,
  };
}
