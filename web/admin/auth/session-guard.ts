import { createMiddleware } from 'hono/factory';
import { resolveSession } from '../../../functions/core/admin/resolve-session.js';
import { isUploadRequest } from '../../middleware/security.js';
import { wordsOf } from '../../views/describe-change.js';
import type { AdminEnv, AdminSession } from '../admin-env.js';
import { clearSessionCookie, readSessionCookie, rememberReturnPath } from './session-cookie.js';
import { SignInPage, type UnsavedText } from './sign-in-pages.js';

export const signInPath = '/admin/sign-in';

/**
 * Everything in the console behind sign-in: a request without a live session goes to the sign-in page
 * (303, so a POST after the session ended does nothing and says why), except a POST carrying text the
 * person typed: that gets the sign-in page at once with the text to copy (403), as nothing is saved.
 * With a session, the handlers find it as `c.get('session')`. Roles are checked per route with requireAdmin.
 */
/** Form fields the person wrote, rather than chose: a choice, an id or a version is quick to give again. */
function typedText(body: Record<string, unknown>): UnsavedText[] {
  return Object.entries(body).flatMap(([name, value]) =>
    typeof value === 'string' && /\s/.test(value.trim()) ? [{ label: wordsOf(name), value: value.replace(/\r\n/g, '\n') }] : [],
  );
}

export const requireSession = createMiddleware<AdminEnv>(async (c, next) => {
  const deps = c.get('deps');
  const token = readSessionCookie(c, deps.config.baseUrl);
  const record = await resolveSession(deps, token, deps.clock.now());
  if (!record) {
    if (token !== undefined) clearSessionCookie(c, deps.config.baseUrl);
    if (c.req.method === 'GET') {
      const { pathname, search } = new URL(c.req.url);
      rememberReturnPath(c, deps.config.baseUrl, pathname + search);
    }
    // An upload is a file, not typed text, and its body is only size-checked by its route, after this.
    // Without a cookie too: signing out in another tab clears it, and the form there still holds text.
    const unsaved = c.req.method === 'POST' && !isUploadRequest(c) ? typedText(await c.req.parseBody()) : [];
    if (unsaved.length > 0) return c.html(SignInPage({ forceName: deps.config.name, ended: true, unsaved }), 403);
    return c.redirect(token === undefined ? signInPath : `${signInPath}?ended=1`, 303);
  }
  // Sessions begun before names could be null kept the address as a name: it is no name to show others.
  const name = record.name === record.email ? null : record.name;
  const session: AdminSession = { sessionId: record.hash, email: record.email, name, personId: record.personId, role: record.role };
  c.set('session', session);
  await next();
});
