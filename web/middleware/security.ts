import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { HttpError } from '../http-error.js';

/** Enough for a long progress update in a form; imports have their own larger route limit. */
export const maxFormBytes = 64 * 1024;

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      scriptSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

/** The origin comes from config, not the request, so a custom domain or proxy cannot confuse it. */
export function csrfProtection(baseUrl: string): MiddlewareHandler {
  return csrf({ origin: new URL(baseUrl).origin });
}

export function formBodyLimit(maxSize = maxFormBytes): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new HttpError(413, 'What you sent is too large', `Keep it under ${Math.floor(maxSize / 1024)} kB and try again.`);
    },
  });
}
