import { plural } from '../words.js';
import { digestsByPerson, type DigestLine, type EscalationGroup, type ReminderPlan, type Skip, type SkipReason } from './reminder-plan.js';

const age = (line: DigestLine): string => `${line.ref} (${line.neverUpdated ? `never updated, ${line.ageDays} days` : `${line.ageDays} days`})`;

const skipWords: Record<SkipReason, string> = {
  'not-working-day': 'not a working day',
  inactive: 'not emailed: marked as having left; goes to the SRO',
  bounced: 'not emailed: address bounced; goes to the SRO',
  complained: 'not emailed: address complained; goes to the SRO',
  'no-address': 'not emailed: matched nobody in the directory; goes to the SRO',
  'recently-reminded': 'not today: sent one within the reminder interval',
  'claimed-today': "not today: today's digest is claimed already (another run, or a run that crashed while sending)",
  'no-sro': 'not escalated: the action has no SRO who can be emailed',
  'sro-owns-it': 'not asked to sign off: the SRO owns the action too; an admin signs it off',
};

function groupText(group: EscalationGroup): string {
  const lines = group.lines.map(age).join(', ');
  if (group.flag === 'awaiting-sign-off') return `${plural(group.lines.length, 'closure')} awaiting sign-off: ${lines}`;
  const why = group.flag === 'ignored' ? `ignored ${group.ignoredReminders} reminders` : group.flag;
  return `${group.lines.length} owned by ${group.ownerName} (${why}): ${lines}`;
}

function skipText(skip: Skip): string {
  const who = skip.personId === null && skip.name === null ? 'Unassigned' : `${skip.name ?? skip.personId} <${skip.email ?? 'no address'}>`;
  const kind = skip.kind === 'escalation' ? 'escalation ' : '';
  return `${who}: ${kind}${skipWords[skip.reason]}: ${skip.refs.join(', ')}`;
}

/**
 * The dry run's answer to "who would get what": one line per person (one email each), refs and ages
 * only, never an action's text. The first line keeps the form the local CLI test reads.
 */
export function formatReminderPlan(plan: ReminderPlan, staleAfterDays: number): string {
  if (plan.staleActions === 0 && plan.waitingClosures === 0) return `No stale actions: every open action was updated in the last ${staleAfterDays} days.`;
  const lines = [`${plan.staleActions} stale actions for ${plan.owners} people (not updated in ${staleAfterDays} days):`];
  if (plan.waitingClosures > 0) lines.push(`${plural(plan.waitingClosures, 'proposed closure')} waiting as long for their SRO's sign-off.`);
  for (const { person, reminder, escalation } of digestsByPerson(plan)) {
    const parts = [
      ...(reminder ? [`reminder, ${reminder.lines.length} stale: ${reminder.lines.map(age).join(', ')}`] : []),
      ...(escalation ? [`escalation: ${escalation.groups.map(groupText).join('; ')}`] : []),
    ];
    lines.push(`${person.name} <${person.email}>: ${parts.join('; ')}`);
  }
  for (const skip of plan.skipped) if (skip.reason !== 'not-working-day') lines.push(skipText(skip));
  return lines.join('\n');
}
