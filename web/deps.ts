import type { ForceConfig } from '../functions/core/config/force-config.js';
import type { LinkTokenStore } from '../functions/core/links/link-token.js';
import type { RateLimitStore } from '../functions/core/links/rate-limit.js';
import type { Clock, Mailer, Repository } from '../functions/core/ports.js';

/** What the web app needs, built once by a composition root (Lambda entry or local runner). */
export interface AppDeps {
  config: ForceConfig;
  repository: Repository;
  clock: Clock;
  /** Loaded on first use so that the SES client stays off the form handler's start-up path. */
  getMailer: () => Promise<Mailer>;
  /** Personal link tokens (hashed) and their per-person revocation. */
  linkTokens: LinkTokenStore;
  /** Counts fresh-link requests so the form cannot flood inboxes. */
  rateLimits: RateLimitStore;
  /**
   * Local runner only: shows the demo plan at /preview until the signed-in admin console exists.
   * Never set in AWS, where the plan is OFFICIAL-SENSITIVE and every page needs a link or a session.
   */
  localPreview?: boolean;
}
