import { Hono } from 'hono';
import { loadDashboard } from '../../../functions/core/admin/dashboard.js';
import type { AdminEnv } from '../admin-env.js';
import { DashboardPage } from './dashboard-page.js';

/** The console's home at /admin: read-only, so board members see it too. */
export function createDashboardRoutes() {
  return new Hono<AdminEnv>().get('/', async (c) => {
    const deps = c.get('deps');
    const now = deps.clock.now();
    const dashboard = await loadDashboard(deps, now);
    const { config } = deps;
    return c.html(
      <DashboardPage forceName={config.name} timeZone={config.timeZone} staleAfterDays={config.staleAfterDays} session={c.get('session')} dashboard={dashboard} now={now} />,
    );
  });
}
