import { MemoryAuditLog } from '../../functions/adapters/memory/memory-audit-log.js';
import { MemoryImportDraftStore } from '../../functions/adapters/memory/memory-import-draft-store.js';
import { MemoryLinkTokenStore } from '../../functions/adapters/memory/memory-link-token-store.js';
import { MemoryRateLimitStore } from '../../functions/adapters/memory/memory-rate-limit-store.js';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { MemoryRunReportStore } from '../../functions/adapters/memory/memory-run-report-store.js';
import { MemorySessionStore, MemorySignInLinkStore } from '../../functions/adapters/memory/memory-session-store.js';
import { MemorySummaryStore } from '../../functions/adapters/memory/memory-summary-store.js';
import type { CoreDeps } from '../../functions/runtime/compose.js';

/**
 * The composition root's deps on in-memory fakes, for web and core tests and benchmarks: pass what the
 * test cares about, the rest are fresh fakes. A new port needs one line here, not one in every fixture.
 */
export function memoryDeps(deps: Pick<CoreDeps, 'config'> & Partial<CoreDeps>): CoreDeps {
  return {
    repository: new MemoryRepository(),
    clock: { now: () => new Date() },
    getMailer: () => Promise.reject(new Error('this test sends no mail: pass getMailer')),
    linkTokens: new MemoryLinkTokenStore(),
    rateLimits: new MemoryRateLimitStore(),
    // No real waiting in tests: a test of the waiting passes its own timer.
    timer: { now: () => 0, sleep: async () => undefined },
    runReports: new MemoryRunReportStore(),
    summaries: new MemorySummaryStore(),
    audit: new MemoryAuditLog(),
    sessions: new MemorySessionStore(),
    signInLinks: new MemorySignInLinkStore(),
    importDrafts: new MemoryImportDraftStore(),
    ...deps,
  };
}
