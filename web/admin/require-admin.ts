import { createMiddleware } from 'hono/factory';
import { HttpError } from '../http-error.js';
import type { AdminEnv } from './admin-env.js';

/** Every change in the console is for admins only: board members read. Put it on each POST route. */
export const requireAdmin = createMiddleware<AdminEnv>(async (c, next) => {
  if (c.get('session').role !== 'admin') {
    throw new HttpError(403, 'Only admins can do this', 'Board members can read the dashboard and summaries. Ask an admin to make the change.');
  }
  await next();
});
