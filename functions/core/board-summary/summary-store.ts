import type { Month } from './month.js';
import type { Snapshot, SummaryListing } from './snapshot.js';

/** Where every month's snapshot is kept, and who has been sent it. */
export interface SummaryStore {
  getSnapshot(month: Month): Promise<Snapshot | null>;
  /**
   * Keeps a month's snapshot unless one is kept already: false then, and the kept one stands, so a
   * re-run never changes what the board was sent.
   */
  putSnapshot(snapshot: Snapshot): Promise<boolean>;
  /**
   * Lists a kept month (again): a run that stopped between keeping a month and listing it would
   * otherwise leave it off the summaries page for good, since its retries find it kept.
   */
  ensureListed(snapshot: Snapshot): Promise<void>;
  /**
   * Claims sending a month's summary to one recipient before sending it: `claimed` (send it), `sent`
   * (confirmed, or claimed before claims were confirmed), or `in-flight`: another run claimed it less
   * than `claimTimeoutMs` ago, and is sending it or died doing so. An older claim never confirmed was
   * left by a run that died mid-send, and is claimed again.
   */
  claimSend(month: Month, recipient: string, at: Date): Promise<SendClaim>;
  /** Records that the claimed email went. */
  confirmSent(month: Month, recipient: string, at: Date): Promise<void>;
  /** Gives a claim back after a failed send, so that a retry sends it. */
  releaseSent(month: Month, recipient: string): Promise<void>;
  /** Every kept summary, newest month first. */
  listSummaries(): Promise<SummaryListing[]>;
}

export type SendClaim = 'claimed' | 'sent' | 'in-flight';

/**
 * Longer than any run can take to send (the functions time out sooner), so a claim this old and not
 * confirmed belongs to a run that died between claiming and sending: claiming it again can, rarely,
 * send a second copy (SES took it but the run died before confirming), never none.
 */
export const claimTimeoutMs = 15 * 60_000;

/** Addresses compare without case: one claim per mailbox however the config spells it. */
export const recipientKey = (recipient: string): string => recipient.trim().toLowerCase();

export function listingOf(snapshot: Snapshot): SummaryListing {
  return { month: snapshot.summary.month, compiledAt: snapshot.summary.compiledAt, figures: snapshot.summary.figures };
}
