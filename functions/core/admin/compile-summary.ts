import { Month } from '../board-summary/month.js';
import type { Snapshot } from '../board-summary/snapshot.js';
import { runBoardSummary, type BoardSummaryRun, type RunBoardSummaryDeps } from '../board-summary/run-board-summary.js';
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
    change: 'compile-summary',
    target: { type: 'summary', id: run.month },
    before: null,
    after: { kept: run.kept, sent: run.sent, failed: run.failed.map((f) => f.recipient) },
  });
  return { ok: true, run };
}

export type PreviewSummaryResult = { ok: true; snapshot: Snapshot; kept: boolean } | { ok: false; message: string };

/**
 * What "Compile and send" would send, before the board gets it: the same run as a dry run, which
 * keeps nothing and emails nobody, so a GET may ask for it. A month kept already shows as kept.
 */
export async function previewSummary(deps: RunBoardSummaryDeps, form: { month?: unknown }, now: Date): Promise<PreviewSummaryResult> {
  const month = readMonth(form.month);
  if (!month) return { ok: false, message: 'Enter the month to preview, like October 2026' };
  const run = await runBoardSummary(deps, { month, dryRun: true, now });
  return run.outcome === 'dry-run' ? { ok: true, snapshot: run.snapshot, kept: run.kept } : { ok: false, message: run.message };
}
