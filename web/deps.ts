import type { CoreDeps } from '../functions/runtime/compose.js';

/** What the web app needs: the composition root's deps (Lambda entry or local runner), and one local switch. */
export interface AppDeps extends CoreDeps {
  /**
   * Local runner only: shows the demo plan at /preview until the signed-in admin console exists.
   * Never set in AWS, where the plan is OFFICIAL-SENSITIVE and every page needs a link or a session.
   */
  localPreview?: boolean;
}
