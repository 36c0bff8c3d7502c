import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionTimes } from '../../../functions/core/admin/session.js';

/**
 * The session cookie follows the configured base URL's scheme. On https (every AWS deployment) it is
 * `__Host-session`: Secure, Path=/ and no Domain, so no other subdomain can set or read it. Browsers
 * refuse Secure cookies and the __Host- prefix from plain http, so the local runner on
 * http://localhost uses the plain name `session` without Secure; it is otherwise the same cookie.
 */
export function sessionCookie(baseUrl: string): { name: string; secure: boolean } {
  const secure = new URL(baseUrl).protocol === 'https:';
  return { name: secure ? '__Host-session' : 'session', secure };
}

export function readSessionCookie(c: Context, baseUrl: string): string | undefined {
  return getCookie(c, sessionCookie(baseUrl).name);
}

/** HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), lasting no longer than the session. */
export function writeSessionCookie(c: Context, baseUrl: string, token: string): void {
  const { name, secure } = sessionCookie(baseUrl);
  setCookie(c, name, token, { httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: sessionTimes.absoluteMs / 1000 });
}

export function clearSessionCookie(c: Context, baseUrl: string): void {
  const { name, secure } = sessionCookie(baseUrl);
  deleteCookie(c, name, { httpOnly: true, secure, sameSite: 'Lax', path: '/' });
}
