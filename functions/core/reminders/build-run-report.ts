import type { PartOutcome } from './deliver-digest.js';
import type { Digest, ReminderPlan, SkipReason } from './reminder-plan.js';
import type { SendFailureReason } from '../send-failure.js';
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
 * Counts, not contents: person ids and reasons only, so the stored report carries no action text and no
 * SES text (a failed send keeps its reason code: send-failure.ts); its log line drops the ids (runLogLine).
 * Reminders and escalations count parts sent; failures, recoveries, unconfirmed and skips count people
 * (one email each), so an SRO's email holding both parts counts once. A dry run counts what would be sent.
 */
export function buildRunReport({ plan, outcomes, runId, startedAt, finishedAt, dryRun }: RunReportInput): RunReport {
  const sent = (kind: Digest['kind']) =>
    dryRun
      ? kind === 'reminder' ? plan.reminders.length : plan.escalations.length
      : outcomes.filter((o) => o.digest.kind === kind && o.outcome.status === 'sent').length;
  const people = (matches: (o: PartOutcome) => boolean) => new Set(outcomes.filter(matches).map((o) => o.digest.person.id)).size;
  const skippedWho = new Map<SkipReason, Set<string>>();
  for (const skip of plan.skipped) {
    const who = skippedWho.get(skip.reason) ?? new Set<string>();
    skippedWho.set(skip.reason, who.add(skip.personId ?? `name:${skip.name}`));
  }
  const skipped: Partial<Record<SkipReason, number>> = Object.fromEntries([...skippedWho].map(([reason, who]) => [reason, who.size]));
  // One entry per email that failed: its parts share the reason.
  const failed: RunReport['failed'] = [];
  for (const { digest, outcome } of outcomes) {
    if (outcome.status === 'failed' && !failed.some((f) => f.personId === digest.person.id)) failed.push({ personId: digest.person.id, kind: digest.kind, reason: outcome.reason });
  }
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
    recovered: people((o) => o.digest.recovering && o.outcome.status === 'sent'),
    claimedElsewhere: people((o) => o.outcome.status === 'claimed-elsewhere'),
    unconfirmed: people((o) => o.outcome.status === 'unconfirmed'),
    skipped,
    failures: failed.length,
    failed,
  };
}

/**
 * The run's log line: the report's counts, with its failures counted by reason. Who failed stays in the
 * stored report, which the console's Reminders page names: person ids are made from addresses
 * (personIdFromEmail), so a log line that listed them would list addresses.
 */
export function runLogLine(report: RunReport): string {
  const { failed, ...counts } = report;
  const failedReasons: Partial<Record<SendFailureReason, number>> = {};
  for (const { reason } of failed) failedReasons[reason] = (failedReasons[reason] ?? 0) + 1;
  return JSON.stringify({ level: report.failures > 0 ? 'warn' : 'info', ...counts, failedReasons });
}
