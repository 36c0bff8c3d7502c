import type { RunReport } from '../../../functions/core/reminders/run-report.js';
import { formatInstant } from '../../owner/format.js';
import { ColumnHeads } from '../../views/column-heads.js';

const skippedCount = (r: RunReport) => Object.values(r.skipped).reduce((sum, n) => sum + (n ?? 0), 0);

/** The latest runs, scheduled or sent from here, newest first. */
export function RunLog({ reports, timeZone }: { reports: RunReport[]; timeZone: string }) {
  if (reports.length === 0) return <p>No reminder runs yet.</p>;
  return (
    <table class="run-log">
      <caption class="visually-hidden">Recent reminder runs, newest first</caption>
      <ColumnHeads names={['Started', 'Stale actions', 'Reminded', 'Escalations', 'Not emailed', 'Failed']} />
      <tbody>
        {reports.map((r) => (
          <tr>
            <td data-label="Started">
              {formatInstant(r.startedAt, timeZone)}
              {!r.workingDay && ' (not a working day)'}
            </td>
            <td data-label="Stale actions">{r.staleActions}</td>
            <td data-label="Reminded">{r.peopleReminded}</td>
            <td data-label="Escalations">{r.escalations}</td>
            <td data-label="Not emailed">{skippedCount(r)}</td>
            <td data-label="Failed">
              {r.failures}
              {r.failed.length > 0 && ` (${r.failed.map((f) => f.personId).join(', ')})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
