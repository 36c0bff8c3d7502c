import { isWorkingDay } from '../../../functions/core/calendar/working-days.js';
import { formatReminderPlan } from '../../../functions/core/reminders/format-reminder-plan.js';
import { planFromStore, runReminders } from '../../../functions/core/reminders/run-reminders.js';
import { plural } from '../../../functions/core/words.js';
import { reminderJobDeps } from '../../../functions/reminder-job.js';
import { connectLocalRepository } from '../connect.js';
import { readCommandLine } from './command-line.js';

/**
 * `npm run remind -- --dry-run | --now [--any-day]`: the reminder job against the running local stack.
 * --dry-run reads only: no email, no link, no reminder record, no run report.
 */
async function main() {
  const { values } = readCommandLine({ options: { 'dry-run': { type: 'boolean' }, now: { type: 'boolean' }, 'any-day': { type: 'boolean' } } }, 'Usage: npm run remind -- --dry-run | --now [--any-day]');
  if (!values['dry-run'] && !values.now) throw new Error('Say what to do: --dry-run lists who would be reminded, --now runs the job');
  const { deps } = await connectLocalRepository();
  const now = deps.clock.now();
  if (values['dry-run']) {
    // On a weekend the schedule sends nothing; show what a working day would send instead, and say so.
    const plan = await planFromStore(deps, now, true);
    console.log(formatReminderPlan(plan, deps.config));
    if (!isWorkingDay(plan.period, deps.config)) console.log(`\n${plan.period} is not a working day: the scheduled run sends nothing today. Above is what a working day would send.`);
    console.log('\nDry run: nothing was sent or recorded.');
    return;
  }
  const { plan, report } = await runReminders(reminderJobDeps(deps, () => undefined), { dryRun: false, assumeWorkingDay: values['any-day'] ?? false });
  console.log(formatReminderPlan(plan, deps.config));
  if (!plan.workingDay) console.log(`\n${plan.period} is not a working day: nothing was sent. Add --any-day to send anyway.`);
  const unrecorded = report.unconfirmed > 0 ? `, ${report.unconfirmed} sent but not recorded (they may be sent it again on the next working day)` : '';
  console.log(`\nSent ${plural(report.peopleReminded, 'reminder')} and ${plural(report.escalations, 'escalation')}; ${report.failures} failed${unrecorded}, ${report.claimedElsewhere} already claimed by another run.`);
  console.log(JSON.stringify(report));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
