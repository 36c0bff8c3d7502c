import * as z from 'zod';
import { Action, Confidence, IsoInstant, Status, Timescale } from './action.js';

export const updateSources = ['link', 'admin', 'import'] as const;
export const UpdateSource = z.enum(updateSources);
export type UpdateSource = z.infer<typeof UpdateSource>;

/**
 * The fields an update may change, with their new values. The seed fields (the inspection's wording,
 * the plan, acceptance, unmatched names) change only by an admin's edit, and go through the history too.
 */
export const ActionPatch = z
  .object({
    latestProgress: z.string().max(20000).nullable(),
    confidence: Confidence,
    confidenceNarrative: z.string().max(20000).nullable(),
    timescale: Timescale,
    status: Status,
    ownerIds: z.array(z.string()),
    sroId: z.string().nullable(),
    ...Action.pick({ kind: true, area: true, ref: true, evidence: true, text: true, plan: true, accepted: true, unmatchedNames: true }).shape,
  })
  .partial();
export type ActionPatch = z.infer<typeof ActionPatch>;

export const FieldChange = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/**
 * One entry in an action's history, never edited or deleted. `version` is the action version this
 * update produces, so the history doubles as a write-ahead log (see the repository's saveUpdate).
 */
export const Update = z.object({
  actionId: z.string(),
  version: z.number().int().positive(),
  at: IsoInstant,
  by: z.string().min(1),
  /** Set when an admin records an update on an owner's behalf. */
  onBehalfOf: z.string().nullable(),
  via: UpdateSource,
  patch: ActionPatch,
  changes: z.array(FieldChange),
  /** Whether the update moves lastUpdatedAt (a progress update does; a reassignment does not). */
  countsAsProgress: z.boolean(),
});
export type Update = z.infer<typeof Update>;
