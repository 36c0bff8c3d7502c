import type { ForceConfig } from '../config/force-config.js';
import { linkRequestLimits, readRequestedAddress, type AddressProblem } from '../links/link-request.js';
import { consumeLimits, type RateLimitStore } from '../links/rate-limit.js';
import { generateToken, hashToken } from '../links/token-crypto.js';
import type { Mailer, Repository } from '../ports.js';
import { logSendFailure } from '../send-failure.js';
import { findSignInPerson } from './find-person.js';
import { roleFor } from './roles.js';
import { sessionTimes, type SignInLinkStore } from './session.js';
import { signInEmail } from './sign-in-email.js';

export interface RequestSignInDeps {
  config: ForceConfig;
  repository: Repository;
  signInLinks: SignInLinkStore;
  rateLimits: RateLimitStore;
  getMailer: () => Promise<Mailer>;
}

/** Per address from one client: a few lost emails' worth, too few to flood an inbox. */
export const signInPerAddressPerHour = 5;
/** Per address from every client: bounds what many machines together can send to one inbox. */
export const signInPerAddressAllClientsPerHour = 15;
/** Per client (source IP): bounds what one machine trying many addresses can make us send. */
export const signInPerClientPerHour = 20;

export type SignInRequest = { kind: 'requested' } | AddressProblem | { kind: 'rate-limited' };

/**
 * "Email me a sign-in link". The answer is the same whether or not the address may sign in, so the form
 * tells nobody who the admins are: the limits count every address alike, known or not, and an email
 * that fails to send is logged, not shown (an error page would mark the address as an admin's).
 */
export async function requestSignIn(deps: RequestSignInDeps, rawEmail: unknown, clientKey: string, now: Date, next: string | null = null): Promise<SignInRequest> {
  const address = readRequestedAddress(rawEmail);
  if ('kind' in address) return address;
  const { email } = address;
  const limits = await linkRequestLimits('sign-in', email, clientKey, {
    perClient: signInPerClientPerHour,
    perAddressFromClient: signInPerAddressPerHour,
    perAddress: signInPerAddressAllClientsPerHour,
  });
  if (!(await consumeLimits(deps.rateLimits, limits, now))) return { kind: 'rate-limited' };
  if (await maySignIn(deps, email)) {
    await sendSignInLink(deps, email, now, next).catch((error: unknown) => logSendFailure('sign-in link email failed', error));
  }
  return { kind: 'requested' };
}

/** Listed in the config as admin or board, and not a directory entry that has been deactivated. */
export async function maySignIn(deps: Pick<RequestSignInDeps, 'config' | 'repository'>, email: string): Promise<boolean> {
  return roleFor(deps.config, email) !== null && !(await findSignInPerson(deps.repository, email)).hasLeft;
}

/** A sign-in link's path; `next` is the console page to land on once signed in, checked by the web layer. */
export function signInLinkPath(token: string, next?: string | null): string {
  return `/admin/sign-in/${token}${next ? `?next=${encodeURIComponent(next)}` : ''}`;
}

export function signInUrl(config: Pick<ForceConfig, 'baseUrl'>, token: string, next: string | null = null): string {
  return `${config.baseUrl}${signInLinkPath(token, next)}`;
}

/** Mints a single-use link (only its hash is stored) and emails it; returns the URL for the local runner and tests. */
export async function sendSignInLink(deps: Omit<RequestSignInDeps, 'rateLimits' | 'repository'>, email: string, now: Date, next: string | null = null): Promise<string> {
  const token = generateToken();
  await deps.signInLinks.putLink({
    hash: await hashToken(token),
    email,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + sessionTimes.signInLinkMs).toISOString(),
    usedAt: null,
  });
  const url = signInUrl(deps.config, token, next);
  const mailer = await deps.getMailer();
  await mailer.send(signInEmail(deps.config, email, url, sessionTimes.signInLinkMs / 60_000));
  return url;
}
