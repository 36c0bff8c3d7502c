import type { ForceConfig } from '../config/force-config.js';
import { isRevoked, tokenPattern } from '../links/link-token.js';
import { hashToken } from '../links/token-crypto.js';
import type { AuditLog } from './audit-log.js';
import { roleFor } from './roles.js';
import { sessionTimes, type SessionRecord, type SessionStore } from './session.js';

export interface SessionDeps {
  config: Pick<ForceConfig, 'admins' | 'board'>;
  sessions: SessionStore;
}

/**
 * The session behind a cookie's value, if it is well formed, known, neither idle nor past its absolute
 * lifetime, not signed out everywhere, and its address is still listed in the config (whose current
 * list sets the role). A live session's lastSeenAt moves forward at most once a minute, on a GET too:
 * the one write a GET makes, since reading pages keeps a session alive, and only a request carrying the
 * session cookie (never a mail scanner following a link) can make it.
 */
export async function resolveSession(deps: SessionDeps, token: string | undefined, now: Date): Promise<SessionRecord | null> {
  if (!token || !tokenPattern.test(token)) return null;
  const record = await deps.sessions.get(await hashToken(token));
  if (!record) return null;
  const at = now.getTime();
  if (at >= Date.parse(record.expiresAt) || at - Date.parse(record.lastSeenAt) >= sessionTimes.idleMs) return null;
  const revokedBefore = await deps.sessions.getRevokedBefore(record.email);
  if (isRevoked(record.createdAt, revokedBefore)) return null;
  const role = roleFor(deps.config, record.email);
  if (!role) return null;
  if (at - Date.parse(record.lastSeenAt) >= sessionTimes.touchEveryMs) await deps.sessions.touch(record.hash, now.toISOString());
  return { ...record, role };
}

/** Ends this one session. */
export async function signOut(deps: Pick<SessionDeps, 'sessions'>, sessionHash: string): Promise<void> {
  await deps.sessions.delete(sessionHash);
}

/** Ends every session (and unused sign-in link) of the address, on every device; recorded in the audit log. */
export async function signOutEverywhere(deps: Pick<SessionDeps, 'sessions'> & { audit: AuditLog }, email: string, by: string, now: Date): Promise<void> {
  await deps.sessions.revokeBefore(email, now.toISOString());
  await deps.audit.record({ at: now.toISOString(), by, change: 'sign-out-everywhere', target: { type: 'session', id: email }, before: null, after: { revokedBefore: now.toISOString() } });
}
