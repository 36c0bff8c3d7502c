import { monthLabel } from '../../functions/core/board-summary/month.js';
import { recipientCount, type BoardSendStatus } from '../../functions/core/board-summary/summary-store.js';
import { plural } from '../../functions/core/words.js';
import { BeingSent, SendAgainForm } from './compiled-banner.js';
import { summaryPaths } from './summary-paths.js';

const noBoard = <p>The force's config lists no board members, so keeping it emails nobody: ask whoever deploys the system to add them.</p>;

/**
 * What is wrong with the config's board list: nobody on it, or people on it who have left (as the
 * People page says), who are sent nothing; the config is where they come off.
 */
function BoardListNotes({ board }: { board: BoardSendStatus }) {
  const { left } = board;
  if (left.length === 0) return recipientCount(board) === 0 ? noBoard : null;
  const one = left.length === 1;
  return (
    <p>
      {plural(left.length, 'board member')} on the config’s list {one ? 'has' : 'have'} left, as the People page says, and {one ? 'is' : 'are'} not sent it ({left.join(', ')}): ask whoever deploys
      the system to take them off the list.
    </p>
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
  const recipients = recipientCount(board);
  return (
    <>
      <p>{[lead, hadItSentence(board.had.length, recipients)].filter(Boolean).join(' ')}</p>
      <BoardListNotes board={board} />
      {board.inFlight.length > 0 && <BeingSent count={board.inFlight.length} again="send it again from here" />}
      {board.notHad.length > 0 && (
        <>
          <p>
            {plural(board.notHad.length, 'board member')} {board.notHad.length === 1 ? 'has' : 'have'} not had it: one it could not be sent to, or one added to the board list since. Nobody who had it is sent it twice.
          </p>
          <SendAgainForm month={month} notHad={board.notHad.length} />
        </>
      )}
    </>
  );
}

/** Someone on the board list has not had the month (yet): a scheduled run's failed send shows here too. */
export const someNotSent = (board: BoardSendStatus) => board.notHad.length + board.inFlight.length > 0;

/**
 * A preview's banner: nothing is kept or sent until the admin presses the button, for a month that has
 * ended. The only way to send a month by hand, so the admin sees what goes, and to how many, first;
 * a kept month's preview says who has had it and sends it to whoever has not.
 */
export function PreviewBanner({ month, kept, board }: { month: string; kept: boolean; board: BoardSendStatus }) {
  if (kept) {
    return (
      <div class="warning-text">
        <KeptSendStatus month={month} board={board} lead="This month is kept already: this is the summary as it was kept." />
      </div>
    );
  }
  const recipients = recipientCount(board);
  return (
    <div class="warning-text">
      <p>Preview: this summary is not kept, and the board has not been sent it.</p>
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
