import { issueLink } from '../../links/links.js';
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
    if (!person.active || person.mailStatus !== 'ok') {
      notices.notNotified.push(person);
      continue;
    }
    try {
      const link = await issueLink(deps, person, now);
      await (await deps.getMailer()).send(ownerAssignedEmail(deps.config, person, refs, link));
      notices.notified.push(person);
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', message: 'owner-assigned email failed', personId: person.id, error: String(error) }));
      notices.notNotified.push(person);
    }
  }
  return notices;
}
