import type { Month } from '../board-summary/month.js';
import { runBoardSummary, type RunBoardSummaryDeps } from '../board-summary/run-board-summary.js';
import { recipientKey } from '../board-summary/summary-store.js';
import { NotFoundError } from '../errors.js';
import type { AuditLog } from './audit-log.js';
import { findBoardSendStatus, type CompileSummaryResult } from './compile-summary.js';

/**
 * An admin sends a kept month again to a board address its email bounced from, once they know the
 * address is right (IT took it off the email service's suppression list): the bounce is given back and
 * the month goes to that address alone, by the same run as "Compile and send", and is audited. Pressed
 * twice, the second finds it sent and sends nothing. Refused for an address not on the board list, or
 * one People marks as not emailable, which People puts right first.
 */
export async function sendAgainAfterBounce(
  deps: RunBoardSummaryDeps & { audit: AuditLog },
  actor: { email: string },
  month: Month,
  form: { recipient?: unknown },
  now: Date,
): Promise<CompileSummaryResult> {
  // A month never kept would be compiled and sent to the whole board by the run below.
  if (!(await deps.summaries.getSnapshot(month))) throw new NotFoundError(`The board summary for ${month}`);
  const wanted = typeof form.recipient === 'string' ? recipientKey(form.recipient) : '';
  const board = await findBoardSendStatus(deps, month, now);
  const address = [...board.bounced, ...board.had, ...board.inFlight, ...board.notHad, ...board.unreachable].find((listed) => recipientKey(listed) === wanted);
  if (!address) return { ok: false, message: `${wanted || 'That address'} is not on the config’s board list, so the summary is not sent to it. The month’s page lists who is.` };
  if (board.unreachable.includes(address) || board.bouncedInPeople.includes(address)) {
    return { ok: false, message: `People marks ${address} as bounced or as spam. Once the address works, say so on their page in People; then send the month to it from the month’s page.` };
  }
  const released = board.bounced.includes(address) && (await deps.summaries.releaseBounced(month, address));
  const run = await runBoardSummary(deps, { month, dryRun: false, now, onlyTo: [address] });
  if (run.outcome !== 'done') return { ok: false, message: run.message };
  await deps.audit.record({
    at: now.toISOString(),
    by: actor.email,
    change: 'send-summary-after-bounce',
    target: { type: 'summary', id: month },
    before: { bounced: released ? [address] : [] },
    after: { sent: run.sent, failed: run.failed.map((f) => f.recipient), ...(run.unconfirmed.length ? { notKnownIfSent: run.unconfirmed } : {}) },
  });
  return { ok: true, run };
}
