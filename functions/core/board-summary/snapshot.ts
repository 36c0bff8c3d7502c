import * as z from '../zod.js';
import { Accepted, ActionKind, Confidence, IsoInstant, Status, TargetDate } from '../model/action.js';
import { Month } from './month.js';

/** A person as the plan names them: `id` is null for a name the import could not match. */
export const NamedPerson = z.object({ id: z.nullable(z.string()), name: z.string() });
export type NamedPerson = z.infer<typeof NamedPerson>;

/** One action as it stood at month end, with names resolved, so a stored pack never depends on today's directory. */
export const PlanRow = z.object({
  id: z.string(),
  kind: ActionKind,
  area: z.string(),
  ref: z.string(),
  evidence: z.nullable(z.string()),
  text: z.string(),
  accepted: Accepted,
  sro: z.nullable(NamedPerson),
  owners: z.array(NamedPerson),
  plan: z.nullable(z.string()),
  timescale: z.object({ text: z.nullable(z.string()), target: z.nullable(TargetDate), originalTarget: z.nullable(TargetDate) }),
  confidence: Confidence,
  confidenceNarrative: z.nullable(z.string()),
  latestProgress: z.nullable(z.string()),
  lastUpdatedAt: z.nullable(IsoInstant),
  status: Status,
  stale: z.boolean(),
  overdue: z.boolean(),
  createdAt: IsoInstant,
});
export type PlanRow = z.infer<typeof PlanRow>;

/**
 * Counts by status add up to `total`; stale, overdue, noTimescale and noConfidence count open actions.
 * Summaries kept before closed, notAcceptedOrSuperseded and noConfidence were counted lack them.
 */
export const HeadlineFigures = z.object({
  /** Every action in the plan at month end, whatever its status. */
  total: z.number().check(z.int()),
  open: z.number().check(z.int()),
  /** Owner says done, awaiting sign-off. */
  proposedClosure: z.number().check(z.int()),
  closed: z.optional(z.number().check(z.int())),
  notAcceptedOrSuperseded: z.optional(z.number().check(z.int())),
  closedThisMonth: z.number().check(z.int()),
  stale: z.number().check(z.int()),
  overdue: z.number().check(z.int()),
  /** Open actions with no target the importer or an owner could read. */
  noTimescale: z.number().check(z.int()),
  noConfidence: z.optional(z.number().check(z.int())),
});
export type HeadlineFigures = z.infer<typeof HeadlineFigures>;

export const ConfidenceCounts = z.object({ high: z.number().check(z.int()), medium: z.number().check(z.int()), low: z.number().check(z.int()), 'not-set': z.number().check(z.int()) });
export type ConfidenceCounts = z.infer<typeof ConfidenceCounts>;

/** Open actions of one area by confidence in their timescale. */
export const AreaConfidence = z.object({ area: z.string(), counts: ConfidenceCounts, total: z.number().check(z.int()) });
export type AreaConfidence = z.infer<typeof AreaConfidence>;

export const MovedAction = z.object({ id: z.string(), ref: z.string(), area: z.string() });
export type MovedAction = z.infer<typeof MovedAction>;

/** How far it moved is worked out from `from` and `to` where shown (describeTargetMove); summaries kept before that held a `months` count, which reading drops. */
export const Retimed = z.extend(MovedAction, {
  from: z.nullable(TargetDate),
  to: z.nullable(TargetDate),
});
export type Retimed = z.infer<typeof Retimed>;

/** Taken off the plan's work by a decision: not accepted, or superseded by another action. */
export const SetAside = z.extend(MovedAction, { to: z.enum(['not-accepted', 'superseded']) });
export type SetAside = z.infer<typeof SetAside>;

