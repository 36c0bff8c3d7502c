import { Cron } from 'croner';
import type { ForceConfig } from '../../functions/core/config/force-config.js';

export interface ScheduledJob {
  name: string;
  cron: string;
  run: () => Promise<void>;
}

export interface RunningSchedule {
  name: string;
  cron: string;
  nextRun: Date | null;
}

/**
 * Runs the jobs on the config's cron expressions in the force's time zone, as EventBridge Scheduler
 * does in AWS. `protect` skips a tick while the previous run is still going.
 */
export function startSchedules(jobs: ScheduledJob[], config: ForceConfig, log: (line: string) => void) {
  const crons = jobs.map(
    (job) =>
      new Cron(job.cron, { timezone: config.timeZone, protect: true, name: job.name }, async () => {
        try {
          await job.run();
        } catch (error) {
          log(JSON.stringify({ level: 'error', job: job.name, message: (error as Error).message }));
        }
      }),
  );
  return {
    list: (): RunningSchedule[] => crons.map((cron, i) => ({ name: jobs[i]!.name, cron: jobs[i]!.cron, nextRun: cron.nextRun() })),
    stop: () => crons.forEach((cron) => cron.stop()),
  };
}
