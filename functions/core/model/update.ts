import * as z from '../zod.js';
import { Action, Confidence, IsoInstant, Status, Timescale } from './action.js';

export const updateSources = ['link', 'admin', 'import'] as const;
export const UpdateSource = z.enum(updateSources);
export type UpdateSource = z.infer<typeof UpdateSource>;

/**
 * The fields an update may change, with their new values. The seed fields (the inspection's wording,
 * the plan, acceptance, unmatched names) change only by an admin's edit or an import, and go through
 * the history too. `lastUpdatedAt` is set only by an import: the sheet's Last Updated, not the import's time.
 */
export const ActionPatch = z.partial(
  z.object({
    latestProgress: z.nullable(z.string().check(z.maxLength(20000))),
    confidence: Confidence,
    confidenceNarrative: z.nullable(z.string().check(z.maxLength(20000))),
    timescale: Timescale,
    status: Status,
    ownerIds: z.array(z.string()),
    sroId: z.nullable(z.string()),
    ...z.pick(Action, { kind: true, area: true, ref: true, evidence: true, text: true, plan: true, accepted: true, unmatchedNames: true, lastUpdatedAt: true }).shape,
  }),
);
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
  version: z.number().check(z.int(), z.positive()),
  at: IsoInstant,
  by: z.string().check(z.minLength(1)),
  /** Set when an admin records an update on an owner's behalf. */
  onBehalfOf: z.nullable(z.string()),
  via: UpdateSource,
  patch: ActionPatch,
  changes: z.array(FieldChange),
  /** Whether the update moves lastUpdatedAt (a progress update does; a reassignment does not). */
  countsAsProgress: z.boolean(),
});
export type Update = z.infer<typeof Update>;
