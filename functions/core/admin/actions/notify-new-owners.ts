import { sendLinkNotice } from '../../links/send-link-notice.js';
import type { Person } from '../../model/person.js';
import type { AdminActionDeps } from './admin-change.js';
import { ownerAssignedEmail } from './owner-assigned-email.js';

export interface NewOwnership {
  person: Person;
  /** Refs of the actions they now own, in plan order. */
  refs: string[];
}

export interface OwnerNotices {
  notified: Person[];
  /** Not emailed: the send failed, or the person cannot receive mail (left, or their address bounced). */
  notNotified: Person[];
}

/**
 * Tells each new owner, in one email, which actions are now theirs, with a fresh personal link. Runs
 * after the change is saved: a failed email is reported for the admin to follow up, never undoes it.
 */
export async function notifyNewOwners(deps: AdminActionDeps, ownerships: readonly NewOwnership[], now: Date): Promise<OwnerNotices> {
  const notices: OwnerNotices = { notified: [], notNotified: [] };
  for (const { person, refs } of ownerships) {
    const sent = await sendLinkNotice(deps, person, now, (link) => ownerAssignedEmail(deps.config, person, refs, link), { message: 'owner-assigned email failed' });
    (sent ? notices.notified : notices.notNotified).push(person);
  }
  return notices;
}
