import * as z from '../zod.js';
import type { Action } from '../model/action.js';
import { ActionPatch, type FieldChange, type Update } from '../model/update.js';

/** What a patch would change on an action: only the fields whose value really differs. */
export function diffPatch(action: Action, patch: ActionPatch): FieldChange[] {
  return Object.entries(patch)
    .filter(([field, to]) => JSON.stringify(action[field as keyof Action]) !== JSON.stringify(to))
    .map(([field, to]) => ({ field, from: action[field as keyof Action], to }));
}

/**
 * What a progress update does to lastUpdatedAt, recorded with the rest of its changes: the time it
 * replaced is then in the history, so a board summary of a past month can wind it back.
 */
export function progressChange(action: Action, at: string): FieldChange {
  return { field: 'lastUpdatedAt', from: action.lastUpdatedAt, to: at };
}

/** The action as it stands after an update: the one place where history turns into state. */
export function applyUpdate(action: Action, update: Update): Action {
  return {
    ...action,
    ...update.patch,
    lastUpdatedAt: update.patch.lastUpdatedAt !== undefined ? update.patch.lastUpdatedAt : update.countsAsProgress ? update.at : action.lastUpdatedAt,
    reopenedAt: isReopening(update) ? update.at : action.reopenedAt,
    version: update.version,
  };
}

/**
 * Whether the update made the action open again (a closure returned, a closed action reopened), read
 * from its recorded changes so that a board summary winding history back sees the same.
 */
export function isReopening(update: Pick<Update, 'changes'>): boolean {
  return update.changes.some((c) => c.field === 'status' && c.to === 'open' && c.from !== 'open');
}

/**
 * The fields an update can change, taken from the patch schema itself so that a field added there (an
 * admin's edit of the text, say) is wound back too: only these are, since `changes` also notes reasons.
 * Built on first use, off the http Lambda's start-up.
 */
let patchFields: ReadonlySet<string> | undefined;

/**
 * The action as it was before the given updates (in any order), each undone newest first from its
 * recorded changes. lastUpdatedAt and reopenedAt come back only as far as the changes record them.
 */
export function undoUpdates(action: Action, updates: readonly Update[]): Action {
  patchFields ??= new Set(z.keyof(ActionPatch).options);
  const state: Record<string, unknown> = { ...action };
  for (const update of [...updates].sort((a, b) => b.version - a.version)) {
    for (const change of update.changes) if (patchFields.has(change.field)) state[change.field] = change.from;
    state.version = update.version - 1;
  }
  return state as Action;
}
