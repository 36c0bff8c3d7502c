import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { maxProgressChars } from '../../functions/core/owner/owner-update-form.js';
import { formatCount } from '../../functions/core/words.js';
import type { AppEnv } from '../app.js';
import { HttpError } from '../http-error.js';
import { ownerPaths, tokenInPath } from '../owner/format.js';

/**
 * Enough for every form's fields at their own limits, so that too much text gets the field's error with
 * the text kept rather than this page, which cannot give it back. A character can take 9 bytes in a
 * form ("“" is %E2%80%9C): the owner's form at its 12,000 characters is 108 kB, and the console's edit
 * at its 65,300 (20,000 in each of three fields) is 588 kB. Imports have their own larger route limit.
 */
export const maxFormBytes = 640 * 1024;

/** The routes that take file uploads: each sets its own larger limit, so the app-wide one skips them. */
export const uploadPaths: readonly string[] = ['/admin/import/preview'];

export const isUploadRequest = (c: Context): boolean => c.req.method === 'POST' && uploadPaths.includes(c.req.path);

/** The app-wide form limit; a POST to an upload route passes through to that route's own larger limit. */
export function appBodyLimit(): MiddlewareHandler {
  const limit = formBodyLimit();
  return (c, next) => (isUploadRequest(c) ? next() : limit(c, next));
}

/** No page runs a script (all of it works without JavaScript), so default-src 'none' forbids every one. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    // frame-ancestors 'none' says the same to browsers that read the CSP; this, to those that do not.
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

/**
 * Answers an accepted request no sooner than `minimumMs` after it arrived. The fresh-link and sign-in
 * requests email a known address and not an unknown one; without this, the time they take would tell
 * anyone which addresses the force's directory holds, though the page they show is the same. A refusal
 * (not an address, too many requests) is decided before any address is looked up, so its time tells
 * nothing: it is answered at once, so that a flood of them does not hold the function for each.
 */
export function evenResponseTime(minimumMs: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { timer } = c.get('deps');
    const started = timer.now();
    await next();
    if (c.res.status >= 400) return;
    const wait = minimumMs - (timer.now() - started);
    if (wait > 0) await timer.sleep(wait);
  };
}

/** Long enough to cover sending an email (SES answers in well under a second), short enough not to annoy. */
export const emailRequestMs = 1500;

/**
 * The origin comes from config, not the request, so a custom domain or proxy cannot confuse it.
 * Browsers older than Fetch Metadata (Safari before 16.4, so any iPhone left on iOS 15) send no
 * Sec-Fetch-Site, and `Origin: null` under our no-referrer policy; every current browser sends
 * Sec-Fetch-Site, so that pair means an old browser or no browser. It is accepted under a personal
 * link, whose path holds the link's secret (a forging site would have to know it, and could then use
 * it without anyone's browser), and for a fresh-link request, which anyone may send from anywhere. The
 * console's authority is a cookie that any site's form would carry, so it still needs one of the two.
 */
export function csrfProtection(baseUrl: string): MiddlewareHandler {
  const configured = new URL(baseUrl).origin;
  return csrf({
    origin: (origin, c) => origin === configured || (origin === 'null' && c.req.header('sec-fetch-site') === undefined && carriesNoCookieAuthority(c.req.path)),
  });
}

const carriesNoCookieAuthority = (path: string) => path === ownerPaths.newLink || tokenInPath(path) !== null;

export function formBodyLimit(maxSize = maxFormBytes): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      throw tooLarge(c.req.path, maxSize);
    },
  });
}

/**
 * An owner meets the limit only by pasting far more than the form takes, so they are told the form's
 * own limit, not a size in kB; the error page links back to their actions (see app.tsx).
 */
function tooLarge(path: string, maxSize: number): HttpError {
  if (tokenInPath(path)) {
    // The same words serve the sign-off page's reason, whose own limit is lower still.
    // Too large to read, so not given back: the browser's Back button returns to the form, text and all.
    return new HttpError(
      413,
      'What you wrote is too long',
      `It was not saved. Go back to the form with your browser’s Back button, where what you wrote should still be, shorten it and send it again: a progress update can be up to ${formatCount(maxProgressChars)} characters.`,
    );
  }
  return new HttpError(413, 'What you sent is too large', `It was not saved. Keep it under ${Math.floor(maxSize / 1024)} kB and try again.`);
}
