import * as z from '../zod.js';
import { IsoInstant } from '../model/action.js';
import { skipReasons } from './reminder-plan.js';
import { classifySendFailure, sendFailureReasons } from '../send-failure.js';

const failedEmail = { personId: z.string(), kind: z.enum(['reminder', 'escalation']) };

/**
 * Reports stored before the reason was classified kept SES's text, which may name the address: such an
 * entry is read as its reason and the text dropped, so the console still says why and never shows it.
 */
const StoredFailedEmail = z.pipe(
  z.object({ ...failedEmail, error: z.string() }),
  z.transform(({ personId, kind, error }) => ({ personId, kind, reason: classifySendFailure(error) })),
);

/** What one reminder run did: logged as one JSON line and stored for the admin console. */
export const RunReport = z.object({
  job: z.literal('reminders'),
  runId: z.string().check(z.minLength(1)),
  startedAt: IsoInstant,
  finishedAt: IsoInstant,
  period: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  workingDay: z.boolean(),
  dryRun: z.boolean(),
  staleActions: z.number().check(z.int(), z.nonnegative()),
  /** Distinct owners of the stale actions, reachable or not. */
  owners: z.number().check(z.int(), z.nonnegative()),
  peopleReminded: z.number().check(z.int(), z.nonnegative()),
  escalations: z.number().check(z.int(), z.nonnegative()),
  /** Digests re-sent because an earlier run crashed before confirming them (see deliver-digest.ts). */
  recovered: z.number().check(z.int(), z.nonnegative()),
  /** Digests another run claimed first (concurrent runs): not sent by this one. */
  claimedElsewhere: z.number().check(z.int(), z.nonnegative()),
  /** Sent, but the outcome could not be recorded; counted as not sent, so resent on the next working day. */
  unconfirmed: z.number().check(z.int(), z.nonnegative()),
  skipped: z.partialRecord(z.enum(skipReasons), z.number().check(z.int(), z.nonnegative())),
  failures: z.number().check(z.int(), z.nonnegative()),
  /** Why each email failed as a reason code (send-failure.ts), never SES's text. */
  failed: z.array(z.union([z.object({ ...failedEmail, reason: z.enum(sendFailureReasons) }), StoredFailedEmail])),
});
export type RunReport = z.infer<typeof RunReport>;

/** Where run reports are kept: newest first, read by key, never scanned. */
export interface RunReportStore {
  save(report: RunReport): Promise<void>;
  listRecent(limit: number): Promise<RunReport[]>;
}
