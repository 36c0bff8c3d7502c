import { createMiddleware } from 'hono/factory';
import { resolveSession } from '../../../functions/core/admin/resolve-session.js';
import type { AdminEnv, AdminSession } from '../admin-env.js';
import { clearSessionCookie, readSessionCookie } from './session-cookie.js';

export const signInPath = '/admin/sign-in';

/**
 * Everything in the console behind sign-in: a request without a live session goes to the sign-in page
 * (303, whatever its method, so a POST after the session ended does nothing and says why); with one,
 * the handlers find it as `c.get('session')`. Roles are checked per route with requireAdmin.
 */
export const requireSession = createMiddleware<AdminEnv>(async (c, next) => {
  const deps = c.get('deps');
  const token = readSessionCookie(c, deps.config.baseUrl);
  const record = await resolveSession(deps, token, deps.clock.now());
  if (!record) {
    if (token === undefined) return c.redirect(signInPath, 303);
    clearSessionCookie(c, deps.config.baseUrl);
    return c.redirect(`${signInPath}?ended=1`, 303);
  }
  const session: AdminSession = { sessionId: record.hash, email: record.email, name: record.name, personId: record.personId, role: record.role };
  c.set('session', session);
  await next();
});
