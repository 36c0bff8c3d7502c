import { sendLinkNotice } from '../../links/send-link-notice.js';
import type { Person } from '../../model/person.js';
import type { AdminActionDeps } from './admin-change.js';
import { ownerAssignedEmail, type ActionRole } from './owner-assigned-email.js';

export interface NewOwnership {
  person: Person;
  /** Refs of the actions they now own (or, as `role` says, sponsor), in plan order. */
  refs: string[];
  role?: ActionRole;
}

export interface OwnerNotices {
  notified: Person[];
  /** Not emailed: the send failed, or the person cannot receive mail (left, or their address bounced). */
  notNotified: Person[];
}

/** Each person once, with the refs they gained in each role: made lead and SRO at once, they get one email. */
function byPerson(ownerships: readonly NewOwnership[]): { person: Person; gained: Record<ActionRole, string[]> }[] {
  const people = new Map<string, { person: Person; gained: Record<ActionRole, string[]> }>();
  for (const { person, refs, role = 'owner' } of ownerships) {
    const entry = people.get(person.id) ?? { person, gained: { owner: [], sro: [] } };
    entry.gained[role].push(...refs.filter((ref) => !entry.gained[role].includes(ref)));
    people.set(person.id, entry);
  }
  return [...people.values()];
}

/**
 * Tells each new owner (or SRO), in one email, which actions are now theirs, with a fresh personal link
 * and `why`, when the change was not one they would expect (someone left).
 * Runs after the change is saved: a failed email is reported for the admin to follow up, never undoes it.
 */
export async function notifyNewOwners(deps: AdminActionDeps, ownerships: readonly NewOwnership[], now: Date, why?: string): Promise<OwnerNotices> {
  const notices: OwnerNotices = { notified: [], notNotified: [] };
  for (const { person, gained } of byPerson(ownerships)) {
    const sent = await sendLinkNotice(deps, person, now, (link) => ownerAssignedEmail(deps.config, person, gained, link, why), { message: 'owner-assigned email failed' });
    (sent ? notices.notified : notices.notNotified).push(person);
  }
  return notices;
}
