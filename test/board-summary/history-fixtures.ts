import type { Action, Confidence, Timescale } from '../../functions/core/model/action.js';
import type { ActionPatch, Update } from '../../functions/core/model/update.js';
import { makeAction, makeUpdate } from '../support/make-action.js';

export const config = { timeZone: 'Europe/London', staleAfterDays: 28 };

export const timescale = (target: string | null): Timescale => ({ text: null, target, originalTarget: target, revisions: [] });

/** One update that changes one field, recording what it was, as the use cases write them. */
export function change<K extends keyof ActionPatch>(
  action: Action,
  version: number,
  at: string,
  field: K,
  from: ActionPatch[K],
  to: ActionPatch[K],
  countsAsProgress = true,
): Update {
  return makeUpdate({ actionId: action.id, version, at, patch: { [field]: to }, changes: [{ field, from, to }], countsAsProgress });
}

export function progress(action: Action, version: number, at: string): Update {
  return makeUpdate({ actionId: action.id, version, at, patch: { latestProgress: `Progress at ${at}` }, changes: [] });
}

export function action(id: string, ref: string, overrides: Partial<Action> = {}): Action {
  return makeAction({ id, ref, createdAt: '2026-01-05T09:00:00.000Z', lastUpdatedAt: '2026-09-25T09:00:00.000Z', ...overrides });
}

export const rated = (confidence: Confidence) => ({ confidence });
