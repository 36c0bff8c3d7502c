import type { ForceConfig } from '../config/force-config.js';
import type { ReminderRecord } from '../model/reminder.js';
import type { Clock, Mailer, Repository } from '../ports.js';
import { staleCutoff } from '../rules/stale.js';
import { deliverDigest, type DeliveryDeps, type DeliveryHooks, type PartOutcome, type RenderDigestEmail } from './deliver-digest.js';
import { realTimer, type Timer } from '../timer.js';
import { createPacer, type Pacer } from './pacer.js';
import { planReminders } from './plan-reminders.js';
import { digestsByPerson, type PersonDigest, type ReminderPlan } from './reminder-plan.js';
import { buildRunReport, runLogLine } from './build-run-report.js';
import type { RunReport, RunReportStore } from './run-report.js';
import { defaultBackoff, type BackoffPolicy } from './send-with-backoff.js';

export interface RunRemindersDeps {
  config: ForceConfig;
  repository: Repository;
  clock: Clock;
  getMailer: () => Promise<Mailer>;
  runReports: RunReportStore;
  /** Mints a fresh personal link for the person (the owner journey's token): its URL and expiry. */
  issueLink: DeliveryDeps['issueLink'];
  renderEmail: RenderDigestEmail;
  log?: (line: string) => void;
  /** Defaults to the config's send rate; benchmarks of reads pass noPacing. */
  pacer?: Pacer;
  timer?: Timer;
  backoff?: BackoffPolicy;
  /** Digests in flight at once; the pacer, not this, sets the rate. */
  concurrency?: number;
  hooks?: DeliveryHooks;
  newRunId?: () => string;
}

export interface RunRemindersOptions {
  dryRun: boolean;
  /**
   * The run's nominal time (the schedule's time): staleness and the period are judged at it, so a
   * scheduler retry hours later still counts as the same day's run. Defaults to the clock.
   */
  at?: Date;
  /** Treat today as a working day: only for trying the job locally on a weekend (`remind --now --any-day`). */
  assumeWorkingDay?: boolean;
}

export interface RunRemindersResult {
  plan: ReminderPlan;
  report: RunReport;
}

/**
 * The reminder job: reads the stale actions and waiting closures from the sparse index, the directory
 * and the reminder records of the people concerned (never a Scan: reads grow with stale actions and
 * people), plans, then delivers each person's digest in one email, each part exactly once
 * (deliver-digest.ts), paced under the send rate.
 * One person's failure is recorded and the run goes on. A dry run plans and reports, and writes and
 * sends nothing.
 */
export async function runReminders(deps: RunRemindersDeps, options: RunRemindersOptions): Promise<RunRemindersResult> {
  const startedAt = deps.clock.now();
  const at = options.at ?? startedAt;
  const plan = await planFromStore(deps, at, options.assumeWorkingDay ?? false);
  const digests = digestsByPerson(plan);
  const outcomes = options.dryRun || digests.length === 0 ? [] : await deliverAll(deps, digests, plan, at);

  const report = buildRunReport({
    plan,
    outcomes,
    runId: deps.newRunId?.() ?? globalThis.crypto.randomUUID(),
    startedAt,
    finishedAt: deps.clock.now(),
    dryRun: options.dryRun,
  });
  (deps.log ?? console.log)(runLogLine(report));
  if (!options.dryRun) await deps.runReports.save(report);
  return { plan, report };
}

/** Both partitions of the sparse index, the people, and the reminder history of everyone who may be written to. */
export async function planFromStore(
  deps: Pick<RunRemindersDeps, 'repository' | 'config'>,
  now: Date,
  assumeWorkingDay = false,
): Promise<ReminderPlan> {
  const { repository, config } = deps;
  const cutoff = staleCutoff(now, config.staleAfterDays);
  const [staleActions, waitingClosures, people] = await Promise.all([
    repository.listStaleActions(cutoff),
    repository.listWaitingClosures(cutoff),
    repository.listPeople(),
  ]);
  const known = new Set(people.map((p) => p.id));
  const concerned = new Set([...staleActions.flatMap((a) => a.ownerIds), ...[...staleActions, ...waitingClosures].flatMap((a) => (a.sroId ? [a.sroId] : []))]);
  const history = new Map<string, ReminderRecord[]>();
  await inBatches([...concerned].filter((id) => known.has(id)), 16, async (id) => void history.set(id, await repository.listReminders(id)));
  return planReminders({ now, config, staleActions, waitingClosures, people, history, assumeWorkingDay });
}

async function deliverAll(deps: RunRemindersDeps, digests: PersonDigest[], { period, adminContact }: ReminderPlan, now: Date): Promise<PartOutcome[]> {
  const timer = deps.timer ?? realTimer;
  const delivery: DeliveryDeps = {
    repository: deps.repository,
    clock: deps.clock,
    mailer: await deps.getMailer(),
    pacer: deps.pacer ?? createPacer(deps.config.sendRatePerSecond, timer),
    timer,
    backoff: deps.backoff ?? defaultBackoff,
    issueLink: deps.issueLink,
    renderEmail: deps.renderEmail,
    forceName: deps.config.name,
    timeZone: deps.config.timeZone,
    staleAfterDays: deps.config.staleAfterDays,
    adminContact,
    hooks: deps.hooks ?? {},
  };
  // Enough in flight to keep the pacer busy while SES answers (~100 ms), few enough that each waits briefly.
  const concurrency = deps.concurrency ?? Math.min(16, Math.max(1, Math.ceil(deps.config.sendRatePerSecond / 4)));
  const outcomes: PartOutcome[] = [];
  await inBatches(digests, concurrency, async (digest) => {
    outcomes.push(...(await deliverDigest(delivery, digest, period, now)));
  });
  return outcomes;
}

/**
 * Runs `work` over the items with at most `limit` at once. The first error stops new work, lets the work
 * in flight finish and is then rethrown: a crash hook stops the run as a crash would.
 */
async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
