import type { Action, Timescale } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { Update } from '../model/update.js';
import type { PlanField } from './match-headings.js';
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

/** The action's fields each column of the plan gives; accepted gives the status too (open, or not accepted). */
const fieldsOfColumn: Partial<Record<PlanField, ReadonlyArray<keyof Action>>> = {
  area: ['area'], evidence: ['evidence'], accepted: ['accepted', 'status'], sro: ['sroId'], owners: ['ownerIds', 'unmatchedNames'],
  plan: ['plan'], timescale: ['timescale'], confidence: ['confidence'], confidenceNarrative: ['confidenceNarrative'],
  progress: ['latestProgress'], lastUpdated: ['lastUpdatedAt'],
};

/** A merged action with the stored values of the fields the file has no column for: it says nothing about them. */
export function keepAbsent(merged: Action, stored: Action, absent: readonly PlanField[]): Action {
  const kept = absent.flatMap((column) => fieldsOfColumn[column] ?? []);
  return { ...merged, ...Object.fromEntries(kept.map((field) => [field, stored[field]])) };
}

/** Statuses that only history sets (a closure, its proposal, a supersession): an import keeps them. */
const historyStatuses = new Set<Action['status']>(['proposed-closure', 'closed', 'superseded']);

/**
 * An action as re-imported over the stored one. The seed (area, ref, text, evidence, acceptance,
 * SRO, owners, plan, kind) comes from the file, except owners or an SRO that would hand the action
 * back to someone who has left (see ownersAfterImport). The progress fields
 * (latest progress, last updated, confidence and its narrative, timescale) come from whichever is
 * newer, the file's Last Updated or the stored one (see progressSource): an owner's update through
 * their link is not undone by importing an older sheet. A changed target is recorded as a timescale
 * revision, and the original target is never replaced. Version, createdAt and reopenedAt stay as
 * stored; the caller bumps the version when something changed. `storedFromSheet` says whether the
 * stored progress was itself read from a sheet (see cameFromSheet).
 */
export function mergeAction(existing: Action, imported: Action, now: Date, directory: Directory, storedFromSheet = false): Action {
  const source = progressSource(existing.lastUpdatedAt, imported.lastUpdatedAt, storedFromSheet);
  const storedIsNewer = source === 'stored';
  const progress = storedIsNewer ? existing : imported;
  const returning = returningLeavers(existing, imported, directory);
  return {
    ...imported,
    ...ownersAfterImport(existing, imported, returning),
    sroId: returning.sro ? existing.sroId : imported.sroId,
    latestProgress: progress.latestProgress,
    lastUpdatedAt: source === 'file' ? imported.lastUpdatedAt : existing.lastUpdatedAt,
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
 * A sheet only says the month it was updated, so it wins with a later month than the stored update,
 * or with exactly the stored time (the stored progress came from the sheet itself, and a corrected
 * sheet may be re-imported). In the same month, an owner's update is kept; progress read from an
 * earlier sheet gives way to the file's (a sheet imported in the month of its Last Updated was dated
 * the day of that import, which a later import of the corrected sheet cannot give again), and keeps its
 * stored time, so that importing the same sheet again is no change.
 */
function progressSource(stored: string | null, imported: string | null, storedFromSheet: boolean): 'stored' | 'file' | 'file-at-stored-time' {
  if (stored === null || stored === imported) return 'file';
  if (imported === null || stored.slice(0, 7) > imported.slice(0, 7)) return 'stored';
  if (stored.slice(0, 7) < imported.slice(0, 7)) return 'file';
  return storedFromSheet ? 'file-at-stored-time' : 'stored';
}

/** Whether two Last Updated times differ within one month, the one case where who gave the stored one matters. */
export function differInMonth(stored: string | null, imported: string | null): boolean {
  return stored !== null && imported !== null && stored !== imported && stored.slice(0, 7) === imported.slice(0, 7);
}

/**
 * Whether an action's stored progress was read from a sheet: no person's update has moved its last
 * updated time since an import set it (the import that created the action, or a later one).
 */
export function cameFromSheet(history: readonly Update[]): boolean {
  const last = history.findLast((u) => u.countsAsProgress || u.patch.lastUpdatedAt !== undefined);
  return last === undefined || last.via === 'import';
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
