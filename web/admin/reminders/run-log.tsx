import type { RunReport } from '../../../functions/core/reminders/run-report.js';
import { formatInstant } from '../../owner/format.js';
import { ColumnHeads } from '../../views/column-heads.js';
import { FailedSends } from './failed-sends.js';

const skippedCount = (r: RunReport) => Object.values(r.skipped).reduce((sum, n) => sum + (n ?? 0), 0);

/** The latest runs, scheduled or sent from here, newest first, and whom they could not email: on the reminders page and the dashboard. */
export function RunLog({ reports, timeZone, names }: { reports: RunReport[]; timeZone: string; names: ReadonlyMap<string, string> }) {
  if (reports.length === 0) return <p>The reminder job has not run yet.</p>;
  return (
    <>
      <table class="run-log">
        <caption class="visually-hidden">Recent reminder runs, newest first</caption>
        <ColumnHeads names={['Started', 'Stale actions', 'People reminded', 'Escalations', 'Not emailed', 'Failures']} />
        <tbody>
          {reports.map((r) => (
            <tr>
              <td data-label="Started">
                {formatInstant(r.startedAt, timeZone)}
                {r.dryRun && ' (dry run)'}
                {!r.workingDay && ' (not a working day)'}
              </td>
              <td data-label="Stale actions">{r.staleActions}</td>
              <td data-label="People reminded">
                {r.peopleReminded}
                {/* Emailed, but the record of it was not written: the next working day may email them again. */}
                {r.unconfirmed > 0 && `, and ${r.unconfirmed} not recorded as sent, who may be emailed again`}
              </td>
              <td data-label="Escalations">{r.escalations}</td>
              <td data-label="Not emailed">{skippedCount(r)}</td>
              <td data-label="Failures">{r.failures}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FailedSends runs={reports} names={names} timeZone={timeZone} />
    </>
  );
}
