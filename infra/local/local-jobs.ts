import { describeRun, runBoardSummary } from '../../functions/core/board-summary/run-board-summary.js';
import { runReminders } from '../../functions/core/reminders/run-reminders.js';
import { reminderJobDeps } from '../../functions/reminder-job.js';
import { boardSummaryDeps } from '../../functions/runtime/board-summary-deps.js';
import type { CoreDeps } from '../../functions/runtime/compose.js';
import type { ScheduledJob } from './schedules.js';

/** The scheduled jobs as the local runner runs them, on the same cron expressions as production. */
export function localJobs(deps: CoreDeps, log: (line: string) => void): ScheduledJob[] {
  return [
    {
      name: 'reminders',
      cron: deps.config.schedules.reminders,
      // The production job on the local stand-ins; it logs its one-line report itself.
      run: async () => {
        await runReminders(reminderJobDeps(deps, log), { dryRun: false });
      },
    },
    {
      name: 'board-summary',
      cron: deps.config.schedules.boardSummary,
      // The production job: it acts on the first working day only and says so on the other days.
      run: async () => {
        const run = await runBoardSummary(boardSummaryDeps(deps), { dryRun: false, now: deps.clock.now() });
        log(JSON.stringify(describeRun(run)));
      },
    },
  ];
}
