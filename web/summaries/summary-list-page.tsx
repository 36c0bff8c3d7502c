import { monthLabel } from '../../functions/core/board-summary/month.js';
import type { SummaryListing } from '../../functions/core/board-summary/snapshot.js';
import type { AdminSession } from '../admin/admin-env.js';
import { AdminLayout } from '../admin/admin-layout.js';
import { describedBy, ErrorMessage, ErrorSummary, FormGroup } from '../owner/components.js';
import { ColumnHeads } from '../views/column-heads.js';
import { PackButton } from './pack-button.js';
import { summaryPaths } from './summary-paths.js';

export interface SummaryListPageProps {
  forceName: string;
  session: AdminSession;
  summaries: SummaryListing[];
  /** What was typed in the compile form and what is wrong with it. */
  compile?: { month: string; error: string };
}

/** Every kept month with its figures and pack; for an admin, the form that previews a month the schedule missed. */
export function SummaryListPage({ forceName, session, summaries, compile }: SummaryListPageProps) {
  const errors = compile ? [{ field: 'month', message: compile.error }] : [];
  return (
    <AdminLayout title="Board summaries" forceName={forceName} session={session} current="/admin/summaries" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <h1>Board summaries</h1>
      {summaries.length === 0 ? (
        <p>
          No summary has been kept yet. Each month is compiled and kept on the first working day after it ends, and emailed to the board.
          {session.role === 'admin' && ' A month that has ended can be compiled now, below.'}
        </p>
      ) : (
        <table>
          {/* A listing keeps no staleAfterDays, and the setting may have changed since: no number of days. */}
          <ColumnHeads names={['Month', 'Open', 'No recent update', 'Overdue', 'Board pack']} />
          <tbody>
            {summaries.map((s) => (
              <tr>
                <td data-label="Month">
                  <a href={summaryPaths.month(s.month)}>{monthLabel(s.month)}</a>
                </td>
                <td data-label="Open">{s.figures.open}</td>
                <td data-label="No recent update">{s.figures.stale}</td>
                <td data-label="Overdue">{s.figures.overdue}</td>
                <td data-label="Board pack">
                  <PackButton month={s.month}>board-pack-{s.month}.xlsx</PackButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {session.role === 'admin' && (
        <form method="get" action={summaryPaths.preview} novalidate>
          <h2>Compile a month now</h2>
          <FormGroup error={compile?.error}>
            <label class="label label-bold" for="month">
              Month
            </label>
            <p id="month-hint" class="hint">
              For a month the schedule missed, like October 2026. The preview shows what the board would be sent, and sends it, once, when you have checked it.
            </p>
            <ErrorMessage id="month-error" message={compile?.error} />
            <input
              class={compile ? 'input input-error' : 'input'}
              id="month"
              name="month"
              type="text"
              value={compile?.month ?? ''}
              aria-describedby={describedBy('month-hint', compile && 'month-error')}
            />
          </FormGroup>
          <button type="submit" class="button">
            Preview
          </button>
        </form>
      )}
    </AdminLayout>
  );
}
