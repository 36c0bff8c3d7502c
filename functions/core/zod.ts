import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/*
 * zod's small build, for every schema in the project: its schemas are plain data with functions beside
 * them, not objects carrying every method, so they cost less to build and to load, which the http
 * Lambda pays on each cold start. It ships without messages; the English ones are set here, once.
 */
const english = en().localeError!;
// "sender: is missing" rather than "Invalid input: expected string, received undefined".
z.config({ localeError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : english(issue)) });

export * from 'zod/mini';
