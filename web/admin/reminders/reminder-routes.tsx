import { Hono, type Context } from 'hono';
import { planFromStore, runReminders } from '../../../functions/core/reminders/run-reminders.js';
import { reminderJobDeps } from '../../../functions/reminder-job.js';
import type { AdminEnv } from '../admin-env.js';
import { requireAdmin } from '../require-admin.js';
import { ConfirmSendPage, RemindersPage, reminderPaths } from './reminder-pages.js';
import { nextWorkingRun } from '../../../functions/core/calendar/next-run.js';

/** Runs in the log: enough to see the last two weeks of working days. */
const logLength = 10;

const todaysPlan = (c: Context<AdminEnv>) => {
  const deps = c.get('deps');
  return planFromStore(deps, deps.clock.now());
};

/**
 * Reminders at /admin/reminders, admins only: today's run as a dry run (reads only: planning reads the
 * stale index, the people and their reminder history), send now behind a confirmation, the log of runs.
 */
export function createReminderRoutes() {
  const routes = new Hono<AdminEnv>();
  routes.use(requireAdmin);

  routes.get('/', async (c) => {
    const deps = c.get('deps');
    const [plan, reports, people] = await Promise.all([todaysPlan(c), deps.runReports.listRecent(logLength), deps.repository.listPeople()]);
    // Not a working day: what the next run would send instead, if nothing changes before it, planned
    // at the time it runs, since whether an action counts as stale depends on the hour too.
    const nextRun = plan.workingDay ? null : nextWorkingRun(deps.config.schedules.reminders, deps.clock.now(), deps.config);
    const nextPlan = nextRun ? await planFromStore(deps, nextRun) : null;
    const sent = reports.find((r) => r.runId === c.req.query('sent')) ?? null;
    const { name, staleAfterDays, remindEveryDays, timeZone } = deps.config;
    const names = new Map(people.map((p) => [p.id, p.name]));
    return c.html(
      <RemindersPage forceName={name} session={c.get('session')} staleAfterDays={staleAfterDays} remindEveryDays={remindEveryDays} timeZone={timeZone} plan={plan} nextPlan={nextPlan} reports={reports} sent={sent} names={names} />,
    );
  });

  routes.get('/send', async (c) => c.html(<ConfirmSendPage forceName={c.get('deps').config.name} session={c.get('session')} plan={await todaysPlan(c)} />));

  routes.post('/send', requireAdmin, async (c) => {
    const deps = c.get('deps');
    const body = await c.req.parseBody();
    if (body.confirm !== 'yes') {
      const error = 'Tick the box to confirm you want to send the emails now';
      return c.html(<ConfirmSendPage forceName={deps.config.name} session={c.get('session')} plan={await todaysPlan(c)} error={error} />, 400);
    }
    const { report } = await runReminders(reminderJobDeps(deps), { dryRun: false });
    await deps.audit.record({
      at: report.startedAt,
      by: c.get('session').email,
      change: 'send-reminders',
      target: { type: 'reminders', id: report.runId },
      before: null,
      after: { period: report.period, peopleReminded: report.peopleReminded, escalations: report.escalations, failures: report.failures },
    });
    return c.redirect(`${reminderPaths.start}?sent=${encodeURIComponent(report.runId)}`, 303);
  });

  return routes;
}
