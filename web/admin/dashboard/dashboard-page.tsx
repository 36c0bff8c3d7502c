import type { Dashboard } from '../../../functions/core/admin/dashboard.js';
import { addMonths, monthLabel, targetLabel, type Month } from '../../../functions/core/board-summary/month.js';
import type { PlanRow } from '../../../functions/core/board-summary/snapshot.js';
import { daysSinceUpdate } from '../../../functions/core/rules/stale.js';
import type { AdminSignOffReason } from '../../../functions/core/rules/decides-closure.js';
import { formatDaysAgo, statusLabels } from '../../owner/format.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { actionPaths } from '../actions/paths.js';
import { listHref } from '../actions/list-page.js';
import { headlineFigures } from '../../../functions/core/board-summary/headline-figures.js';
import { noUpdateFor } from '../../../functions/core/board-summary/board-wording.js';
import { FiguresTable } from '../../views/figures-table.js';
import { ColumnHeads } from '../../views/column-heads.js';
import { RunLog } from '../reminders/run-log.js';
import { mailStatusLabels, peoplePaths } from '../people/people-paths.js';
import { summaryPaths } from '../../summaries/summary-paths.js';
import { plural } from '../../../functions/core/words.js';

/** Long lists are cut here; the Actions page filters and pages the rest. */
export const listLimit = 50;

const ownerNames = (row: PlanRow) => row.owners.map((o) => o.name).join(', ') || 'No owner';

export interface DashboardPageProps {
  forceName: string;
  timeZone: string;
  staleAfterDays: number;
  session: AdminSession;
  dashboard: Dashboard;
  now: Date;
}

/** Why "closed this month" is missing, and, for an admin, the one way to it and what that way also does. */
function notKnownYet(lastMonth: Month, role: AdminSession['role']): string {
  const missing = `Not known until ${monthLabel(lastMonth)}’s board summary is compiled`;
  return role === 'admin' ? `${missing}: compile it on Summaries, which also emails it to the board` : missing;
}

export function DashboardPage({ forceName, timeZone, staleAfterDays, session, dashboard, now }: DashboardPageProps) {
  const f = dashboard.figures;
  const figures: Array<[string, string]> = [
    ...headlineFigures({ figures: f, staleAfterDays }).map(([label, value]): [string, string] => [label, String(value)]),
    // Measured against last month's kept summary, which the first month of a plan does not have, nor can.
    ['Closed this month', dashboard.closedKnown ? String(f.closedThisMonth) : dashboard.planLoadedAt ? 'Counted from next month: the plan was loaded this month' : notKnownYet(addMonths(dashboard.month, -1), session.role)],
  ];
  // By the force's calendar, as the action pages and the reminder emails count.
  const daysAgo = (row: PlanRow) => formatDaysAgo(daysSinceUpdate(row, now, timeZone));
  return (
    <AdminLayout title="Dashboard" forceName={forceName} session={session} current="/admin">
      <h1>Dashboard</h1>
      {dashboard.bankHolidaysEnd && session.role === 'admin' && (
        <div class="warning-text">
          <p>
            The force config lists bank holidays only up to {targetLabel(dashboard.bankHolidaysEnd)}. Ask whoever deploys the tracker to add the next
            year's (the <code>bankHolidays</code> setting): the reminder job cannot tell a bank holiday it does not know from a working day.
          </p>
        </div>
      )}
      {dashboard.unsentSummary && session.role === 'admin' && <UnsentSummaryNotice {...dashboard.unsentSummary} />}
      <p class="lead">
        {plural(f.total, 'action')} in the plan. The figures are {monthLabel(dashboard.month)}’s so far, counted as the board summary counts them.
      </p>
      <FiguresTable figures={figures} />
      {session.role === 'admin' && <ForAnAdmin dashboard={dashboard} />}

      <ActionTable
        id="stale"
        heading={`Actions with ${noUpdateFor(staleAfterDays)}: ${dashboard.stale.length}`}
        rows={dashboard.stale}
        rest={listHref({ stale: 'yes', sort: 'updated-oldest' }, 1)}
        lastColumn="Last updated"
        cell={daysAgo}
      />
      <ActionTable
        id="overdue"
        heading={`Overdue actions: ${dashboard.overdue.length}`}
        rows={dashboard.overdue}
        rest={listHref({ overdue: 'yes', sort: 'target-soonest' }, 1)}
        lastColumn="Target"
        cell={(row) => (row.timescale.target ? targetLabel(row.timescale.target) : '')}
      />
      <ActionTable
        id="sign-off"
        heading={`Awaiting sign-off: ${dashboard.awaitingSignOff.length}`}
        rows={dashboard.awaitingSignOff}
        rest={listHref({ status: 'proposed-closure', sort: 'updated-oldest' }, 1)}
        who={{ label: 'SRO', of: (row) => signOffBy(row, dashboard.adminSignsOff.get(row.id)) }}
        lastColumn="Last updated"
        cell={daysAgo}
      />

      <h2>Recent reminder runs</h2>
      <RunLog reports={dashboard.runs} timeZone={timeZone} names={dashboard.personNames} />
      {session.role === 'admin' && (
        <p>
          <a href="/admin/reminders">Preview or send reminders, and the full log</a>
        </p>
      )}

      <h2>Your session</h2>
      <p class="break-anywhere">
        Signed in as {session.email}. Sessions end after 30 minutes without use, and 12 hours after signing in. If you left a session open
        on another computer, sign out everywhere.
      </p>
      <form method="post" action="/admin/sign-out/everywhere">
        <button type="submit" class="button button-secondary">
          Sign out everywhere
        </button>
      </form>
    </AdminLayout>
  );
}

