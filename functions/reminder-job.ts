import * as z from './core/zod.js';
import { issueLink } from './core/links/links.js';
import { IsoInstant } from './core/model/action.js';
import type { RunRemindersDeps } from './core/reminders/run-reminders.js';
import { runReminders } from './core/reminders/run-reminders.js';
import type { RunReport } from './core/reminders/run-report.js';
import { parseOrThrow } from './core/validation.js';
import type { CoreDeps } from './runtime/compose.js';
import { composeFromEnvironment } from './runtime/lambda-env.js';
import { writeLogLine } from './runtime/write-log-line.js';
import { renderDigestEmail } from '../web/emails/digest-email.js';

/** What the EventBridge Scheduler target sends (infra/constructs/jobs.ts). */
export const ReminderJobEvent = z.object({
  job: z.literal('reminders', { error: 'must be "reminders": this function runs the reminder job only' }),
  scheduledTime: z.optional(IsoInstant),
  executionId: z.optional(z.string()),
  dryRun: z.optional(z.boolean()),
});
export type ReminderJobEvent = z.infer<typeof ReminderJobEvent>;

/** What the reminder job takes from the shared composition. */
export type ReminderCoreDeps = Pick<CoreDeps, 'config' | 'repository' | 'clock' | 'getMailer' | 'linkTokens' | 'runReports'>;

/** The reminder job's dependencies on top of the shared composition: real links and the email templates. */
export function reminderJobDeps(core: ReminderCoreDeps, log?: (line: string) => void): RunRemindersDeps {
  return {
    config: core.config,
    repository: core.repository,
    clock: core.clock,
    getMailer: () => core.getMailer({ sendOnce: true }),
    runReports: core.runReports,
    issueLink: (person, now) => issueLink(core, person, now),
    renderEmail: renderDigestEmail,
    ...(log ? { log } : {}),
  };
}

let deps: RunRemindersDeps | undefined;

/** Composed on the first invocation of a cold start, so the environment is read once and in one place. */
function compose(): RunRemindersDeps {
  return reminderJobDeps(composeFromEnvironment(process.env), writeLogLine);
}

/** The reminder Lambda: one run per scheduled invocation; returns the run report (also logged and stored). */
export async function handler(event: unknown): Promise<RunReport> {
  const input = parseOrThrow(ReminderJobEvent, event, 'Reminder job event is not valid');
  const { report } = await runReminders((deps ??= compose()), {
    dryRun: input.dryRun ?? false,
    ...(input.scheduledTime ? { at: new Date(input.scheduledTime) } : {}),
  });
  return report;
}
