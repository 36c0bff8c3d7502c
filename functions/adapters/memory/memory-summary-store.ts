import type { Month } from '../../core/board-summary/month.js';
import type { Snapshot, SummaryListing } from '../../core/board-summary/snapshot.js';
import { claimTimeoutMs, latestClaimFor, listingOf, recipientKey, type BouncedSend, type SendClaim, type SendClaimRecord, type SummaryStore } from '../../core/board-summary/summary-store.js';

/** The SummaryStore port in memory, with the DynamoDB adapter's conditions: for tests and benchmarks. */
export class MemorySummaryStore implements SummaryStore {
  private readonly snapshots = new Map<Month, Snapshot>();
  private readonly sent = new Map<string, { claimedAt: number; sentAt: number | null; bounced: boolean; messageId?: string }>();

  async getSnapshot(month: Month): Promise<Snapshot | null> {
    const snapshot = this.snapshots.get(month);
    return snapshot ? structuredClone(snapshot) : null;
  }

  async putSnapshot(snapshot: Snapshot): Promise<boolean> {
    if (this.snapshots.has(snapshot.summary.month)) return false;
    this.snapshots.set(snapshot.summary.month, structuredClone(snapshot));
    return true;
  }

  /** Nothing to do: the listing is read from the snapshots themselves. */
  async ensureListed(): Promise<void> {}

  async claimSend(month: Month, recipient: string, at: Date): Promise<SendClaim> {
    const key = `${month}|${recipientKey(recipient)}`;
    const claim = this.sent.get(key);
    if (claim?.sentAt != null) return claim.bounced ? 'bounced' : 'sent';
    if (claim && claim.claimedAt >= at.getTime() - claimTimeoutMs) return 'in-flight';
    this.sent.set(key, { claimedAt: at.getTime(), sentAt: null, bounced: false });
    return 'claimed';
  }

  async confirmSent(month: Month, recipient: string, at: Date, messageId: string): Promise<void> {
    const key = `${month}|${recipientKey(recipient)}`;
    const claim = this.sent.get(key);
    if (claim) this.sent.set(key, { ...claim, sentAt: at.getTime(), messageId });
  }

  async releaseSent(month: Month, recipient: string): Promise<void> {
    this.sent.delete(`${month}|${recipientKey(recipient)}`);
  }

  async markBounced(month: Month, recipient: string, { messageId, sentAt }: BouncedSend = {}): Promise<boolean> {
    const key = `${month}|${recipientKey(recipient)}`;
    const claim = this.sent.get(key);
    if (!claim || (messageId !== undefined && claim.messageId !== undefined && claim.messageId !== messageId)) return false;
    if (sentAt && new Date(claim.claimedAt).toISOString() > latestClaimFor(sentAt)) return false;
    this.sent.set(key, { ...claim, sentAt: claim.sentAt ?? claim.claimedAt, bounced: true });
    return true;
  }

  async releaseBounced(month: Month, recipient: string): Promise<boolean> {
    const key = `${month}|${recipientKey(recipient)}`;
    return this.sent.get(key)?.bounced === true && this.sent.delete(key);
  }

  async listSendClaims(month: Month): Promise<SendClaimRecord[]> {
    return [...this.sent]
      .filter(([key]) => key.startsWith(`${month}|`))
      .map(([key, claim]) => ({ recipient: key.slice(month.length + 1), claimedAt: new Date(claim.claimedAt).toISOString(), sent: claim.sentAt != null, bounced: claim.bounced }));
  }

  async listSummaries(): Promise<SummaryListing[]> {
    return [...this.snapshots.values()].map(listingOf).sort((a, b) => (a.month < b.month ? 1 : -1));
  }
}
