import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { readFilters, type ActionFilters } from '../../../functions/core/admin/actions/list-actions.js';
import { consoleCookie } from '../auth/session-cookie.js';
import { listHref } from './list-page.js';
import { actionPaths } from './paths.js';

/**
 * The actions list as the admin last saw it (filters and page), so that an action's back link returns
 * to it through any saves made on the way. A browser-session cookie holding a query; read back through
 * the list's own filter parsing, so only its choices come out.
 */
export function rememberListView(c: Context, baseUrl: string, filters: ActionFilters, page: number): void {
  const { name, secure } = consoleCookie(baseUrl, 'actions-list');
  setCookie(c, name, listHref(filters, page), { httpOnly: true, secure, sameSite: 'Lax', path: '/' });
}

export function lastListView(c: Context, baseUrl: string): string {
  const remembered = getCookie(c, consoleCookie(baseUrl, 'actions-list').name);
  const query = remembered?.startsWith(`${actionPaths.list}?`) ? remembered.slice(actionPaths.list.length + 1) : '';
  const { filters } = readFilters(Object.fromEntries(new URLSearchParams(query)));
  return listHref(filters, filters.page ?? 1);
}
