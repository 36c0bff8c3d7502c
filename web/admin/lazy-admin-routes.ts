import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
// Loaded at start-up: hono/quick keeps the default RegExp router out of the cold start.
import { Hono } from 'hono/quick';
import type { AppEnv } from '../app.js';
import type { AppDeps } from '../deps.js';

/** The app's error pages, which take the console's navigation when the console has a session to show. */
export interface ErrorPages {
  notFound: (c: Context<AppEnv>, nav?: Child) => Response | Promise<Response>;
  error: (error: Error, c: Context<AppEnv>, nav?: Child) => Response | Promise<Response>;
}

/**
 * The admin console, loaded on its first request. Owners opening their link are the hot path and the
 * few admins are not: the console's code (about a fifth of the http bundle) then stays out of every
 * cold start. The loaded app runs behind the outer app's security middleware, with the same deps and
 * error pages, and receives the platform's env unchanged (rate limits read the client address there).
 */
export function lazyAdminRoutes(deps: AppDeps, pages: ErrorPages): Hono<AppEnv> {
  let loaded: Promise<Hono<AppEnv>> | undefined;
  const load = () =>
    (loaded ??= import('./admin-app.js').then(({ createAdminRoutes, withConsoleNav }) => {
      const console = new Hono<AppEnv>();
      console.use(async (c, next) => {
        c.set('deps', deps);
        await next();
      });
      console.route('/admin', createAdminRoutes());
      const withNav = withConsoleNav(pages);
      console.notFound(withNav.notFound);
      console.onError(withNav.error);
      return console;
    }));
  return new Hono<AppEnv>().all('*', async (c) => (await load()).fetch(c.req.raw, c.env));
}
