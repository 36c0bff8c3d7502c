import * as z from '../zod.js';
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
   * (confirmed, or claimed before claims were confirmed), `bounced` (sent, and SES reported it
   * bounced: the same address would bounce again), or `in-flight`: another run claimed it less
   * than `claimTimeoutMs` ago, and is sending it or died doing so. An older claim never confirmed was
   * left by a run that died mid-send, and is claimed again.
   */
  claimSend(month: Month, recipient: string, at: Date): Promise<SendClaim>;
  /** Records that the claimed email went, and its SES message id, which a bounce of it carries. */
  confirmSent(month: Month, recipient: string, at: Date, messageId: string): Promise<void>;
  /** Gives a claim back after a failed send, so that a retry sends it. */
  releaseSent(month: Month, recipient: string): Promise<void>;
  /**
   * Records on a claim that the email service reported the month's email to that recipient bounced:
   * sent (SES took it, even when its answer was lost and the claim never confirmed), but not had.
   * Without a claim (given back meanwhile) it records nothing, and answers false; nor, for a late or
   * repeated event about an earlier send since given back and sent again, on a claim confirmed with
   * another message id, or made after the bounced email was sent (the new send's answer lost).
   */
  markBounced(month: Month, recipient: string, send?: BouncedSend): Promise<boolean>;
  /**
   * Gives back a bounced claim once an admin knows the address is right again (taken off the email
   * service's suppression list): the next send goes to it. False when the claim is not (or no longer) bounced.
   */
  releaseBounced(month: Month, recipient: string): Promise<boolean>;
  /** Every recipient a month's summary was claimed for: sent, or claimed and not (yet) confirmed. */
  listSendClaims(month: Month): Promise<SendClaimRecord[]>;
  /** Every kept summary, newest month first. */
  listSummaries(): Promise<SummaryListing[]>;
}

/** `recipient` as recipientKey writes it; `sent` false for a claim not confirmed (yet); `bounced` when SES reported so. */
export const SendClaimRecord = z.object({ recipient: z.string(), claimedAt: z.iso.datetime(), sent: z.boolean(), bounced: z.boolean() });
export type SendClaimRecord = z.infer<typeof SendClaimRecord>;

export type SendClaim = 'claimed' | 'sent' | 'bounced' | 'in-flight';

/** Which email a bounce is about, as SES's event says: its message id, and when SES took it. */
export interface BouncedSend {
  messageId?: string;
  sentAt?: Date;
}

/**
 * A claim is made before its email is sent, so one made after the bounced email was sent is another
 * send's; a minute allows for the clocks of the function and of SES.
 */
export const latestClaimFor = (sentAt: Date): string => new Date(sentAt.getTime() + 60_000).toISOString();

/**
 * Longer than any run can take to send (the functions time out sooner), so a claim this old and not
 * confirmed belongs to a run that died between claiming and sending: claiming it again can, rarely,
 * send a second copy (SES took it but the run died before confirming), never none.
 */
export const claimTimeoutMs = 15 * 60_000;

/** The SES message tag a board summary email carries, its value the month: a bounce event gives it back. */
export const boardSummaryTag = 'board-summary';

/** Addresses compare without case: one claim per mailbox however the config spells it. */
export const recipientKey = (recipient: string): string => recipient.trim().toLowerCase();

export function listingOf(snapshot: Snapshot): SummaryListing {
  return { month: snapshot.summary.month, compiledAt: snapshot.summary.compiledAt, figures: snapshot.summary.figures };
}

/** The config's board list, each mailbox once: who is sent the summary, and who is not because they have left. */
export interface BoardList {
  to: string[];
  /** On the list, but the people directory says they have left. */
  left: string[];
  /** On the list, but the people directory marks their address as bounced or spam: not sent it now. */
  unreachable: string[];
}

export interface BoardSendStatus {
  /** On the config's list but left: not sent it now (whether or not they had it before they left). */
  left: string[];
  /** On the config's list and never sent it: People marks their address as bounced or spam. */
  unreachable: string[];
  had: string[];
  /** Sent, and the email service reported that it bounced: they have not had it. */
  bounced: string[];
  /** Those of `bounced` whose address People marks too: sent nothing until People says it works again. */
  bouncedInPeople: string[];
  /** Claimed by a run less than claimTimeoutMs ago: being sent, or by a run that stopped. */
  inFlight: string[];
  /** Never claimed, or claimed by a run that stopped long enough ago: the next send goes to them. */
  notHad: string[];
}

/** How many board members have had the month or can be sent it: the config's board list, each mailbox once, but for leavers and the unemailable who have not had it. */
export const recipientCount = (status: BoardSendStatus): number => status.had.length + status.bounced.length + status.inFlight.length + status.notHad.length;

/** Board members on the list who have not had the month and are not being sent it: never sent it, not emailable, or bounced. */
export const notReached = (status: BoardSendStatus): number => status.notHad.length + status.unreachable.length + status.bounced.length;

/** Everyone on the board list who has not left, emailable or not: the "of the N" in "1 of the N has had it". */
export const listedCount = (status: BoardSendStatus): number => recipientCount(status) + status.unreachable.length;

/** Where each board recipient stands for a kept month, by the rule claimSend applies. */
export function boardSendStatus(board: BoardList, claims: readonly SendClaimRecord[], now: Date): BoardSendStatus {
  const byRecipient = new Map(claims.map((claim) => [claim.recipient, claim]));
  const status: BoardSendStatus = { left: board.left, unreachable: [], had: [], bounced: [], bouncedInPeople: [], inFlight: [], notHad: [] };
  const unreachable = new Set(board.unreachable);
  // Whoever had it had it, whatever has become of their address since.
  for (const recipient of [...board.to, ...board.unreachable]) {
    const claim = byRecipient.get(recipientKey(recipient));
    if (claim?.sent) {
      (claim.bounced ? status.bounced : status.had).push(recipient);
      if (claim.bounced && unreachable.has(recipient)) status.bouncedInPeople.push(recipient);
    } else if (unreachable.has(recipient)) status.unreachable.push(recipient);
    else if (claim && Date.parse(claim.claimedAt) >= now.getTime() - claimTimeoutMs) status.inFlight.push(recipient);
    else status.notHad.push(recipient);
  }
  return status;
}
