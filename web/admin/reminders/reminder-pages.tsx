import { digestsByPerson, type ReminderPlan } from '../../../functions/core/reminders/reminder-plan.js';
import { waitingClosuresWords } from '../../../functions/core/reminders/format-reminder-plan.js';
import type { RunReport } from '../../../functions/core/reminders/run-report.js';
import { ErrorMessage, ErrorSummary, FormGroup, NotificationBanner } from '../../owner/components.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { ReminderPlanList } from './reminder-plan-list.js';
import { RunLog } from './run-log.js';
import { plural } from '../../../functions/core/words.js';
import { describeLocalDate } from '../../../functions/core/calendar/local-date.js';

export const reminderPaths = { start: '/admin/reminders', send: '/admin/reminders/send' };

interface PageBase {
  forceName: string;
  session: AdminSession;
  staleAfterDays: number;
  remindEveryDays: number;
  plan: ReminderPlan;
}

/** One email per person: an SRO's reminder and escalation travel together. */
const emailCount = (plan: ReminderPlan) => digestsByPerson(plan).length;

function SentBanner({ report }: { report: RunReport }) {
  return (
    <NotificationBanner
      title={report.failures > 0 ? `Reminders sent, but ${plural(report.failures, 'email')} failed` : 'Reminders sent'}
      tone={report.failures > 0 ? 'important' : 'success'}
    >
      <p>
        {plural(report.peopleReminded, 'reminder')} and {plural(report.escalations, 'escalation')} sent
        {report.failures > 0 ? `; ${plural(report.failures, 'email')} failed and will be tried again on the next working day` : ''}.
      </p>
    </NotificationBanner>
  );
}

/** A run's plan as a dry run: what it would chase and send, `when` it ran. */
function PlanPreview({ plan, staleAfterDays, remindEveryDays, when }: { plan: ReminderPlan; staleAfterDays: number; remindEveryDays: number; when: string }) {
  if (plan.staleActions === 0 && plan.waitingClosures === 0) {
    return <p>Nothing to chase: every open action was updated in the last {plural(staleAfterDays, 'day')}, and no closure has waited longer than that for its SRO.</p>;
  }
  return (
    <>
      <p>
        {plural(plan.staleActions, 'action')} of {plural(plan.owners, 'owner')} not updated in {plural(staleAfterDays, 'day')}
        {plan.waitingClosures > 0 && `, and ${waitingClosuresWords(plan.waitingClosures)}`}. This is what a run would send if it ran{' '}
        {when} (this page sends nothing).
      </p>
      <ReminderPlanList plan={plan} remindEveryDays={remindEveryDays} />
    </>
  );
}

/** Today's run as a dry run (who would get what), or on a day off the next run's, the way to send it now, and the log of runs. */
export function RemindersPage({
  forceName,
  session,
  staleAfterDays,
  remindEveryDays,
  plan,
  nextPlan = null,
  reports,
  timeZone,
  sent,
  names,
}: PageBase & { nextPlan?: ReminderPlan | null; reports: RunReport[]; timeZone: string; sent: RunReport | null; names: ReadonlyMap<string, string> }) {
  const count = emailCount(plan);
  return (
    <AdminLayout title="Reminders" forceName={forceName} session={session} current="/admin/reminders">
      {sent && <SentBanner report={sent} />}
      <h1>Reminders</h1>
      <h2>Today's run</h2>
      {!plan.workingDay ? (
        <>
          <p>Today ({describeLocalDate(plan.period)}) is not a working day: the scheduled run sends nothing, and neither does sending now.</p>
          {nextPlan && (
            <>
              <h2>The next run, {describeLocalDate(nextPlan.period)}</h2>
              <PlanPreview plan={nextPlan} staleAfterDays={staleAfterDays} remindEveryDays={remindEveryDays} when="on that day and nothing changed before then" />
            </>
          )}
        </>
      ) : (
        <PlanPreview plan={plan} staleAfterDays={staleAfterDays} remindEveryDays={remindEveryDays} when="now" />
      )}
      {count > 0 && (
        <p>
          <a class="button" href={reminderPaths.send}>
            Send {plural(count, 'email')} now
          </a>
        </p>
      )}
      <h2>Recent runs</h2>
      <RunLog reports={reports} timeZone={timeZone} names={names} />
    </AdminLayout>
  );
}

/** The confirmation step: what is about to be sent, and a box to tick. */
export function ConfirmSendPage({ forceName, session, plan, error }: Omit<PageBase, 'staleAfterDays' | 'remindEveryDays'> & { error?: string }) {
  const count = emailCount(plan);
  return (
    <AdminLayout title="Send reminders now" forceName={forceName} session={session} current="/admin/reminders" hasErrors={Boolean(error)}>
      <ErrorSummary errors={error ? [{ field: 'confirm', message: error }] : []} />
      <a class="back-link" href={reminderPaths.start}>
        Back to reminders
      </a>
      <h1>Send reminders now</h1>
      {count === 0 ? (
        <p>There is nothing to send now. Go back to reminders to see why.</p>
      ) : (
        <>
          <p>
            This sends {plural(plan.reminders.length, 'reminder')} and {plural(plan.escalations.length, 'escalation')}
            {count < plan.reminders.length + plan.escalations.length ? ` in ${plural(count, 'email')}` : ''} now, as today's scheduled run would. Nobody gets a second
            email today: the scheduled run passes over whoever this one reaches.
          </p>
          <form method="post" action={reminderPaths.send}>
            <FormGroup error={error}>
              <ErrorMessage id="confirm-error" message={error} />
              <div class="checkbox">
                <input type="checkbox" id="confirm" name="confirm" value="yes" aria-describedby={error ? 'confirm-error' : undefined} />
                <label for="confirm">Yes, send {plural(count, 'email')} now</label>
              </div>
            </FormGroup>
            <button type="submit" class="button">
              Send now
            </button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
