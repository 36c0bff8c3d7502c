import { createDocumentClient, type AwsEndpoints } from '../adapters/aws-clients.js';
import { DynamoRepository } from '../adapters/dynamodb/dynamo-repository.js';
import { DynamoLinkTokenStore } from '../adapters/dynamodb/link-token-store.js';
import { DynamoRateLimitStore } from '../adapters/dynamodb/rate-limit-store.js';
import type { SummaryStore } from '../core/board-summary/summary-store.js';
import type { AuditLog } from '../core/admin/audit-log.js';
import type { SessionStore, SignInLinkStore } from '../core/admin/session.js';
import type { ImportDraftStore } from '../core/admin/import-drafts.js';
import type { ForceConfig } from '../core/config/force-config.js';
import type { LinkTokenStore } from '../core/links/link-token.js';
import type { RateLimitStore } from '../core/links/rate-limit.js';
import type { Clock, Mailer, Repository } from '../core/ports.js';
import type { RunReportStore } from '../core/reminders/run-report.js';
import { realTimer, type Timer } from '../core/timer.js';
import { lazyStore } from './lazy-store.js';

/** The stores only the admin console and the jobs use. */
export interface ConsoleStores {
  /** The reminder job's run reports, for the admin console's list of recent runs. */
  runReports: RunReportStore;
  /** Every month's board summary snapshot and who was sent it. */
  summaries: SummaryStore;
  /** Every admin change: who, when, what, before and after. */
  audit: AuditLog;
  /** Uploaded plans kept between the import preview and its confirm. */
  importDrafts: ImportDraftStore;
  /** Admin console sessions, and the single-use links emailed to sign in. */
  sessions: SessionStore;
  signInLinks: SignInLinkStore;
}

/** What the entries use. The owner's pages use only the fields below, never the console's stores. */
export interface CoreDeps extends ConsoleStores {
  config: ForceConfig;
  repository: Repository;
  clock: Clock;
  /** `sendOnce` for the jobs' digests and summaries: no retry by the SDK, which could deliver a second copy (createSesClient). */
  getMailer: (options?: MailerOptions) => Promise<Mailer>;
  linkTokens: LinkTokenStore;
  rateLimits: RateLimitStore;
  /** Waits in web requests that must take the same time whatever they find (see evenResponseTime). */
  timer: Timer;
}

export interface MailerOptions {
  sendOnce?: boolean;
}

export interface ComposeOptions {
  config: ForceConfig;
  tableName: string;
  endpoints: AwsEndpoints;
  configurationSetName?: string;
  clock?: Clock;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The composition root shared by every Lambda and the local runner: clients are built once here and
 * injected. SES and the console's stores are imported on first use, so that they stay off the start-up
 * path of the owner's pages, which is every cold start of the web Lambda.
 */
export function composeDeps(options: ComposeOptions): CoreDeps {
  const doc = createDocumentClient(options.endpoints);
  const mailers = new Map<boolean, Promise<Mailer>>();
  let consoleStores: Promise<ConsoleStores> | undefined;
  const loadConsoleStores = () =>
    (consoleStores ??= import('./console-stores.js').then(({ composeConsoleStores }) => composeConsoleStores(doc, options.tableName)));
  return {
    config: options.config,
    repository: new DynamoRepository(doc, options.tableName),
    clock: options.clock ?? systemClock,
    linkTokens: new DynamoLinkTokenStore(doc, options.tableName),
    rateLimits: new DynamoRateLimitStore(doc, options.tableName),
    timer: realTimer,
    getMailer: ({ sendOnce = false } = {}) => {
      const mailer =
        mailers.get(sendOnce) ??
        import('../adapters/ses/ses-mailer.js').then(({ createSesMailer }) =>
          createSesMailer(
            options.endpoints,
            { address: options.config.sender, name: `${options.config.name} Action Plan Tracker` },
            { ...(options.configurationSetName ? { configurationSetName: options.configurationSetName } : {}), sendOnce },
          ),
        );
      mailers.set(sendOnce, mailer);
      return mailer;
    },
    runReports: lazyStore(async () => (await loadConsoleStores()).runReports),
    summaries: lazyStore(async () => (await loadConsoleStores()).summaries),
    audit: lazyStore(async () => (await loadConsoleStores()).audit),
    importDrafts: lazyStore(async () => (await loadConsoleStores()).importDrafts),
    sessions: lazyStore(async () => (await loadConsoleStores()).sessions),
    signInLinks: lazyStore(async () => (await loadConsoleStores()).signInLinks),
  };
}
