import { previewReminders } from '../../functions/core/reminders/preview-reminders.js';
import type { CoreDeps } from '../../functions/runtime/compose.js';
import type { ScheduledJob } from './schedules.js';

/** The scheduled jobs as the local runner runs them, on the same cron expressions as production. */
export function localJobs(deps: CoreDeps, log: (line: string) => void): ScheduledJob[] {
  return [
    {
      name: 'reminders',
      cron: deps.config.schedules.reminders,
      run: async () => {
        const digests = await previewReminders(deps);
        log(JSON.stringify({ job: 'reminders', at: deps.clock.now().toISOString(), people: digests.length, sent: 0, note: 'sending arrives with the reminders issue' }));
      },
    },
    {
      name: 'board-summary',
      cron: deps.config.schedules.boardSummary,
      run: async () => {
        log(JSON.stringify({ job: 'board-summary', at: deps.clock.now().toISOString(), note: 'compilation arrives with the board summary issue' }));
      },
    },
  ];
}
