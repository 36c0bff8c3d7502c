import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionTimes } from '../../../functions/core/admin/session.js';

/**
 * The console's cookies follow the configured base URL's scheme. On https (every AWS deployment) each is
 * `__Host-<name>`: Secure, Path=/ and no Domain, so no other subdomain can set or read it. Browsers
 * refuse Secure cookies and the __Host- prefix from plain http, so the local runner on
 * http://localhost uses the plain name without Secure; it is otherwise the same cookie. HttpOnly (no
 * script reads it), SameSite=Lax (not sent on cross-site POSTs).
 */
function consoleCookie(baseUrl: string, name: string) {
  const secure = new URL(baseUrl).protocol === 'https:';
  return { name: secure ? `__Host-${name}` : name, options: { httpOnly: true, secure, sameSite: 'Lax', path: '/' } as const };
}

/** Without `maxAge`, it lasts as long as the browser session. */
export function writeConsoleCookie(c: Context, baseUrl: string, name: string, value: string, maxAgeSeconds?: number): void {
  const cookie = consoleCookie(baseUrl, name);
  setCookie(c, cookie.name, value, maxAgeSeconds === undefined ? cookie.options : { ...cookie.options, maxAge: maxAgeSeconds });
}

export function readConsoleCookie(c: Context, baseUrl: string, name: string): string | undefined {
  return getCookie(c, consoleCookie(baseUrl, name).name);
}

function deleteConsoleCookie(c: Context, baseUrl: string, name: string): void {
  const cookie = consoleCookie(baseUrl, name);
  deleteCookie(c, cookie.name, cookie.options);
}

export function readSessionCookie(c: Context, baseUrl: string): string | undefined {
  return readConsoleCookie(c, baseUrl, 'session');
}

/** Lasting no longer than the session. */
export function writeSessionCookie(c: Context, baseUrl: string, token: string): void {
  writeConsoleCookie(c, baseUrl, 'session', token, sessionTimes.absoluteMs / 1000);
}

/** Ends the session's cookie, and the actions list's remembered view with it: its search may quote an action. */
export function clearSessionCookie(c: Context, baseUrl: string): void {
  deleteConsoleCookie(c, baseUrl, 'session');
  if (readConsoleCookie(c, baseUrl, 'actions-list') !== undefined) deleteConsoleCookie(c, baseUrl, 'actions-list');
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
  if (isReturnPath(path)) writeConsoleCookie(c, baseUrl, 'return-to', path, returnCookieSeconds);
}

/**
 * The pages an email links to in the console: a month's board summary. Only these ride in a sign-in
 * link, since anyone may set the cookie in their own browser and then ask for a link for an admin's
 * address, whose email would lead that admin to a page of the asker's choosing.
 */
const emailedPage = /^\/admin\/summaries\/\d{4}-\d{2}$/;

/**
 * The remembered page, when an email links to it, without its query, to carry in the sign-in link
 * itself: opened in another browser (Outlook's own, or a phone's for a link asked for on a laptop) the
 * link has no cookie.
 */
export function returnPathForLink(c: Context, baseUrl: string): string | null {
  const path = readConsoleCookie(c, baseUrl, 'return-to')?.split('?')[0];
  return path !== undefined && emailedPage.test(path) ? path : null;
}

/**
 * The remembered page, once (the cookie is cleared), checked again; else the page the sign-in link
 * carried (`fromLink`), if an email links to it; else the dashboard.
 */
export function takeReturnPath(c: Context, baseUrl: string, fromLink?: string): string {
  const path = readConsoleCookie(c, baseUrl, 'return-to');
  if (path !== undefined) deleteConsoleCookie(c, baseUrl, 'return-to');
  if (path !== undefined && isReturnPath(path)) return path;
  return fromLink !== undefined && emailedPage.test(fromLink) ? fromLink : '/admin';
}
