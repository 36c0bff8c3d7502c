import type { SummaryStore } from '../board-summary/summary-store.js';
import { normaliseAddress, type MailEvent } from './record-mail-event.js';

/**
 * A board summary that bounced, for good: its month's claim for each address is marked, so that the
 * month's page and the dashboard say the member has not had it, where they would count it as had. A
 * board address is often not in the people directory (the PCC's office), so no person is marked; a
 * complaint means it arrived, and a transient bounce may yet. Returns how many claims it marked.
 */
export async function recordBoardBounce(summaries: Pick<SummaryStore, 'markBounced'>, event: MailEvent): Promise<number> {
  if (event.kind !== 'bounce' || !event.permanent || event.boardMonth === undefined) return 0;
  let marked = 0;
  for (const recipient of event.recipients) if (await summaries.markBounced(event.boardMonth, normaliseAddress(recipient), event.send)) marked++;
  return marked;
}
