import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { createSummaryRoutes } from '../summaries/summary-routes.js';
import { createActionRoutes } from './actions/action-routes.js';
import { createExportRoutes } from './export/export-routes.js';
import type { AppEnv } from '../app.js';
import type { AdminEnv, AdminSession } from './admin-env.js';
import { AdminNav } from './admin-layout.js';
import type { ErrorPages } from './lazy-admin-routes.js';
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

/** The app's error pages with the console's navigation, for a signed-in person (set by requireSession). */
export function withConsoleNav(pages: ErrorPages) {
  const navOf = <E extends AppEnv>(c: Context<E>) => {
    const session = (c as unknown as Context<AdminEnv>).get('session') as AdminSession | undefined;
    return session ? <AdminNav session={session} /> : undefined;
  };
  const asApp = <E extends AppEnv>(c: Context<E>) => c as unknown as Context<AppEnv>;
  return {
    notFound: <E extends AppEnv>(c: Context<E>) => pages.notFound(asApp(c), navOf(c)),
    error: <E extends AppEnv>(error: Error, c: Context<E>) => pages.error(error, asApp(c), navOf(c)),
  };
}

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
