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
  return consoleCookie(baseUrl, 'session');
}

/** A console cookie: `__Host-` prefixed (Secure, Path=/, no Domain) on https, as the session's. */
export function consoleCookie(baseUrl: string, name: string): { name: string; secure: boolean } {
  const secure = new URL(baseUrl).protocol === 'https:';
  return { name: secure ? `__Host-${name}` : name, secure };
}

export function readSessionCookie(c: Context, baseUrl: string): string | undefined {
  return getCookie(c, sessionCookie(baseUrl).name);
}

/** HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), lasting no longer than the session. */
export function writeSessionCookie(c: Context, baseUrl: string, token: string): void {
  const { name, secure } = sessionCookie(baseUrl);
  setCookie(c, name, token, { httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: sessionTimes.absoluteMs / 1000 });
}

/** Ends the session's cookie, and the actions list's remembered view with it: its search may quote an action. */
export function clearSessionCookie(c: Context, baseUrl: string): void {
  for (const cookie of ['session', 'actions-list']) {
    const { name, secure } = consoleCookie(baseUrl, cookie);
    if (cookie === 'session' || getCookie(c, name) !== undefined) deleteCookie(c, name, { httpOnly: true, secure, sameSite: 'Lax', path: '/' });
  }
}

/**
 * A console page, path and query, that sign-in may lead back to: letters, digits and URL-safe marks in
 * non-empty segments under /admin, so never another site ("//host", "\\host") nor the sign-in pages.
 */
const returnPath = /^\/admin(\/[A-Za-z0-9._~%-]+)*\/?(\?[A-Za-z0-9._~%=&+-]*)?$/;
const isReturnPath = (path: string) => returnPath.test(path) && !/\/(\.|%2e){1,2}(\/|\?|$)/i.test(path) && !path.startsWith('/admin/sign-in');

/** Long enough to ask for a sign-in link and open it; the page asked for is of no use after that. */
const returnCookieSeconds = 60 * 60;

/**
 * Remembers the page a signed-out GET asked for, so that a link in an email (a board summary's "Open the
 * summary") lands there after sign-in rather than on the dashboard. It holds a path only, no secret.
 */
export function rememberReturnPath(c: Context, baseUrl: string, path: string): void {
  if (!isReturnPath(path)) return;
  const { name, secure } = consoleCookie(baseUrl, 'return-to');
  setCookie(c, name, path, { httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: returnCookieSeconds });
}

/** The remembered page, once (the cookie is cleared), checked again; the dashboard without one. */
export function takeReturnPath(c: Context, baseUrl: string): string {
  const { name, secure } = consoleCookie(baseUrl, 'return-to');
  const path = getCookie(c, name);
  if (path === undefined) return '/admin';
  deleteCookie(c, name, { httpOnly: true, secure, sameSite: 'Lax', path: '/' });
  return isReturnPath(path) ? path : '/admin';
}
