import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditLog } from '../adapters/dynamodb/audit-log-store.js';
import { DynamoImportDraftStore } from '../adapters/dynamodb/import-draft-store.js';
import { DynamoRunReportStore } from '../adapters/dynamodb/run-report-store.js';
import { DynamoSessionStore } from '../adapters/dynamodb/session-store.js';
import { DynamoSignInLinkStore } from '../adapters/dynamodb/sign-in-link-store.js';
import { DynamoSummaryStore } from '../adapters/dynamodb/summary-store.js';
import type { ConsoleStores } from './compose.js';

/** The DynamoDB adapters of the stores only the admin console and the jobs use. */
export function composeConsoleStores(doc: DynamoDBDocumentClient, tableName: string): ConsoleStores {
  return {
    runReports: new DynamoRunReportStore(doc, tableName),
    summaries: new DynamoSummaryStore(doc, tableName),
    audit: new DynamoAuditLog(doc, tableName),
    sessions: new DynamoSessionStore(doc, tableName),
    signInLinks: new DynamoSignInLinkStore(doc, tableName),
    importDrafts: new DynamoImportDraftStore(doc, tableName),
  };
}
