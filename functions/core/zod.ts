import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/*
 * zod's small build, for every schema in the project: its schemas are plain data with functions beside
 * them, not objects carrying every method, so they cost less to build and to load, which the http
 * Lambda pays on each cold start. It ships without messages; the English ones are set here, once.
 */
z.config(en());

export * from 'zod/mini';
