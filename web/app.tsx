import { type Context } from 'hono';
// LinearRouter: adding routes builds nothing, which every cold start would pay for; it matches by
// walking this app's few dozen routes in order (the warm-render bench goes through it).
import { Hono } from 'hono/quick';
import { ConflictError, InvalidInputError, NotFoundError } from '../functions/core/errors.js';
import { appCss } from './assets/app-css.js';
import { lazyAdminRoutes } from './admin/lazy-admin-routes.js';
import type { AppDeps } from './deps.js';
import { HttpError } from './http-error.js';
import { appBodyLimit, csrfProtection, securityHeaders } from './middleware/security.js';
import { createOwnerRoutes } from './owner/owner-routes.js';
import { Layout } from './views/layout.js';
import { MessagePage } from './views/message-page.js';

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
        <p>If you own an action, use the personal link in the email we sent you.</p>
      </Layout>,
    ),
  );

  app.route('/u', createOwnerRoutes());
  app.route('/admin', lazyAdminRoutes(deps, { notFound: renderNotFound, error: renderError }));

  app.notFound(renderNotFound);
  app.onError(renderError);
  return app;
}

export function renderNotFound<E extends AppEnv>(c: Context<E>): Response | Promise<Response> {
  const forceName = (c as unknown as Context<AppEnv>).get('deps').config.name;
  return c.html(<MessagePage forceName={forceName} title="Page not found" advice="Check the address, or use the link in your latest email." />, 404);
}

/** Typed errors become pages in this one place, not in each route (sub-apps tested alone use it too). */
export function renderError<E extends AppEnv>(error: Error, c: Context<E>): Response | Promise<Response> {
  const mapped = mapError(error);
  if (mapped.status === 500) console.error(JSON.stringify({ level: 'error', message: error.message, stack: error.stack }));
  const forceName = (c as unknown as Context<AppEnv>).get('deps').config.name;
  return c.html(<MessagePage forceName={forceName} title={mapped.title} advice={mapped.advice} />, mapped.status);
}

function mapError(error: Error): { status: 400 | 403 | 404 | 409 | 413 | 429 | 500; title: string; advice: string } {
  if (error instanceof HttpError) return error;
  if (error instanceof NotFoundError) return { status: 404, title: 'Not found', advice: error.message };
  if (error instanceof ConflictError) return { status: 409, title: 'Someone else saved this first', advice: 'Reload the page to see their change.' };
  if (error instanceof InvalidInputError) return { status: 400, title: 'Something you sent is not valid', advice: error.problems.join(' ') };
  if ('status' in error && error.status === 403) return { status: 403, title: 'Request refused', advice: 'Go back, reload the page and try again.' };
  return { status: 500, title: 'Sorry, something went wrong', advice: 'Nothing was saved. Try again in a few minutes.' };
}
