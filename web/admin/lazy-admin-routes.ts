import type { ErrorHandler, NotFoundHandler } from 'hono';
// Loaded at start-up: hono/quick keeps the default RegExp router out of the cold start.
import { Hono } from 'hono/quick';
import type { AppEnv } from '../app.js';
import type { AppDeps } from '../deps.js';

/**
 * The admin console, loaded on its first request. Owners opening their link are the hot path and the
 * few admins are not: the console's code (about a fifth of the http bundle) then stays out of every
 * cold start. The loaded app runs behind the outer app's security middleware, with the same deps and
 * error pages, and receives the platform's env unchanged (rate limits read the client address there).
 */
export function lazyAdminRoutes(deps: AppDeps, pages: { notFound: NotFoundHandler<AppEnv>; error: ErrorHandler<AppEnv> }): Hono<AppEnv> {
  let loaded: Promise<Hono<AppEnv>> | undefined;
  const load = () =>
    (loaded ??= import('./admin-app.js').then(({ createAdminRoutes }) => {
      const console = new Hono<AppEnv>();
      console.use(async (c, next) => {
        c.set('deps', deps);
        await next();
      });
      console.route('/admin', createAdminRoutes());
      console.notFound(pages.notFound);
      console.onError(pages.error);
      return console;
    }));
  return new Hono<AppEnv>().all('*', async (c) => (await load()).fetch(c.req.raw, c.env));
}
