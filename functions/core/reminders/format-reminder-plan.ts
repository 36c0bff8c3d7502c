import { plural } from '../words.js';
import { digestsByPerson, type EscalationGroup, type ReminderPlan, type Skip } from './reminder-plan.js';
import { lineWords } from './line-words.js';
import { skipWho, skipWords } from './skip-words.js';

/** The closures a run chases for their SRO: proposed as long ago as an action goes stale. */
export const waitingClosuresWords = (count: number): string => `${plural(count, 'proposed closure')} waiting as long for their SRO's sign-off`;

function groupText(group: EscalationGroup): string {
  const lines = group.lines.map((line) => lineWords(line, group.flag === 'awaiting-sign-off')).join(', ');
  if (group.flag === 'awaiting-sign-off') return `${plural(group.lines.length, 'closure')} awaiting sign-off: ${lines}`;
  const why = group.flag === 'ignored' ? `ignored ${plural(group.ignoredReminders, 'reminder')}` : group.flag;
  return `${group.lines.length} owned by ${group.ownerName} (${why}): ${lines}`;
}

function skipText(skip: Skip, why: ReturnType<typeof skipWords>): string {
  const who = skipWho(skip, (email) => ` <${email ?? 'no address'}>`);
  const kind = skip.kind === 'escalation' ? 'escalation ' : '';
  return `${who}: ${kind}${why[skip.reason]}: ${skip.refs.join(', ')}`;
}

/**
 * The dry run's answer to "who would get what": one line per person (one email each), refs and ages
 * only, never an action's text. The first line keeps the form the local CLI test reads.
 */
export function formatReminderPlan(plan: ReminderPlan, { staleAfterDays, remindEveryDays }: { staleAfterDays: number; remindEveryDays: number }): string {
  const days = plural(staleAfterDays, 'day');
  if (plan.staleActions === 0 && plan.waitingClosures === 0) return `No stale actions: every open action was updated in the last ${days}.`;
  const lines = [`${plural(plan.staleActions, 'stale action')} for ${plural(plan.owners, 'person', 'people')} (not updated in ${days}):`];
  if (plan.waitingClosures > 0) lines.push(`${waitingClosuresWords(plan.waitingClosures)}.`);
  for (const { person, reminder, escalation } of digestsByPerson(plan)) {
    const parts = [
      ...(reminder ? [`reminder, ${reminder.lines.length} stale: ${reminder.lines.map((line) => lineWords(line)).join(', ')}`] : []),
      ...(escalation ? [`escalation: ${escalation.groups.map(groupText).join('; ')}`] : []),
    ];
    lines.push(`${person.name} <${person.email}>: ${parts.join('; ')}`);
  }
  const why = skipWords(remindEveryDays);
  for (const skip of plan.skipped) if (skip.reason !== 'not-working-day') lines.push(skipText(skip, why));
  return lines.join('\n');
}
