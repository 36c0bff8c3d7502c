import { sendFreshLink } from '../../owner/request-fresh-link.js';
import type { Person } from '../../model/person.js';
import { logSendFailure } from '../../send-failure.js';
import type { AdminActor } from '../actions/admin-change.js';
import { getPersonOrThrow, type PeopleAdminDeps } from './deactivate-person.js';

/** Sent; or not, and why: the email failed, they have left, or their address bounced or was marked as spam. */
export type SendLinkOutcome = 'sent' | 'failed' | 'left' | 'mail-blocked';

/**
 * An admin emails someone a new personal link (they cannot find the last one, or never had one), to
 * the address on file: the same email as the one they could ask for themselves, saying who sent it.
 * Nothing is sent to someone who has left, nor to an address that bounced, which would only bounce again.
 */
export async function sendPersonLink(
  deps: Pick<PeopleAdminDeps, 'config' | 'repository' | 'linkTokens' | 'audit' | 'getMailer'>,
  actor: AdminActor,
  personId: string,
  now: Date,
): Promise<{ person: Person; outcome: SendLinkOutcome }> {
  const person = await getPersonOrThrow(deps.repository, personId);
  if (!person.active) return { person, outcome: 'left' };
  if (person.mailStatus !== 'ok') return { person, outcome: 'mail-blocked' };
  try {
    const { expiresAt } = await sendFreshLink(deps, person, now, 'admin');
    await deps.audit.record({ at: now.toISOString(), by: actor.email, change: 'send-link', target: { type: 'person', id: person.id }, before: null, after: { sentTo: person.email, expiresAt } });
    return { person, outcome: 'sent' };
  } catch (error) {
    logSendFailure('link email from the console failed', error);
    return { person, outcome: 'failed' };
  }
}
