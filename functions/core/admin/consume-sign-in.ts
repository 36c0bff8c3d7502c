import type { ForceConfig } from '../config/force-config.js';
import { isRevoked, tokenPattern } from '../links/link-token.js';
import { generateToken, hashToken } from '../links/token-crypto.js';
import type { Repository } from '../ports.js';
import type { AuditLog } from './audit-log.js';
import { findSignInPerson } from './find-person.js';
import { roleFor } from './roles.js';
import { sessionTimes, type SessionRecord, type SessionStore, type SignInLinkRecord, type SignInLinkStore } from './session.js';

export interface SignInDeps {
  config: ForceConfig;
  repository: Repository;
  signInLinks: SignInLinkStore;
  sessions: SessionStore;
  audit: AuditLog;
}

export type SignInRefusal = 'malformed' | 'unknown' | 'expired' | 'used' | 'revoked' | 'not-allowed';
export type CheckedSignInLink = { ok: true; link: SignInLinkRecord } | { ok: false; reason: SignInRefusal };

/**
 * Whether a sign-in link would work now. Reads only: the page a link opens calls this, and mail
 * scanners open links before people do.
 */
export async function checkSignInLink(deps: Omit<SignInDeps, 'audit'>, token: string, now: Date): Promise<CheckedSignInLink> {
  if (!tokenPattern.test(token)) return { ok: false, reason: 'malformed' };
  const link = await deps.signInLinks.getLink(await hashToken(token));
  if (!link) return { ok: false, reason: 'unknown' };
  if (link.usedAt !== null) return { ok: false, reason: 'used' };
  if (now.getTime() >= Date.parse(link.expiresAt)) return { ok: false, reason: 'expired' };
  const revokedBefore = await deps.sessions.getRevokedBefore(link.email);
  if (isRevoked(link.issuedAt, revokedBefore)) return { ok: false, reason: 'revoked' };
  return { ok: true, link };
}

export type SignInResult = { ok: true; sessionToken: string; session: SessionRecord } | { ok: false; reason: SignInRefusal };

/**
 * The POST behind the link's "Sign in" button: marks the link used (a conditional write, so two POSTs
 * cannot both win), then starts a session. The role is read from the config again: it may have
 * changed in the 15 minutes since the link was sent.
 */
export async function consumeSignIn(deps: SignInDeps, token: string, now: Date): Promise<SignInResult> {
  const checked = await checkSignInLink(deps, token, now);
  if (!checked.ok) return checked;
  const { email } = checked.link;
  const role = roleFor(deps.config, email);
  const { person, hasLeft } = await findSignInPerson(deps.repository, email);
  if (!role || hasLeft) return { ok: false, reason: 'not-allowed' };
  if (!(await deps.signInLinks.markUsed(checked.link.hash, now.toISOString()))) return { ok: false, reason: 'used' };

  const sessionToken = generateToken();
  const session: SessionRecord = {
    hash: await hashToken(sessionToken),
    email,
    name: person?.name ?? null,
    personId: person?.id ?? null,
    role,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + sessionTimes.absoluteMs).toISOString(),
  };
  await deps.sessions.create(session);
  await deps.audit.record({ at: now.toISOString(), by: email, change: 'sign-in', target: { type: 'session', id: email }, before: null, after: { role } });
  return { ok: true, sessionToken, session };
}
