import type { Action } from './model/action.js';

/** Someone else saved the action first; `current` is what they saved. */
export class ConflictError extends Error {
  constructor(readonly current: Action | null) {
    super(current ? `Action ${current.ref} was changed by someone else (now version ${current.version})` : 'Item already exists');
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found`);
    this.name = 'NotFoundError';
  }
}

/** Bad input from a person or a file: each problem says what is wrong and what to do. */
export class InvalidInputError extends Error {
  constructor(readonly problems: string[], summary = 'The input is not valid') {
    super(`${summary}:\n${problems.map((p) => ` - ${p}`).join('\n')}`);
    this.name = 'InvalidInputError';
  }
}
