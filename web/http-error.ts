import type { TypedText } from './owner/components.js';

/** An error a person can act on: the title says what happened, the advice what to do. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 429,
    readonly title: string,
    readonly advice: string,
  ) {
    super(title);
    this.name = 'HttpError';
  }
}

/**
 * A request that failed after the person typed into it: it maps as `error` does, and the error page
 * gives their text back to copy, since the one way on from it (their actions) would lose it.
 */
export class FailedWithText extends Error {
  constructor(
    readonly error: Error,
    readonly unsaved: TypedText[],
  ) {
    super(error.message);
    this.name = 'FailedWithText';
  }
}
