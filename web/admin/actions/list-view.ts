import type { Context } from 'hono';
import { readFilters, type ActionFilters } from '../../../functions/core/admin/actions/list-actions.js';
import { readConsoleCookie, writeConsoleCookie } from '../auth/session-cookie.js';
import { listHref } from './list-page.js';
import { actionPaths } from './paths.js';

/**
 * The actions list as the admin last saw it (filters and page), so that an action's back link returns
 * to it through any saves made on the way. A browser-session cookie holding a query; read back through
 * the list's own filter parsing, so only its choices come out.
 */
export function rememberListView(c: Context, baseUrl: string, filters: ActionFilters, page: number): void {
  writeConsoleCookie(c, baseUrl, 'actions-list', listHref(filters, page));
}

export function lastListView(c: Context, baseUrl: string): string {
  const remembered = readConsoleCookie(c, baseUrl, 'actions-list');
  const query = remembered?.startsWith(`${actionPaths.list}?`) ? remembered.slice(actionPaths.list.length + 1) : '';
  const { filters } = readFilters(Object.fromEntries(new URLSearchParams(query)));
  return listHref(filters, filters.page ?? 1);
}
