import type { Month } from '../board-summary/month.js';
import { runBoardSummary, type BoardSummaryRun, type RunBoardSummaryDeps } from '../board-summary/run-board-summary.js';
import { recipientKey } from '../board-summary/summary-store.js';
import { NotFoundError } from '../errors.js';
import type { AuditLog } from './audit-log.js';
import { findBoardSendStatus, sendsForAudit } from './compile-summary.js';

/** The kept month to one board address, by the run "Compile and send" uses. */
async function sendTo(deps: RunBoardSummaryDeps, month: Month, address: string, now: Date): Promise<Extract<BoardSummaryRun, { outcome: 'done' }>> {
  const run = await runBoardSummary(deps, { month, dryRun: false, now, onlyTo: [address] });
  // A kept month has ended, so its run sends; anything else is a fault.
  if (run.outcome !== 'done') throw new Error(run.message);
  return run;
}

export type SendAgainAfterBounceResult =
  | { kind: 'sent'; run: Extract<BoardSummaryRun, { outcome: 'done' }> }
  /**
   * Not bounced (any more), so nothing done: another press (or admin) gave it back and has sent it
   * (`had`) or is sending it now (`being-sent`); or it never bounced, or has not had it since (`not-had`).
   */
  | { kind: 'not-bounced'; stands: 'had' | 'being-sent' | 'not-had' }
  | { kind: 'refused'; message: string };

/**
 * An admin sends a kept month again to a board address its email bounced from, once they know the
 * address is right (IT took it off the email service's suppression list): the bounce is given back and
 * the month goes to that address alone, by the same run as "Compile and send", and is audited. Only a
 * bounced address: a second press (a double click, another admin) finds it given back and does nothing.
 * Refused for an address off the board list, a leaver, or one People marks, which People puts right first.
 */
export async function sendAgainAfterBounce(
  deps: RunBoardSummaryDeps & { audit: AuditLog },
  actor: { email: string },
  month: Month,
  form: { recipient?: unknown },
  now: Date,
): Promise<SendAgainAfterBounceResult> {
  // A month never kept would be compiled and sent to the whole board by the run below.
  if (!(await deps.summaries.getSnapshot(month))) throw new NotFoundError(`The board summary for ${month}`);
  const wanted = typeof form.recipient === 'string' ? recipientKey(form.recipient) : '';
  const board = await findBoardSendStatus(deps, month, now);
  const find = (list: readonly string[]) => list.find((listed) => recipientKey(listed) === wanted);
  if (find(board.left)) return { kind: 'refused', message: `${wanted} has left, as People says, so the summary is not sent to them: ask whoever deploys the system to take them off the config’s board list.` };
  const address = find([...board.bounced, ...board.had, ...board.inFlight, ...board.notHad, ...board.unreachable]);
  if (!address) return { kind: 'refused', message: `${wanted || 'That address'} is not on the config’s board list, so the summary is not sent to it. The month’s page lists who is.` };
  if (board.unreachable.includes(address) || board.bouncedInPeople.includes(address)) {
    return { kind: 'refused', message: `People marks ${address} as bounced or as spam. Once the address works, mark it as working on their page in People; then send the month to it from the month’s page.` };
  }
  if (!board.bounced.includes(address)) return { kind: 'not-bounced', stands: board.had.includes(address) ? 'had' : board.inFlight.includes(address) ? 'being-sent' : 'not-had' };
  // Another press gave it back first, to send it (a double click): it has sent it, or is about to (or
  // failed to, which the page, opened again, shows as not had).
  if (!(await deps.summaries.releaseBounced(month, address))) {
    return { kind: 'not-bounced', stands: (await findBoardSendStatus(deps, month, now)).had.includes(address) ? 'had' : 'being-sent' };
  }
  const entry = { at: now.toISOString(), by: actor.email, change: 'send-summary-after-bounce', target: { type: 'summary' as const, id: month }, before: { bounced: [address] } };
  let run: Extract<BoardSummaryRun, { outcome: 'done' }>;
  try {
    run = await sendTo(deps, month, address, now);
  } catch (error) {
    // The bounce is given back whatever became of the send: the log says so, and the page offers the address as not had.
    await deps.audit.record({ ...entry, after: { error: (error as Error).message } });
    throw error;
  }
  await deps.audit.record({ ...entry, after: sendsForAudit(run) });
  return { kind: 'sent', run };
}
