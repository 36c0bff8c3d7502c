import * as z from '../zod.js';
import { issueLink, type LinkDeps } from '../links/links.js';
import { windowStart, type RateLimitStore } from '../links/rate-limit.js';
import { hashToken } from '../links/token-crypto.js';
import { personIdFromEmail, type Person } from '../model/person.js';
import type { Mailer, Repository } from '../ports.js';
import { listMyActions } from './list-my-actions.js';
import { freshLinkEmail } from './fresh-link-email.js';

export interface FreshLinkDeps extends LinkDeps {
  rateLimits: RateLimitStore;
  getMailer: () => Promise<Mailer>;
}

const hourMs = 3_600_000;
/** Per address: enough for someone who lost a couple of emails, too few to flood an inbox. */
export const perAddressPerHour = 3;
/** For the whole force: bounds what a script trying many addresses can make us send. */
export const perForcePerHour = 200;

export type FreshLinkResult = { kind: 'requested' } | { kind: 'invalid'; message: string; email: string } | { kind: 'rate-limited' };

const EmailInput = z.email();

/**
 * "Email me a new link". The answer is the same whether or not the address belongs to anyone, so the
 * form cannot be used to find out who is in the directory; limits count every address alike.
 */
export async function requestFreshLink(deps: FreshLinkDeps, rawEmail: unknown, now: Date): Promise<FreshLinkResult> {
  const email = typeof rawEmail === 'string' ? rawEmail.trim().toLowerCase() : '';
  if (!EmailInput.safeParse(email).success || email.length > 254) {
    return { kind: 'invalid', message: 'Enter an email address in the correct format, like name@example.com', email: typeof rawEmail === 'string' ? rawEmail.slice(0, 300) : '' };
  }
  const start = windowStart(now, hourMs);
  const expiresAt = new Date(start.getTime() + 2 * hourMs).toISOString();
  const addressKey = `fresh-link#${await hashToken(email)}`;
  if (!(await deps.rateLimits.consume(addressKey, start.toISOString(), perAddressPerHour, expiresAt))) return { kind: 'rate-limited' };
  if (!(await deps.rateLimits.consume('fresh-link#all', start.toISOString(), perForcePerHour, expiresAt))) return { kind: 'rate-limited' };

  const person = await findPersonByEmail(deps.repository, email);
  if (person?.active) await sendFreshLink(deps, person, now);
  return { kind: 'requested' };
}

/** Ids derive from addresses, so this is one read; the listing covers people imported before that rule. */
async function findPersonByEmail(repository: Repository, email: string): Promise<Person | null> {
  const direct = await repository.getPerson(personIdFromEmail(email));
  if (direct && direct.email.toLowerCase() === email) return direct;
  return (await repository.listPeople()).find((p) => p.email.toLowerCase() === email) ?? null;
}

/** Issues a link and emails it: refs, counts and the link only, never any action text. */
export async function sendFreshLink(deps: Omit<FreshLinkDeps, 'rateLimits'>, person: Person, now: Date): Promise<{ url: string; messageId: string }> {
  const link = await issueLink(deps, person, now);
  const items = await listMyActions(deps, person, now);
  const mailer = await deps.getMailer();
  const email = freshLinkEmail({ config: deps.config, person, link, refs: items.map((i) => i.action.ref), needingUpdate: items.filter((i) => i.stale || i.overdue).length });
  const { messageId } = await mailer.send(email);
  return { url: link.url, messageId };
}

