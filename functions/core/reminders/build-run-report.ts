import type { PartOutcome } from './deliver-digest.js';
import type { Digest, ReminderPlan, SkipReason } from './reminder-plan.js';
import type { RunReport } from './run-report.js';

export interface RunReportInput {
  plan: ReminderPlan;
  outcomes: PartOutcome[];
  runId: string;
  startedAt: Date;
  finishedAt: Date;
  dryRun: boolean;
}

/**
 * Counts, not contents: ids and reasons only, so the log line and the stored report carry no action text.
 * A dry run counts what would be sent.
 */
export function buildRunReport({ plan, outcomes, runId, startedAt, finishedAt, dryRun }: RunReportInput): RunReport {
  const sent = (kind: Digest['kind']) =>
    dryRun
      ? kind === 'reminder' ? plan.reminders.length : plan.escalations.length
      : outcomes.filter((o) => o.digest.kind === kind && o.outcome.status === 'sent').length;
  const skipped: Partial<Record<SkipReason, number>> = {};
  for (const skip of plan.skipped) skipped[skip.reason] = (skipped[skip.reason] ?? 0) + 1;
  const failed = outcomes.flatMap(({ digest, outcome }) =>
    outcome.status === 'failed' ? [{ personId: digest.person.id, kind: digest.kind, error: outcome.error }] : [],
  );
  return {
    job: 'reminders',
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    period: plan.period,
    workingDay: plan.workingDay,
    dryRun,
    staleActions: plan.staleActions,
    owners: plan.owners,
    peopleReminded: sent('reminder'),
    escalations: sent('escalation'),
    recovered: outcomes.filter((o) => o.digest.recovering && o.outcome.status === 'sent').length,
    claimedElsewhere: outcomes.filter((o) => o.outcome.status === 'claimed-elsewhere').length,
    unconfirmed: outcomes.filter((o) => o.outcome.status === 'unconfirmed').length,
    skipped,
    failures: failed.length,
    failed,
  };
}
