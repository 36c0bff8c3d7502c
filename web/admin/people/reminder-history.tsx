import { formatDay } from '../../../functions/core/calendar/format-day.js';
import type { ReminderRecord } from '../../../functions/core/model/reminder.js';
import { classifySendFailure } from '../../../functions/core/send-failure.js';
import { ColumnHeads } from '../../views/column-heads.js';
import { sendFailureWords } from '../reminders/failed-sends.js';

/** The latest shown: enough to answer "were they really reminded twice?", short enough for a phone. */
const shown = 10;

const kindLabels: Record<ReminderRecord['kind'], string> = { reminder: 'Reminder', escalation: 'Escalation (as SRO)' };

function outcomeOf(record: ReminderRecord): string {
  switch (record.state) {
    case 'sent':
      return 'Sent';
    case 'bounced':
      return 'Bounced: it did not reach them';
    case 'failed':
      return `Not sent: ${sendFailureWords[classifySendFailure(record.error ?? '')]}`;
    case 'claimed':
      return 'Being sent, or a run stopped while sending it: it may have gone';
  }
}

/**
 * The reminder job's emails to the person, newest first, with the refs each was about: what an admin
 * checks when an SRO asks whether an owner was really reminded.
 */
export function ReminderHistory({ records, refsById, timeZone }: { records: ReminderRecord[]; refsById: ReadonlyMap<string, string>; timeZone: string }) {
  if (records.length === 0) return <p>The reminder job has not emailed them.</p>;
  // A day's reminder and escalation went in one email, which leads with the reminder.
  const latest = [...records].sort((a, b) => Date.parse(b.claimedAt) - Date.parse(a.claimedAt) || (a.kind === 'reminder' ? -1 : 1)).slice(0, shown);
  return (
    <>
      <table>
        <caption class="visually-hidden">Reminder emails to them, newest first</caption>
        <ColumnHeads names={['Day', 'Email', 'About', 'Outcome']} />
        <tbody>
          {latest.map((record) => (
            <tr>
              <td data-label="Day">{formatDay(record.claimedAt, timeZone)}</td>
              <td data-label="Email">{kindLabels[record.kind]}</td>
              {/* An action deleted since has no ref to show. */}
              <td data-label="About">{record.actionIds.map((id) => refsById.get(id) ?? 'an action no longer in the plan').join(', ')}</td>
              <td data-label="Outcome">{outcomeOf(record)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {records.length > shown && <p>The latest {shown} of {records.length}.</p>}
    </>
  );
}
