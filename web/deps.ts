import type { CoreDeps } from '../functions/runtime/compose.js';

/** What the web app needs: the composition root's deps, from the Lambda entry or the local runner alike. */
export type AppDeps = CoreDeps;
