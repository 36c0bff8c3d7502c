import type { NotEndedYet } from '../../functions/core/admin/compile-summary.js';
import { monthLabel } from '../../functions/core/board-summary/month.js';
import { describeLocalDate } from '../../functions/core/calendar/local-date.js';
import { listedCount, notReached, recipientCount, type BoardSendStatus } from '../../functions/core/board-summary/summary-store.js';
import { plural } from '../../functions/core/words.js';
import { BeingSent, SendAgainForm } from './compiled-banner.js';
import { summaryPaths } from './summary-paths.js';

const noBoard = <p>The force's config lists no board members, so keeping it emails nobody: ask whoever deploys the system to add them.</p>;

/**
 * What is wrong with the config's board list: nobody on it; people on it who have left (as the People
 * page says), who are sent nothing, and the config is where they come off; or people whose address
 * People marks as bounced or spam, who are sent nothing until it is put right there.
 */
function BoardListNotes({ board }: { board: BoardSendStatus }) {
  const { left, unreachable } = board;
  if (left.length + unreachable.length === 0) return recipientCount(board) === 0 ? noBoard : null;
  const one = (list: string[]) => list.length === 1;
  return (
    <>
      {left.length > 0 && (
        <p>
          {plural(left.length, 'board member')} on the config’s list {one(left) ? 'has' : 'have'} left, as the People page says, and {one(left) ? 'is' : 'are'} not sent it ({left.join(', ')}):
          ask whoever deploys the system to take them off the list.
        </p>
      )}
      {unreachable.length > 0 && (
        <p>
          {plural(unreachable.length, 'board member')} on the config’s list cannot be emailed: People marks {one(unreachable) ? 'their address' : 'their addresses'} as bounced or as spam, so they are
          not sent it ({unreachable.join(', ')}). Put the address right on {one(unreachable) ? 'their page' : 'their pages'} in People, then send the month to them from here.
        </p>
      )}
    </>
  );
}

/** Said only when someone has had it: the paragraph on those who have not covers the rest. */
function hadItSentence(had: number, recipients: number): string {
  if (had === 0) return '';
  if (had === recipients) return `Every board member has had it (${recipients}).`;
  return `${had} of the ${recipients} board members ${had === 1 ? 'has' : 'have'} had it.`;
}

/** A kept month: who has had it, who is being sent it, and a button to send it to whoever has not; `lead` opens it. */
export function KeptSendStatus({ month, board, lead }: { month: string; board: BoardSendStatus; lead: string }) {
  const recipients = listedCount(board);
  return (
    <>
      <p>{[lead, hadItSentence(board.had.length, recipients)].filter(Boolean).join(' ')}</p>
      <BoardListNotes board={board} />
      {board.bounced.length > 0 && <BouncedNote month={month} bounced={board.bounced} inPeople={board.bouncedInPeople} />}
      {board.inFlight.length > 0 && <BeingSent count={board.inFlight.length} again="send it again from here" />}
      {board.notHad.length > 0 && (
        <>
          <p>
            {plural(board.notHad.length, 'board member')} {board.notHad.length === 1 ? 'has' : 'have'} not had it, as far as is known ({board.notHad.join(', ')}): one it could not be
            sent to, one whose email the email service did not confirm (ask them first), or one added to the board list since. Nobody known to have had it is sent it twice.
          </p>
          <SendAgainForm month={month} notHad={board.notHad.length} />
        </>
      )}
    </>
  );
}

/**
 * Sent, and bounced: the address is most likely wrong, so the same one is not sent it again unless an
 * admin, knowing it is right, sends it again from here; a corrected address on the board list has not
 * had it, and the month goes to it with the others who have not. An address People marks too is put
 * right there first.
 */
