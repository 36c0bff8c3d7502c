import { findPersonByEmail } from '../admin/find-person.js';
import { linkRequestLimits, readRequestedAddress, type AddressProblem } from '../links/link-request.js';
import { issueLink, type LinkDeps } from '../links/links.js';
import { consumeLimits, limitReached, type RateLimitStore } from '../links/rate-limit.js';
import type { Person } from '../model/person.js';
import type { Mailer } from '../ports.js';
import { logSendFailure } from '../send-failure.js';
import { countAttention, listMyWork } from './list-my-actions.js';
import { freshLinkEmail, type LinkAskedBy } from './fresh-link-email.js';

export interface FreshLinkDeps extends LinkDeps {
  rateLimits: RateLimitStore;
  getMailer: () => Promise<Mailer>;
}

/** Per address from one client: enough for someone who lost a couple of emails, too few to flood an inbox. */
export const perAddressPerHour = 3;
/**
 * Per address from every client: bounds what many machines together can send to one inbox. Someone
 * asking after others used it up has those links in their inbox, each of which works.
 */
export const perAddressAllClientsPerHour = 10;
/**
 * Per client (source IP): so that one machine cannot use up the force's limit and lock everyone else
 * out, yet a force's staff behind one proxy address can still ask for theirs.
 */
export const perClientPerHour = 60;
/**
 * Links emailed for the whole force: bounds what many machines asking for many known addresses can
 * make us send. Only a link sent counts, so that made-up addresses from a handful of machines cannot
 * use it up and lock every owner out; once it is used up, everyone is refused alike, known or not.
 * What is left to learn from it: someone who has already had 499 links sent to addresses they knew
 * (about 50, from many machines) can tell from the next two answers whether one more address is known,
 * once an hour, while everyone is refused. The flood that takes is itself the alarm.
 */
export const perForcePerHour = 500;
const forceWide = { key: 'fresh-link#sent', limit: perForcePerHour };

export type FreshLinkResult = { kind: 'requested' } | AddressProblem | { kind: 'rate-limited' };

/**
 * "Email me a new link". The answer is the same whether or not the address belongs to anyone, so the
 * form cannot be used to find out who is in the directory: limits count every address alike, the
 * force's limit refuses every address alike once links sent have used it up, and an email that fails
 * to send is logged, not shown (an error page would mark the address as known).
 */
export async function requestFreshLink(deps: FreshLinkDeps, rawEmail: unknown, clientKey: string, now: Date): Promise<FreshLinkResult> {
  const address = readRequestedAddress(rawEmail);
  if ('kind' in address) return address;
  const { email } = address;
  if (await limitReached(deps.rateLimits, forceWide, now)) return { kind: 'rate-limited' };
  const limits = await linkRequestLimits('fresh-link', email, clientKey, { perClient: perClientPerHour, perAddressFromClient: perAddressPerHour, perAddress: perAddressAllClientsPerHour });
  if (!(await consumeLimits(deps.rateLimits, limits, now))) return { kind: 'rate-limited' };

  const person = await findPersonByEmail(deps.repository, email);
  // Filled by another request since the check above: answered as sent, as an unknown address is.
  if (person?.active && (await consumeLimits(deps.rateLimits, [forceWide], now))) {
    await sendFreshLink(deps, person, now).catch((error: unknown) => logSendFailure('fresh link email failed', error));
  }
  return { kind: 'requested' };
}

/** Issues a link and emails it: refs, counts and the link only, never any action text. */
export async function sendFreshLink(
  deps: Omit<FreshLinkDeps, 'rateLimits'>,
  person: Person,
  now: Date,
  askedBy: LinkAskedBy = 'themselves',
): Promise<{ url: string; expiresAt: string; messageId: string }> {
  const link = await issueLink(deps, person, now);
  const { owned, portfolio } = await listMyWork(deps, person, now);
  const mailer = await deps.getMailer();
  const email = freshLinkEmail({
    config: deps.config,
    person,
    link,
    refs: owned.map((i) => i.action.ref),
    attention: countAttention(owned),
    portfolio: { total: portfolio.length, awaitingSignOff: portfolio.filter((i) => i.action.status === 'proposed-closure').length },
    askedBy,
  });
  const { messageId } = await mailer.send(email);
  return { url: link.url, expiresAt: link.expiresAt, messageId };
}

