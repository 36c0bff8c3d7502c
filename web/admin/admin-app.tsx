import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { createSummaryRoutes } from '../summaries/summary-routes.js';
import { createActionRoutes } from './actions/action-routes.js';
import { createExportRoutes } from './export/export-routes.js';
import type { AdminEnv } from './admin-env.js';
import { createAuditRoutes } from './audit/audit-routes.js';
import { requireSession } from './auth/session-guard.js';
import { createSignInRoutes, createSignOutRoutes } from './auth/sign-in-routes.js';
import { createDashboardRoutes } from './dashboard/dashboard-routes.js';
import { createImportRoutes } from './import/import-routes.js';
import { createPeopleRoutes } from './people/people-routes.js';
import { createReminderRoutes } from './reminders/reminder-routes.js';

/** Every console page is personal and OFFICIAL-SENSITIVE: never cached, never indexed. */
export const consoleHeaders = createMiddleware<AdminEnv>(async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
});

/**
 * The admin console at /admin. Sign-in is the only part open without a session; everything mounted
 * after `requireSession` needs one (Hono runs handlers in the order they are added), and each route
 * that changes anything adds `requireAdmin`. Handlers read the signed-in person as `c.get('session')`.
 */
export function createAdminRoutes() {
  const admin = new Hono<AdminEnv>();
  admin.use(consoleHeaders);
  admin.route('/', createSignInRoutes());

  admin.use(requireSession);
  admin.route('/sign-out', createSignOutRoutes());
  admin.route('/', createDashboardRoutes());
  admin.route('/summaries', createSummaryRoutes());
  // ── Console areas: mount each sub-app here, one line each, after the session guard. ──
  admin.route('/import', createImportRoutes());
  admin.route('/reminders', createReminderRoutes());
  admin.route('/actions', createActionRoutes());
  admin.route('/export', createExportRoutes());
  admin.route('/people', createPeopleRoutes());
  admin.route('/audit', createAuditRoutes());

  return admin;
}
