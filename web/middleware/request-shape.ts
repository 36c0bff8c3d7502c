import type { MiddlewareHandler } from 'hono';
import { parseBody } from 'hono/utils/body';
import { HttpError } from '../http-error.js';
import { isUploadRequest } from './security.js';

/**
 * No page's address comes near this; an id far longer would reach DynamoDB, which refuses a key over
 * 2 kB with an error, and every error counts towards the alarm that emails IT.
 */
export const maxPathChars = 512;

/**
 * Requests no page of ours sends are the sender's mistake, answered 4xx, never a 500 that pages IT:
 * an address too long to be one of ours, and a form body that cannot be read (a broken multipart
 * body). A copy of the form is read here, as the routes will read it: the console is a separate app
 * that reads the request afresh. Uploads are read in their route, after its own size limit.
 */
export function requestShape(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path.length > maxPathChars) throw new HttpError(404, 'Page not found', 'Check the address.');
    if (c.req.method === 'POST' && !isUploadRequest(c)) {
      await parseBody(c.req.raw.clone()).catch(() => {
        throw new HttpError(400, 'The form could not be read', 'Go back, reload the page and send the form again.');
      });
    }
    await next();
  };
}