/**
 * What only an admin can put right, and nothing else shows: addresses nobody can email, and actions
 * the reminder job sends to an SRO because they still name someone who has left.
 */
function ForAnAdmin({ dashboard }: { dashboard: Dashboard }) {
  const { undeliverable, unreachable } = dashboard;
  if (undeliverable.length === 0 && unreachable.length === 0) return null;
  const whoOf = new Map(unreachable.map(({ row, who }) => [row.id, who.join(', ')]));
  return (
    <>
      {undeliverable.length > 0 && (
        <section aria-labelledby="undeliverable-heading">
          <h2 id="undeliverable-heading">Email addresses that do not work: {undeliverable.length}</h2>
          <p>Nobody can email these people, links and reminders included, until the address is put right on their page.</p>
          <table>
            <ColumnHeads names={['Name', 'Problem']} />
            <tbody>
              {undeliverable.map((person) => (
                <tr>
                  <td data-label="Name">
                    <a href={peoplePaths.person(person.id)}>{person.name}</a>
                  </td>
                  <td data-label="Problem">{mailStatusLabels[person.mailStatus]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {unreachable.length > 0 && (
        <ActionTable
          id="unreachable"
          heading={`Actions that need a new owner or SRO: ${unreachable.length}`}
          intro="Each names someone who has left or is not matched to anyone in the people directory, or has no owner or no SRO, so its reminders, escalations or sign-off reach nobody. Reassign it on its page (a closure can be signed off there too)."
          rows={unreachable.map(({ row }) => row)}
          who={{ label: 'Who to replace', of: (row) => whoOf.get(row.id) ?? '' }}
          lastColumn="Status"
          cell={(row) => statusLabels[row.status]}
        />
      )}
    </>
  );
}

/** Last month's summary that a board member on the list has not had, and where an admin sends it to them. */
function UnsentSummaryNotice({ month, notHad, unreachable, bounced, recipients }: NonNullable<Dashboard['unsentSummary']>) {
  const whom = notHad < recipients ? `${notHad} of the ${recipients} board members` : recipients === 1 ? 'the one board member' : `any of the ${recipients} board members`;
  return (
    <div class="warning-text">
      <p>
        The {monthLabel(month)} board summary has not reached {whom} on the list: a send that failed, someone added to the list since, an email that
        bounced, or an address that cannot be emailed.{' '}
        {bounced === notHad ? (
          <>
            It bounced: <a href={summaryPaths.month(month)}>open the {monthLabel(month)} summary</a> to see whose address to check.
          </>
        ) : unreachable === notHad ? (
          <>
            Their address cannot be emailed: put it right on their page in People, then <a href={summaryPaths.month(month)}>open the {monthLabel(month)} summary</a> to send it to them.
          </>
        ) : (
          <>
            <a href={summaryPaths.month(month)}>Open the {monthLabel(month)} summary</a> to see who, and what to do.
          </>
        )}
      </p>
    </div>
  );
}

/**
 * Who signs a closure off: its SRO, from their link (and chased by the reminder job); or an admin, on
 * the action's page, for any adminSignOffReason (no SRO, or one who owns it, has left or is not in the directory).
 */
function signOffBy(row: PlanRow, adminReason: AdminSignOffReason | undefined): string {
  const name = row.sro?.name ?? '';
  switch (adminReason) {
    case undefined:
      return name;
    case 'no-sro':
      return 'No SRO: an admin signs it off';
    case 'sro-owns-it':
      return `${name}, who owns it: an admin signs it off`;
    case 'sro-left':
      return `${name}, who has left: an admin signs it off`;
    case 'sro-not-in-directory':
      return 'SRO not in the people directory: an admin signs it off';
  }
}

interface ActionTableProps {
  id: string;
  heading: string;
  intro?: string;
  rows: PlanRow[];
  /**
   * The Actions page filtered and sorted as this list is, where a long list is cut at `listLimit`;
   * without one (no filter matches it) every row is shown.
   */
  rest?: string;
  /** The people column: the owners unless said otherwise. */
  who?: { label: string; of: (row: PlanRow) => string };
  lastColumn: string;
  cell: (row: PlanRow) => string;
}

function ActionTable({ id, heading, intro, rows, rest, who = { label: 'Owners', of: ownerNames }, lastColumn, cell }: ActionTableProps) {
  const shown = rest ? rows.slice(0, listLimit) : rows;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {intro && <p>{intro}</p>}
      {rows.length === 0 ? (
        <p>None.</p>
      ) : (
        <table>
          <ColumnHeads names={['Ref', 'Area', who.label, lastColumn]} />
          <tbody>
            {shown.map((row) => (
              <tr>
                <td data-label="Ref">
                  <a href={actionPaths.action(row.id)}>{row.ref}</a>
                </td>
                <td data-label="Area">{row.area}</td>
                <td data-label={who.label}>{who.of(row)}</td>
                <td data-label={lastColumn}>{cell(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length < rows.length && (
        <p>
          Showing the first {listLimit} of {rows.length}. <a href={rest}>Find the rest on the Actions page</a>.
        </p>
      )}
    </section>
  );
}

