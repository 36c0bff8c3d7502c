import * as z from '../zod.js';

export const actionKinds = ['recommendation', 'afi', 'cause-of-concern'] as const;
export const ActionKind = z.enum(actionKinds);
export type ActionKind = z.infer<typeof ActionKind>;

export const statuses = ['open', 'proposed-closure', 'closed', 'not-accepted', 'superseded'] as const;
export const Status = z.enum(statuses);
export type Status = z.infer<typeof Status>;

export const confidences = ['high', 'medium', 'low', 'not-set'] as const;
export const Confidence = z.enum(confidences);
export type Confidence = z.infer<typeof Confidence>;
/** The words for each rating, as pages, emails and the spreadsheet write them. */
export const confidenceLabels: Record<Confidence, string> = { high: 'High', medium: 'Medium', low: 'Low', 'not-set': 'Not set' };

/** A target month ("2027-03") or day ("2027-03-31"); a month target is due at the end of that month. */
export const TargetDate = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must be a month (YYYY-MM) or a date (YYYY-MM-DD)'));
export type TargetDate = z.infer<typeof TargetDate>;

export const IsoInstant = z.iso.datetime({ offset: true });

export const TimescaleRevision = z.object({
  at: IsoInstant,
  by: z.string().check(z.minLength(1)),
  from: z.nullable(TargetDate),
  to: z.nullable(TargetDate),
  reason: z.string().check(z.minLength(1), z.maxLength(2000)),
});
export type TimescaleRevision = z.infer<typeof TimescaleRevision>;

/**
 * Real plans hold free text here ("Awaiting new timescale", "Sep-17 - Feb/March-18."):
 * `text` keeps what was written, `target` is what could be read from it, and the first
 * target is kept in `originalTarget` however often it is revised.
 */
export const Timescale = z.object({
  text: z.nullable(z.string().check(z.maxLength(500))),
  target: z.nullable(TargetDate),
  originalTarget: z.nullable(TargetDate),
  revisions: z.array(TimescaleRevision),
});
export type Timescale = z.infer<typeof Timescale>;

export const Accepted = z.object({
  value: z.nullable(z.boolean()),
  rationale: z.nullable(z.string().check(z.maxLength(5000))),
});

export const ActionId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and hyphens'));

export const Action = z.object({
  id: ActionId,
  kind: ActionKind,
  area: z.string().check(z.maxLength(200)),
  ref: z.string().check(z.minLength(1), z.maxLength(100)),
  evidence: z.nullable(z.string().check(z.maxLength(20000))),
  text: z.string().check(z.minLength(1), z.maxLength(20000)),
  accepted: Accepted,
  sroId: z.nullable(z.string()),
  /** The first owner is the lead. */
  ownerIds: z.array(z.string()),
  /** Names from an import that matched nobody in the directory, kept for an admin to resolve. */
  unmatchedNames: z.array(z.string()),
  plan: z.nullable(z.string().check(z.maxLength(20000))),
  timescale: Timescale,
  confidence: Confidence,
  confidenceNarrative: z.nullable(z.string().check(z.maxLength(20000))),
  latestProgress: z.nullable(z.string().check(z.maxLength(20000))),
  /** Null when the action has never been updated: such an action is always stale. */
  lastUpdatedAt: z.nullable(IsoInstant),
  /**
   * When the action last became open again (a closure returned, an action reopened): its owners are
   * chased from then, not from an update they made before it was closed. Absent from older items.
   */
  reopenedAt: z._default(z.nullable(IsoInstant), null),
  status: Status,
  version: z.number().check(z.int(), z.nonnegative()),
  createdAt: IsoInstant,
});
export type Action = z.infer<typeof Action>;
