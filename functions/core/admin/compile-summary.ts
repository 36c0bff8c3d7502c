import { addMonths, endOfMonth, Month } from '../board-summary/month.js';
import type { Snapshot } from '../board-summary/snapshot.js';
import { boardRecipients, runBoardSummary, type BoardSummaryRun, type RunBoardSummaryDeps } from '../board-summary/run-board-summary.js';
import { boardSendStatus, type BoardSendStatus } from '../board-summary/summary-store.js';
import type { LocalDate } from '../calendar/local-date.js';
import { firstWorkingDayOfMonth } from '../calendar/working-days.js';
import type { ForceConfig } from '../config/force-config.js';
import { InvalidInputError } from '../errors.js';
import { findDates } from '../import/find-dates.js';
import type { AuditLog } from './audit-log.js';

/** The month as an admin may write it: "2026-10", "October 2026", "Oct-26", as plans write months. */
export function readMonth(raw: unknown): Month | null {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const written = Month.safeParse(text);
  if (written.success) return written.data;
  const found = findDates(text);
  return found.length === 1 ? found[0]!.slice(0, 7) : null;
}

export type CompileSummaryResult =
  | { ok: true; run: Extract<BoardSummaryRun, { outcome: 'done' }> }
  | { ok: false; message: string };

/**
 * An admin compiles a month's board summary on demand (a month missed, or the first after go-live):
 * the same run as the scheduled job, so the month is kept once and the board emailed once, and audited.
 */
export async function compileSummaryOnDemand(
  deps: RunBoardSummaryDeps & { audit: AuditLog },
  actor: { email: string },
  form: { month?: unknown },
  now: Date,
): Promise<CompileSummaryResult> {
  const month = readMonth(form.month);
  if (!month) return { ok: false, message: 'Enter the month to compile, like October 2026' };
  let run: BoardSummaryRun;
  try {
    run = await runBoardSummary(deps, { month, dryRun: false, now });
  } catch (error) {
    // The run refuses a month not yet over, in the force's time zone.
    if (error instanceof InvalidInputError) return { ok: false, message: 'Enter a month that has ended' };
    throw error;
  }
  if (run.outcome !== 'done') return { ok: false, message: run.message };
  await deps.audit.record({
    at: now.toISOString(),
    by: actor.email,
    // A month kept already was only sent again, to whoever had not had it.
    change: run.kept === 'now' ? 'compile-summary' : 'send-summary-again',
    target: { type: 'summary', id: run.month },
    before: null,
    after: { kept: run.kept, ...sendsForAudit(run) },
  });
  return { ok: true, run };
}

/** Whom a run sent the month to, whom it failed for, and whom SES's lost answer leaves unknown: addresses, for the audit log. */
export function sendsForAudit(run: Extract<BoardSummaryRun, { outcome: 'done' }>) {
  return { sent: run.sent, failed: run.failed.map((f) => f.recipient), ...(run.unconfirmed.length ? { notKnownIfSent: run.unconfirmed } : {}) };
}

/** A month not over yet: by hand from the day after its end (its compile refuses it before), by the schedule on the first working day after. */
export interface NotEndedYet {
  byHandFrom: LocalDate;
  scheduledOn: LocalDate;
}

/** Null once the month has ended in the force's time zone, as runBoardSummary judges it. */
export function notEndedYet(month: Month, config: Pick<ForceConfig, 'timeZone' | 'bankHolidays'>, now: Date): NotEndedYet | null {
  if (endOfMonth(month, config.timeZone).getTime() < now.getTime()) return null;
  const next = addMonths(month, 1);
  return { byHandFrom: `${next}-01`, scheduledOn: firstWorkingDayOfMonth(next, config) };
}

export type PreviewSummaryResult =
  | { ok: true; snapshot: Snapshot; kept: boolean; board: BoardSendStatus; notEnded: NotEndedYet | null }
  | { ok: false; message: string };

/**
 * What "Compile and send" would send, before the board gets it: the same run as a dry run, which
 * keeps nothing and emails nobody, so a GET may ask for it. A month kept already shows as kept, with
 * which board members have had it, so that sending it again is offered only to those who have not. A
 * month not over yet shows its figures so far, and when it can be sent, since its compile is refused.
 */
export async function previewSummary(deps: RunBoardSummaryDeps, form: { month?: unknown }, now: Date): Promise<PreviewSummaryResult> {
  const month = readMonth(form.month);
  if (!month) return { ok: false, message: 'Enter the month to preview, like October 2026' };
  const run = await runBoardSummary(deps, { month, dryRun: true, now });
  if (run.outcome !== 'dry-run') return { ok: false, message: run.message };
  const board = run.kept ? await findBoardSendStatus(deps, month, now) : boardSendStatus(boardRecipients(deps.config, await deps.repository.listPeople()), [], now);
  return { ok: true, snapshot: run.snapshot, kept: run.kept, board, notEnded: notEndedYet(month, deps.config, now) };
}

/** Which of the config's board members have had a kept month, which are being sent it, and which have not. */
export async function findBoardSendStatus(deps: Pick<RunBoardSummaryDeps, 'config' | 'summaries' | 'repository'>, month: Month, now: Date): Promise<BoardSendStatus> {
  const [people, claims] = await Promise.all([deps.repository.listPeople(), deps.summaries.listSendClaims(month)]);
  return boardSendStatus(boardRecipients(deps.config, people), claims, now);
}
