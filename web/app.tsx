import { type Context } from 'hono';
import type { Child } from 'hono/jsx';
// LinearRouter: adding routes builds nothing, which every cold start would pay for; it matches by
// walking this app's few dozen routes in order (the warm-render bench goes through it).
import { Hono } from 'hono/quick';
import { ConflictError, InvalidInputError, NotFoundError } from '../functions/core/errors.js';
import { appCss } from './assets/app-css.js';
import { lazyAdminRoutes } from './admin/lazy-admin-routes.js';
import type { AppDeps } from './deps.js';
import { FailedWithText, HttpError } from './http-error.js';
import { requestShape } from './middleware/request-shape.js';
import { appBodyLimit, csrfProtection, securityHeaders } from './middleware/security.js';
import { ownerPaths, tokenInPath } from './owner/format.js';
import { UnsavedWarning, type TypedText } from './owner/components.js';
import { createOwnerRoutes } from './owner/owner-routes.js';
import { Layout } from './views/layout.js';
import { MessagePage, type WayOn } from './views/message-page.js';

export type AppEnv = { Variables: { deps: AppDeps } };

/** The one Hono app, used by the http Lambda and the local runner alike. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const forceName = deps.config.name;

  app.use(async (c, next) => {
    c.set('deps', deps);
    // Nothing here is for a cache to keep but the stylesheet, which says so: error pages included,
    // such as a refused POST under a token's path.
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.use(securityHeaders());
  app.use(csrfProtection(deps.config.baseUrl));
  app.use(appBodyLimit());
  app.use(requestShape());

  app.get('/healthz', (c) => c.text('ok'));
  app.get('/assets/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(appCss, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/', (c) =>
    c.html(
      <Layout title="Home" forceName={forceName}>
        <h1>Action Plan Tracker</h1>
        <p>Keep {forceName}'s inspection action plan up to date.</p>
        <h2>If you own an action</h2>
        <p>Use the personal link in the latest email we sent you. If it has expired or you cannot find it, get a new one.</p>
        <p>
          <a href={ownerPaths.newLink}>Get a new link to your actions</a>
        </p>
        <h2>If you run the plan or sit on the board</h2>
        <p>
          <a href="/admin/sign-in">Sign in to the admin console</a>
        </p>
      </Layout>,
    ),
  );

  app.route('/u', createOwnerRoutes());
  app.route('/admin', lazyAdminRoutes(deps, { notFound: renderNotFound, error: renderError }));

  app.notFound(renderNotFound);
  app.onError(renderError);
  return app;
}

/** `nav`: the console's navigation, which the console (loaded on demand) passes for a signed-in person. */
export function renderNotFound<E extends AppEnv>(c: Context<E>, nav?: Child): Response | Promise<Response> {
  const advice = isConsolePath(c.req.path) ? 'Check the address, or go to the dashboard.' : 'Check the address, or use the link in your latest email.';
  return c.html(errorPage(c, 'Page not found', advice, nav), 404);
}

/** Typed errors become pages in this one place, not in each route (sub-apps tested alone use it too). */
export function renderError<E extends AppEnv>(thrown: Error, c: Context<E>, nav?: Child): Response | Promise<Response> {
  const error = thrown instanceof FailedWithText ? thrown.error : thrown;
  const mapped = mapError(error, c.req.method, c.req.path);
  if (mapped.status === 500) console.error(JSON.stringify({ level: 'error', message: error.message, stack: error.stack }));
  const unsaved = thrown instanceof FailedWithText ? thrown.unsaved : [];
  return c.html(errorPage(c, mapped.title, mapped.advice, nav, unsaved), mapped.status);
}

const isConsolePath = (path: string) => path === '/admin' || path.startsWith('/admin/');

/** An error page is never a dead end: it leads on from where it happened, with any text it could not take. */
function errorPage<E extends AppEnv>(c: Context<E>, title: string, advice: string, nav: Child | undefined, unsaved: TypedText[] = []) {
  const forceName = (c as unknown as Context<AppEnv>).get('deps').config.name;
  return (
    <MessagePage forceName={forceName} title={title} advice={advice} wayOn={wayOnFrom(c.req.path)} nav={nav}>
      <UnsavedWarning texts={unsaved} lead="What you wrote may not have been saved." />
    </MessagePage>
  );
}

/**
 * From a console page, the dashboard (a board member refused an admin's page too); under a personal
 * link, the person's actions; anywhere else, the home page and its links.
 */
function wayOnFrom(path: string): WayOn {
  if (isConsolePath(path)) return { href: '/admin', label: 'Go to the dashboard' };
  const token = tokenInPath(path);
  return token ? { href: ownerPaths.list(token), label: 'Go to your actions' } : { href: '/', label: 'Go to the home page' };
}

function mapError(error: Error, method: string, path: string): { status: 400 | 403 | 404 | 409 | 413 | 429 | 500; title: string; advice: string } {
  if (error instanceof HttpError) return error;
  if (error instanceof NotFoundError) return { status: 404, title: 'Not found', advice: error.message };
  if (error instanceof ConflictError) return { status: 409, title: 'Someone else saved this first', advice: 'Reload the page to see their change.' };
  if (error instanceof InvalidInputError) return { status: 400, title: 'Something you sent is not valid', advice: error.problems.join(' ') };
  if ('status' in error && error.status === 403) return { status: 403, title: 'Request refused', advice: 'Go back, reload the page and try again.' };
  return { status: 500, title: 'Sorry, something went wrong', advice: adviceAfterFailure(method, path) };
}

/**
 * What to do after a request failed, by what it may have left behind: a page, a download or a request
 * for a link writes nothing worth checking; an owner's or SRO's form is saved once however often it is
 * sent, and sending it again is what asks the SRO of a closure whose first send failed; a console
 * change may have been saved in part (a retry of one already saved is refused as a conflict).
 */
function adviceAfterFailure(method: string, path: string): string {
  const writesNothing = method === 'GET' || method === 'HEAD' || path.endsWith('.xlsx') || path === '/u/new-link' || path.startsWith('/admin/sign-in');
  if (writesNothing) return 'Try again in a few minutes.';
  if (/^\/u\/[^/]+\/(actions|sign-off)\//.test(path)) {
    return 'What you sent may have been saved. Send the form again in a few minutes: it is never saved twice.';
  }
  return 'Some of what you sent may have been saved: open the page again to check, and if it is not there, send it again in a few minutes.';
}