export function BouncedNote({ month, bounced, inPeople }: { month: string; bounced: string[]; inPeople: string[] }) {
  const one = bounced.length === 1;
  return (
    <>
      <p>
        The email to {plural(bounced.length, 'board member')} bounced, as the email service reported, so they have not had it ({bounced.join(', ')}). Check {one ? 'the address' : 'the addresses'}{' '}
        with {one ? 'them' : 'each of them'}. If an address is wrong, ask whoever deploys the system to correct the config’s board list, then send the month to the corrected address
        from here. If it is right, ask IT to take it off the email service’s suppression list (or every later month bounces too), then send the month to it again:
      </p>
      <ul class="plain-list" role="list">
        {bounced.map((address) =>
          inPeople.includes(address) ? (
            <li>
              People marks {address} as bounced or as spam too: once it works, mark it as working on their page in People, then send the month to it again from here.
            </li>
          ) : (
            <li>
              <form method="post" action={summaryPaths.sendAfterBounce(month)}>
                <input type="hidden" name="recipient" value={address} />
                <button type="submit" class="button button-secondary break-anywhere">
                  Send {monthLabel(month)} again to {address}
                </button>
              </form>
            </li>
          ),
        )}
      </ul>
    </>
  );
}

/** Someone on the board list has not had the month (yet): a scheduled run's failed send shows here too, a bounced email, and an address that cannot be emailed. */
export const someNotSent = (board: BoardSendStatus) => notReached(board) + board.inFlight.length > 0;

/**
 * A month not over yet: its compile would be refused, so no button, but when it goes instead. The
 * schedule sends it on the first working day after; by hand it can go from the day after it ends.
 */
function NotEndedNote({ month, asAt, notEnded, board }: { month: string; asAt: string; notEnded: NotEndedYet; board: BoardSendStatus }) {
  const { done, verb } = recipientCount(board) === 0 ? { done: 'kept', verb: 'keep' } : { done: 'sent to the board', verb: 'send' };
  return (
    <div class="warning-text">
      <p>
        {monthLabel(month)} has not ended yet: these are its figures so far, as at {asAt}. Nothing is kept, and the board has not been sent it.
      </p>
      <p>
        It is compiled and {done} automatically on {describeLocalDate(notEnded.scheduledOn)}, the first working day after the month ends. You can compile and {verb} it by hand from{' '}
        {describeLocalDate(notEnded.byHandFrom)}, once the month has ended.
      </p>
      <BoardListNotes board={board} />
    </div>
  );
}

/**
 * A preview's banner: nothing is kept or sent until the admin presses the button, for a month that has
 * ended. The only way to send a month by hand, so the admin sees what goes, and to how many, first;
 * a kept month's preview says who has had it and sends it to whoever has not. `asAt`: the day its figures are as at.
 */
export function PreviewBanner({ month, asAt, kept, board, notEnded }: { month: string; asAt: string; kept: boolean; board: BoardSendStatus; notEnded: NotEndedYet | null }) {
  if (kept) {
    return (
      <div class="warning-text">
        <KeptSendStatus month={month} board={board} lead="This month is kept already: this is the summary as it was kept." />
      </div>
    );
  }
  if (notEnded) return <NotEndedNote month={month} asAt={asAt} notEnded={notEnded} board={board} />;
  const recipients = recipientCount(board);
  return (
    <div class="warning-text">
      <p>Preview: this summary is not kept, and the board has not been sent it.</p>
      {/* The list is the config's: the admin checks it here, where a wrong address would be sent to. */}
      {recipients > 0 && <p class="break-anywhere">It goes to: {[...board.had, ...board.bounced, ...board.inFlight, ...board.notHad].join(', ')}.</p>}
      <BoardListNotes board={board} />
      <form method="post" action={summaryPaths.compile}>
        <input type="hidden" name="month" value={month} />
        <button type="submit" class="button">
          {recipients === 0 ? `Compile and keep ${monthLabel(month)}` : `Compile and send ${monthLabel(month)} to ${plural(recipients, 'board member')}`}
        </button>
      </form>
    </div>
  );
}
