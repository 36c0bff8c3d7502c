import { createDocumentClient, type AwsEndpoints } from '../adapters/aws-clients.js';
import { DynamoAuditLog } from '../adapters/dynamodb/audit-log-store.js';
import { DynamoImportDraftStore } from '../adapters/dynamodb/import-draft-store.js';
import { DynamoRepository } from '../adapters/dynamodb/dynamo-repository.js';
import { DynamoLinkTokenStore } from '../adapters/dynamodb/link-token-store.js';
import { DynamoRateLimitStore } from '../adapters/dynamodb/rate-limit-store.js';
import { DynamoSummaryStore } from '../adapters/dynamodb/summary-store.js';
import type { SummaryStore } from '../core/board-summary/summary-store.js';
import { DynamoRunReportStore } from '../adapters/dynamodb/run-report-store.js';
import { DynamoSessionStore } from '../adapters/dynamodb/session-store.js';
import { DynamoSignInLinkStore } from '../adapters/dynamodb/sign-in-link-store.js';
import type { AuditLog } from '../core/admin/audit-log.js';
import type { SessionStore, SignInLinkStore } from '../core/admin/session.js';
import type { ImportDraftStore } from '../core/admin/import-drafts.js';
import type { ForceConfig } from '../core/config/force-config.js';
import type { LinkTokenStore } from '../core/links/link-token.js';
import type { RateLimitStore } from '../core/links/rate-limit.js';
import type { Clock, Mailer, Repository } from '../core/ports.js';
import type { RunReportStore } from '../core/reminders/run-report.js';

export interface CoreDeps {
  config: ForceConfig;
  repository: Repository;
  clock: Clock;
  getMailer: () => Promise<Mailer>;
  linkTokens: LinkTokenStore;
  rateLimits: RateLimitStore;
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
 * injected. SES is imported on first use so that it stays off the web handler's start-up path.
 */
export function composeDeps(options: ComposeOptions): CoreDeps {
  const doc = createDocumentClient(options.endpoints);
  const repository = new DynamoRepository(doc, options.tableName);
  let mailer: Promise<Mailer> | undefined;
  return {
    config: options.config,
    repository,
    clock: options.clock ?? systemClock,
    linkTokens: new DynamoLinkTokenStore(doc, options.tableName),
    rateLimits: new DynamoRateLimitStore(doc, options.tableName),
    summaries: new DynamoSummaryStore(doc, options.tableName),
    runReports: new DynamoRunReportStore(doc, options.tableName),
    audit: new DynamoAuditLog(doc, options.tableName),
    sessions: new DynamoSessionStore(doc, options.tableName),
    signInLinks: new DynamoSignInLinkStore(doc, options.tableName),
    importDrafts: new DynamoImportDraftStore(doc, options.tableName),
    getMailer: () =>
      (mailer ??= import('../adapters/ses/ses-mailer.js').then(({ createSesMailer }) =>
        createSesMailer(options.endpoints, options.config.sender, options.configurationSetName),
      )),
  };
}
