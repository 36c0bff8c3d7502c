import { Hono } from 'hono';
import { renderError, renderNotFound } from '../../../web/app.js';
import { consoleHeaders, withConsoleNav } from '../../../web/admin/admin-app.js';
import type { AdminEnv, AdminSession } from '../../../web/admin/admin-env.js';
import type { AppDeps } from '../../../web/deps.js';

export const adminSession: AdminSession = {
  sessionId: 'test-session',
  email: 'admin@northshire.example',
  name: 'Sam Admin',
  personId: null,
  role: 'admin',
};
export const boardSession: AdminSession = { ...adminSession, email: 'board@northshire.example', name: 'Bo Board', role: 'board' };

/**
 * One console sub-app behind an injected session, for testing its pages apart from sign-in, with the
 * console's own headers and the real app's error pages. Sign-in, CSRF and the session guard are tested through createApp itself.
 */
export function adminTestApp(deps: AppDeps, routes: Hono<AdminEnv>, mountPath: string, session: AdminSession = adminSession) {
  const app = new Hono<AdminEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('session', session);
    await next();
  });
  app.use(consoleHeaders);
  app.route(mountPath, routes);
  app.onError(withConsoleNav({ notFound: renderNotFound, error: renderError }).error);
  return app;
}
