import * as z from '../../functions/core/zod.js';
import { claimTimeoutMs } from '../../functions/core/board-summary/summary-store.js';
import { monthLabel } from '../../functions/core/board-summary/month.js';
import { plural } from '../../functions/core/words.js';
import { NotificationBanner } from '../owner/components.js';
import { summaryPaths } from './summary-paths.js';

const count = z.pipe(z.string().check(z.regex(/^\d{1,4}$/)), z.transform(Number));

/**
 * What "Compile and send" did, carried to the month's page in its address: counts only, never addresses,
 * and whether the month was kept before (a send again), which an address without it was not.
 */
export const CompiledCounts = z.object({
  sent: count,
  already: count,
  pending: count,
  failed: count,
  unknown: z._default(count, 0),
  bounced: z._default(count, 0),
  kept: z._default(z.enum(['now', 'before']), 'now'),
});
export type CompiledCounts = z.infer<typeof CompiledCounts>;

export const compiledQuery = (c: CompiledCounts): string =>
  `?sent=${c.sent}&already=${c.already}&pending=${c.pending}&failed=${c.failed}&unknown=${c.unknown}&bounced=${c.bounced}${c.kept === 'before' ? '&kept=before' : ''}`;

/**
 * Sends a kept month to whoever has not had it: the same run as "Compile and send", which keeps a month
 * once and claims each board member before sending, so a second press sends nobody who had it a second
 * copy (but for the rare case claimTimeoutMs describes). `notHad`: how many, where the page knows.
 */
export function SendAgainForm({ month, notHad }: { month: string; notHad?: number }) {
  return (
    <form method="post" action={summaryPaths.compile}>
      <input type="hidden" name="month" value={month} />
      <button type="submit" class="button">
        Send {monthLabel(month)} to {notHad === undefined ? 'any board member who has not had it' : notHad === 1 ? 'the 1 board member who has not had it' : `the ${notHad} board members who have not had it`}
      </button>
    </form>
  );
}

/** Board members another run has claimed: it is sending to them, or stopped, which frees them after claimTimeoutMs. */
export function BeingSent({ count, again }: { count: number; again: string }) {
  return (
    <p>
      {plural(count, 'board member')} {count === 1 ? 'is' : 'are'} being sent it by another run, or by one that stopped: if they do not get it, {again} in {claimTimeoutMs / 60_000} minutes.
    </p>
  );
}

/** "Send … again" pressed for an address no longer bounced, which another press has sent or is sending: no address in it. */
export const NotSentAgain = z.enum(['had', 'being-sent']);
export type NotSentAgain = z.infer<typeof NotSentAgain>;
export const notSentAgainQuery = (stands: NotSentAgain): string => `?resent=${stands}`;

/**
 * Without it, the second half of a double click would land on the month's page saying nothing, and the
 * admin would not know whether the first had sent it.
 */
export function NotSentAgainBanner({ stands }: { stands: NotSentAgain }) {
  return (
    <NotificationBanner title="Not sent again" tone="important">
      <p>
        The email to that address no longer shows as bounced: an earlier press, or another admin,{' '}
        {stands === 'had' ? 'has sent the month to it again already.' : 'is sending the month to it now: open this page again in a minute to see that it went.'}
      </p>
    </NotificationBanner>
  );
}

/** "Kept" only when this run kept the month: sending a kept month again keeps nothing. */
function compiledTitle({ sent, failed, unknown, kept }: CompiledCounts): string {
  const [keptAnd, keptBut, keptNobody] = kept === 'now' ? ['Kept and sent', 'Kept, but it', 'Kept; nobody'] : ['Sent', 'It', 'Nobody'];
  if (failed + unknown > 0) {
    if (sent > 0) return `${keptAnd} to ${plural(sent, 'board member')}, but not to everyone`;
    return failed > 0 ? `${keptBut} could not be sent` : `${keptBut} is not known whether it was sent`;
  }
  return sent > 0 ? `${keptAnd} to ${plural(sent, 'board member')}` : `${keptNobody} was emailed this time`;
}

/**
 * Says whom the month went to, so that compiling a month sent before does not look like a silent send.
 * `canSend`: an admin's page, which offers to send again; a board member given the address is not offered it.
 */
export function CompiledBanner({ month, counts, canSend }: { month: string; counts: CompiledCounts; canSend: boolean }) {
  const members = (n: number) => plural(n, 'board member');
  const again = (where: string) => (canSend ? `send it again ${where}` : 'an admin can send it again');
  return (
    <NotificationBanner title={compiledTitle(counts)} tone={counts.failed + counts.unknown + counts.bounced > 0 ? 'important' : 'success'}>
      {counts.already > 0 && <p>{members(counts.already)} had it already, and {counts.already === 1 ? 'was' : 'were'} not sent it again.</p>}
      {counts.bounced > 0 && (
        <p>
          The email to {members(counts.bounced)} bounced when it was sent before, so it was not sent to the same address again
          {canSend ? (
            <>
              : <a href={summaryPaths.month(month)}>see whose address to check</a>.
            </>
          ) : (
            '.'
          )}
        </p>
      )}
      {counts.pending > 0 && <BeingSent count={counts.pending} again={again('from its preview')} />}
      {counts.failed > 0 && <p>It could not be sent to {members(counts.failed)}: {again('from here')} to retry; nobody who had it is sent it twice.</p>}
      {canSend && counts.failed > 0 && <SendAgainForm month={month} />}
      {counts.unknown > 0 && (
        <p>
          For {members(counts.unknown)} the email service did not say whether it took the email, so they may have it. Ask them before sending it again: this page offers
          it from {claimTimeoutMs / 60_000} minutes on.
        </p>
      )}
    </NotificationBanner>
  );
}
