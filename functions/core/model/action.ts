import * as z from 'zod';

export const actionKinds = ['recommendation', 'afi', 'cause-of-concern'] as const;
export const ActionKind = z.enum(actionKinds);
export type ActionKind = z.infer<typeof ActionKind>;

export const statuses = ['open', 'proposed-closure', 'closed', 'not-accepted', 'superseded'] as const;
export const Status = z.enum(statuses);
export type Status = z.infer<typeof Status>;

export const confidences = ['high', 'medium', 'low', 'not-set'] as const;
export const Confidence = z.enum(confidences);
export type Confidence = z.infer<typeof Confidence>;

/** A target month ("2027-03") or day ("2027-03-31"); a month target is due at the end of that month. */
export const TargetDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must be a month (YYYY-MM) or a date (YYYY-MM-DD)');
export type TargetDate = z.infer<typeof TargetDate>;

export const IsoInstant = z.iso.datetime({ offset: true });

export const TimescaleRevision = z.object({
  at: IsoInstant,
  by: z.string().min(1),
  from: TargetDate.nullable(),
  to: TargetDate.nullable(),
  reason: z.string().min(1).max(2000),
});
export type TimescaleRevision = z.infer<typeof TimescaleRevision>;

/**
 * Real plans hold free text here ("Awaiting new timescale", "Sep-17 - Feb/March-18."):
 * `text` keeps what was written, `target` is what could be read from it, and the first
 * target is kept in `originalTarget` however often it is revised.
 */
export const Timescale = z.object({
  text: z.string().max(500).nullable(),
  target: TargetDate.nullable(),
  originalTarget: TargetDate.nullable(),
  revisions: z.array(TimescaleRevision),
});
export type Timescale = z.infer<typeof Timescale>;

export const Accepted = z.object({
  value: z.boolean().nullable(),
  rationale: z.string().max(5000).nullable(),
});

export const ActionId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and hyphens');

export const Action = z.object({
  id: ActionId,
  kind: ActionKind,
  area: z.string().max(200),
  ref: z.string().min(1).max(100),
  evidence: z.string().max(20000).nullable(),
  text: z.string().min(1).max(20000),
  accepted: Accepted,
  sroId: z.string().nullable(),
  /** The first owner is the lead. */
  ownerIds: z.array(z.string()),
  /** Names from an import that matched nobody in the directory, kept for an admin to resolve. */
  unmatchedNames: z.array(z.string()),
  plan: z.string().max(20000).nullable(),
  timescale: Timescale,
  confidence: Confidence,
  confidenceNarrative: z.string().max(20000).nullable(),
  latestProgress: z.string().max(20000).nullable(),
  /** Null when the action has never been updated: such an action is always stale. */
  lastUpdatedAt: IsoInstant.nullable(),
  status: Status,
  version: z.number().int().nonnegative(),
  createdAt: IsoInstant,
});
export type Action = z.infer<typeof Action>;
