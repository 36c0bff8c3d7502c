import type { EscalationGroup, ReminderPlan, Skip } from '../../../functions/core/reminders/reminder-plan.js';
import { skipWho, skipWords } from '../../../functions/core/reminders/skip-words.js';
import { lineWords } from '../../../functions/core/reminders/line-words.js';
import { plural } from '../../../functions/core/words.js';


const flagWords: Record<Exclude<EscalationGroup['flag'], 'awaiting-sign-off'>, (g: EscalationGroup) => string> = {
  ignored: (g) => `ignored ${plural(g.ignoredReminders, 'reminder')}`,
  inactive: () => 'marked as having left',
  bounced: () => 'email address bounces',
  complained: () => 'marked our email as spam',
  'not-in-directory': () => 'matches nobody in the directory',
  'no-owner': () => 'no owner',
};

const groupWords = (g: EscalationGroup) =>
  g.flag === 'awaiting-sign-off' ? `${plural(g.lines.length, 'closure')} awaiting their sign-off` : `${plural(g.lines.length, 'action')} of ${g.ownerName} (${flagWords[g.flag](g)})`;

/**
 * Who would get what, by refs and ages only (as the emails themselves): the reminders, the escalations
 * to SROs, and everyone passed over with the reason.
 */
export function ReminderPlanList({ plan, remindEveryDays }: { plan: ReminderPlan; remindEveryDays: number }) {
  const why = skipWords(remindEveryDays);
  // Those reminded lately are the routine (everyone, just after a send), apart from those nobody reaches.
  const lately = plan.skipped.filter((s) => s.reason === 'recently-reminded');
  const skipped = plan.skipped.filter((s) => s.reason !== 'not-working-day' && s.reason !== 'recently-reminded');
  const skipList = (skips: Skip[]) => (
    <ul class="reminder-list">
      {skips.map((s) => (
        <li>
          <strong>{skipWho(s, (email) => (email ? ` (${email})` : ''))}</strong>: {why[s.reason]}: {s.refs.join(', ')}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <h3>Reminders ({plan.reminders.length})</h3>
      {plan.reminders.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="reminder-list">
          {plan.reminders.map((d) => (
            <li>
              <strong>{d.person.name}</strong> ({d.person.email}): {plural(d.lines.length, 'stale action')}: {d.lines.map((line) => lineWords(line)).join(', ')}
            </li>
          ))}
        </ul>
      )}
      <h3>Escalations to SROs ({plan.escalations.length})</h3>
      {plan.escalations.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="reminder-list">
          {plan.escalations.map((d) => (
            <li>
              <strong>{d.person.name}</strong> ({d.person.email}):{' '}
              {d.groups.map((g) => `${groupWords(g)}: ${g.lines.map((line) => lineWords(line, g.flag === 'awaiting-sign-off')).join(', ')}`).join('; ')}
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <>
          <h3>Not emailed today ({skipped.length})</h3>
          {skipList(skipped)}
        </>
      )}
      {lately.length > 0 && (
        <>
          <h3>Reminded lately, so not emailed again today ({lately.length})</h3>
          {skipList(lately)}
        </>
      )}
    </>
  );
}