/** Back in the plan's work from a decision that had ended it: closed, not accepted or superseded, now open or proposed for closure. */
export const Reopened = z.extend(MovedAction, {
  // Absent from the few kept while only closed-to-open was listed.
  from: z._default(z.enum(['closed', 'not-accepted', 'superseded']), 'closed'),
  to: z._default(z.enum(['open', 'proposed-closure']), 'open'),
});
export type Reopened = z.infer<typeof Reopened>;

export const ConfidenceDrop = z.extend(MovedAction, { from: Confidence, to: Confidence });
export type ConfidenceDrop = z.infer<typeof ConfidenceDrop>;

/**
 * What moved between last month's end and this month's. `basis` says where "last month" came from:
 * the stored snapshot, or (for the first summary) the history replayed to last month's end.
 */
export const Movement = z.object({
  basis: z.enum(['previous-snapshot', 'history']),
  /**
   * Set when the plan did not exist at last month's end: when its first action was added. Nothing is
   * compared then, so every list is empty (summaries kept before this listed every action as new).
   */
  planLoadedAt: z.optional(IsoInstant),
  newActions: z.array(MovedAction),
  /** Proposed for closure by its owners, and still awaiting sign-off. Absent from summaries kept before it was listed. */
  proposedClosure: z._default(z.array(MovedAction), []),
  closed: z.array(MovedAction),
  /** Closed or set aside at last month's end, in the plan's work now. Absent from summaries kept before it was listed. */
  reopened: z._default(z.array(Reopened), []),
  /** Not accepted or superseded now, and not then. Absent from summaries kept before it was listed. */
  setAside: z._default(z.array(SetAside), []),
  retimed: z.array(Retimed),
  confidenceDropped: z.array(ConfidenceDrop),
  becameStale: z.array(MovedAction),
  becameOverdue: z.array(MovedAction),
});
export type Movement = z.infer<typeof Movement>;

export const StaleOwner = z.object({ id: z.nullable(z.string()), name: z.string(), count: z.number().check(z.int()), refs: z.array(z.string()) });
export type StaleOwner = z.infer<typeof StaleOwner>;

/** The owners of stale actions left off the list, and the fewest and most stale actions one of them has. */
export const OtherStaleOwners = z.object({ owners: z.number().check(z.int()), fewest: z.number().check(z.int()), most: z.number().check(z.int()) });
export type OtherStaleOwners = z.infer<typeof OtherStaleOwners>;

export const BoardSummary = z.object({
  month: Month,
  /** The instant the figures describe: the month's last instant, or now for a month not over yet. */
  asAt: IsoInstant,
  compiledAt: IsoInstant,
  timeZone: z.string(),
  staleAfterDays: z.number().check(z.int()),
  figures: HeadlineFigures,
  confidenceByArea: z.array(AreaConfidence),
  movement: Movement,
  /** The owners with the most stale actions, most first. */
  staleOwners: z.array(StaleOwner),
  /** Unset when nobody was left off, or in a summary kept before those left off were counted. */
  otherStaleOwners: z.optional(OtherStaleOwners),
  /** Refs of stale actions that have no owner, whom no owners list names; unset when none (or kept before they were). */
  ownerlessStale: z.optional(z.array(z.string())),
  /**
   * Refs the email names beside the figures, so that the board sees which: open actions past their
   * target, most overdue first, and closures awaiting sign-off, longest waiting first. Unset in summaries
   * kept before the email named them.
   */
  needsBoard: z.optional(z.object({ overdue: z.array(z.string()), awaitingSignOff: z.array(z.string()) })),
});
export type BoardSummary = z.infer<typeof BoardSummary>;

/** What is kept for every month: the summary and the plan as it stood, enough to rebuild the pack exactly. */
export const Snapshot = z.object({
  schemaVersion: z.literal(1),
  summary: BoardSummary,
  plan: z.array(PlanRow),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** One line of the list of kept summaries. */
export const SummaryListing = z.object({ month: Month, compiledAt: IsoInstant, figures: HeadlineFigures });
export type SummaryListing = z.infer<typeof SummaryListing>;
