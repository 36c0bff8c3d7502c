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
