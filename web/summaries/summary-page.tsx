import { monthLabel, targetLabel } from '../../functions/core/board-summary/month.js';
import type { MovedAction, PlanRow, Snapshot, SummaryListing } from '../../functions/core/board-summary/snapshot.js';
import { openBySro, overdueFirst } from '../../functions/core/board-summary/figures.js';
import type { Child } from 'hono/jsx';
import { confidences } from '../../functions/core/model/action.js';
import {
  boardConfidenceLabels,
  figuresAsAt,
  bySroColumns,
  bySroHeading,
  movementLabels,
  movementNote,
  noStaleOwners,
  otherStaleOwnersLine,
  staleOwnersHeading,
  type MovementList,
} from '../../functions/core/board-summary/board-wording.js';
import type { AdminSession } from '../admin/admin-env.js';
import { AdminLayout } from '../admin/admin-layout.js';
import { headlineFigures, headlineSentence } from '../../functions/core/board-summary/headline-figures.js';
import { describeTargetMove } from '../../functions/core/board-summary/target-move.js';
import { FiguresTable } from '../views/figures-table.js';
import { describedBy, ErrorMessage, ErrorSummary, FormGroup } from '../owner/components.js';
import { ColumnHeads } from '../views/column-heads.js';
import { plural } from '../../functions/core/words.js';
import { BeingSent, CompiledBanner, SendAgainForm, type CompiledCounts } from './compiled-banner.js';
import { recipientCount, type BoardSendStatus } from '../../functions/core/board-summary/summary-store.js';
import { consoleActionPath } from '../../functions/core/admin/console-paths.js';
import { summaryPaths } from './summary-paths.js';

/** Long text is cut at a word: the page is for reading across, the pack holds every word. */
function shorten(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30))}…`;
}

/** The pack is a POST: each download is recorded in the audit log. */
function PackButton({ month, children }: { month: string; children: Child }) {
  return (
    <form method="post" action={summaryPaths.pack(month)} class="download-form">
      <button class="button-link" type="submit">
        {children}
      </button>
    </form>
  );
}

interface Moved {
  heading: string;
  items: Array<MovedAction & { detail?: string }>;
}

function MovementTable({ heading, items, rows }: Moved & { rows: ReadonlyMap<string, PlanRow> }) {
  return (
    <section>
      <h3>
        {heading}: {items.length}
      </h3>
      {items.length > 0 && (
        <table>
          <ColumnHeads names={['Ref', 'Area', 'Action', 'Change']} />
          <tbody>
            {items.map((item) => (
              <tr>
                <td data-label="Ref">
                  <RefLink id={item.id} label={item.ref} />
                </td>
                <td data-label="Area">{item.area}</td>
                <td data-label="Action">{shorten(rows.get(item.id)?.text ?? '')}</td>
                <td data-label="Change">{item.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A ref opens the action's page, where a signed-in board member reads its text and history as they are now. */
const RefLink = ({ id, label }: { id: string; label: string }) => <a href={consoleActionPath(id)}>{label}</a>;

/** Refs kept by name (the owners' table) link as the other tables' do, where the plan as compiled has them. */
function RefLinks({ refs, ids }: { refs: readonly string[]; ids: ReadonlyMap<string, string> }) {
  return (
    <>
      {refs.map((ref, i) => {
        const id = ids.get(ref);
        return (
          <>
            {i > 0 && ', '}
            {id ? <RefLink id={id} label={ref} /> : ref}
          </>
        );
      })}
    </>
  );
}

/**
 * What is past its target and whom to ask: the board's first question after the figures, answered
 * by ref and name without the action's text, most overdue first.
 */
function OverdueTable({ rows, day }: { rows: readonly PlanRow[]; day: string }) {
  const overdue = overdueFirst(rows);
  if (overdue.length === 0) return null;
  return (
    <>
      <h2>Past their target date at {day}</h2>
      <table>
        <ColumnHeads names={['Ref', 'Area', 'Target', 'Owners', 'SRO']} />
        <tbody>
          {overdue.map((row) => (
            <tr>
              <td data-label="Ref">
                <RefLink id={row.id} label={row.ref} />
              </td>
              <td data-label="Area">{row.area}</td>
              <td data-label="Target">{row.timescale.target ? targetLabel(row.timescale.target) : ''}</td>
              <td data-label="Owners">{row.owners.map((o) => o.name).join(', ') || 'None'}</td>
              <td data-label="SRO">{row.sro?.name ?? 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function BySroTable({ rows, staleAfterDays }: { rows: readonly PlanRow[]; staleAfterDays: number }) {
  const loads = openBySro(rows);
  if (loads.length === 0) return null;
  const [sro, open, stale, overdue] = bySroColumns(staleAfterDays);
  return (
    <>
      <h2>{bySroHeading}</h2>
      <table>
        <ColumnHeads names={bySroColumns(staleAfterDays)} />
        <tbody>
          {loads.map((load) => (
            <tr>
              <td data-label={sro}>{load.name}</td>
              <td data-label={open}>{load.open}</td>
              <td data-label={stale}>{load.stale}</td>
              <td data-label={overdue}>{load.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const noBoard = <p>The force's config lists no board members, so keeping it emails nobody: ask whoever deploys the system to add them.</p>;

/** Said only when someone has had it: the paragraph on those who have not covers the rest. */
function hadItSentence(had: number, recipients: number): string {
  if (had === 0) return '';
  if (had === recipients) return `Every board member has had it (${recipients}).`;
  return `${had} of the ${recipients} board members ${had === 1 ? 'has' : 'have'} had it.`;
}

/** A kept month: who has had it, who is being sent it, and a button to send it to whoever has not; `lead` opens it. */
function KeptSendStatus({ month, board, lead }: { month: string; board: BoardSendStatus; lead: string }) {
  const recipients = recipientCount(board);
  return (
    <>
      <p>{[lead, hadItSentence(board.had.length, recipients)].filter(Boolean).join(' ')}</p>
      {recipients === 0 && noBoard}
      {board.inFlight.length > 0 && <BeingSent count={board.inFlight.length} again="send it again from here" />}
      {board.notHad.length > 0 && (
        <>
          <p>
            {plural(board.notHad.length, 'board member')} {board.notHad.length === 1 ? 'has' : 'have'} not had it: one it could not be sent to, or one added to the board list since. Nobody who had it is sent it twice.
          </p>
          <SendAgainForm month={month} notHad={board.notHad.length} />
        </>
      )}
    </>
  );
}

/** Someone on the board list has not had the month (yet): a scheduled run's failed send shows here too. */
const someNotSent = (board: BoardSendStatus) => board.notHad.length + board.inFlight.length > 0;

/**
 * A preview's banner: nothing is kept or sent until the admin presses the button, for a month that has
 * ended. The only way to send a month by hand, so the admin sees what goes, and to how many, first;
 * a kept month's preview says who has had it and sends it to whoever has not.
 */
function PreviewBanner({ month, kept, board }: { month: string; kept: boolean; board: BoardSendStatus }) {
  if (kept) {
    return (
      <div class="warning-text">
        <KeptSendStatus month={month} board={board} lead="This month is kept already: this is the summary as it was kept." />
      </div>
    );
  }
  const recipients = recipientCount(board);
  return (
    <div class="warning-text">
      <p>Preview: this summary is not kept, and the board has not been sent it.</p>
      {recipients === 0 && noBoard}
      <form method="post" action={summaryPaths.compile}>
        <input type="hidden" name="month" value={month} />
        <button type="submit" class="button">
          {recipients === 0 ? `Compile and keep ${monthLabel(month)}` : `Compile and send ${monthLabel(month)} to ${plural(recipients, 'board member')}`}
        </button>
      </form>
    </div>
  );
}

/** The month's summary with the text of each action that moved: for signed-in board members and admins only. */
export function SummaryPage({
  forceName,
  session,
  snapshot,
  compiled = null,
  preview = null,
  board = null,
}: {
  forceName: string;
  session: AdminSession;
  snapshot: Snapshot;
  compiled?: CompiledCounts | null;
  /** A kept month's page for an admin: who has had it, shown when someone has not. */
  board?: BoardSendStatus | null;
  /** Set for a dry run's summary, which has no pack to download; `board`, who has had it (nobody, unless kept). */
  preview?: { kept: boolean; board: BoardSendStatus } | null;
}) {
  const { summary } = snapshot;
  const f = summary.figures;
  const m = summary.movement;
  const rows = new Map(snapshot.plan.map((row) => [row.id, row]));
  const idsByRef = new Map(snapshot.plan.map((row) => [row.ref, row.id]));
  const target = (t: string | null) => (t ? targetLabel(t) : 'not set');
  const items: Record<MovementList, Moved['items']> = {
    newActions: m.newActions,
    closed: m.closed,
    retimed: m.retimed.map((r) => ({ ...r, detail: `${target(r.from)} to ${target(r.to)}${r.from && r.to ? ` (${describeTargetMove(r.from, r.to)})` : ''}` })),
    confidenceDropped: m.confidenceDropped.map((d) => ({ ...d, detail: `${boardConfidenceLabels[d.from]} to ${boardConfidenceLabels[d.to]}` })),
    becameStale: m.becameStale,
    becameOverdue: m.becameOverdue,
  };
  // In the month the plan was loaded nothing was compared: the note says so instead.
  const moved: Moved[] = m.planLoadedAt ? [] : movementLabels(summary.staleAfterDays).map(([list, heading]) => ({ heading, items: items[list] }));
  const figures = headlineFigures(summary);
  const note = movementNote(summary);
  return (
    <AdminLayout title={`Board summary, ${monthLabel(summary.month)}`} forceName={forceName} session={session} current="/admin/summaries">
      {compiled && <CompiledBanner month={summary.month} counts={compiled} canSend={session.role === 'admin'} />}
      {preview && <PreviewBanner month={summary.month} {...preview} />}
      {board && someNotSent(board) && (
        <div class="warning-text">
          <KeptSendStatus month={summary.month} board={board} lead="Not every board member on the list has had this summary." />
        </div>
      )}
      <h1>Board summary, {monthLabel(summary.month)}</h1>
      <p class="lead">
        {plural(f.total, 'action')} in the plan as at {figuresAsAt(summary)}. {headlineSentence(summary)}
      </p>
      {(!preview || preview.kept) && <PackButton month={summary.month}>Download the board pack (XLSX)</PackButton>}
      <FiguresTable figures={figures} />
      <OverdueTable rows={snapshot.plan} day={figuresAsAt(summary)} />
      <h2>Confidence in timescales, open actions by area</h2>
      {summary.confidenceByArea.length === 0 ? (
        <p>No open actions.</p>
      ) : (
        <table>
          <ColumnHeads names={['Area', ...confidences.map((c) => boardConfidenceLabels[c]), 'Open']} />
          <tbody>
            {summary.confidenceByArea.map((area) => (
              <tr>
                <th scope="row">{area.area}</th>
                {confidences.map((c) => (
                  <td data-label={boardConfidenceLabels[c]}>{area.counts[c]}</td>
                ))}
                <td data-label="Open">{area.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>What moved since last month</h2>
      {note && <p>{note}</p>}
      {moved.map((section) => (
        <MovementTable {...section} rows={rows} />
      ))}
      <h2>{staleOwnersHeading(summary.staleAfterDays)}</h2>
      {summary.staleOwners.length === 0 ? (
        <p>{noStaleOwners(summary.staleAfterDays)}</p>
      ) : (
        <table>
          <ColumnHeads names={['Owner', 'Actions', 'Refs']} />
          <tbody>
            {summary.staleOwners.map((owner) => (
              <tr>
                <td data-label="Owner">{owner.name}</td>
                <td data-label="Actions">{owner.count}</td>
                <td data-label="Refs">
                  <RefLinks refs={owner.refs} ids={idsByRef} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.otherStaleOwners && <p>{otherStaleOwnersLine(summary.otherStaleOwners)}.</p>}
      <BySroTable rows={snapshot.plan} staleAfterDays={summary.staleAfterDays} />
      <p>
        <a href={summaryPaths.list}>All summaries</a>
      </p>
    </AdminLayout>
  );
}

export interface SummaryListPageProps {
  forceName: string;
  session: AdminSession;
  summaries: SummaryListing[];
  /** What was typed in the compile form and what is wrong with it. */
  compile?: { month: string; error: string };
}

export function SummaryListPage({ forceName, session, summaries, compile }: SummaryListPageProps) {
  const errors = compile ? [{ field: 'month', message: compile.error }] : [];
  return (
    <AdminLayout title="Board summaries" forceName={forceName} session={session} current="/admin/summaries" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <h1>Board summaries</h1>
      {summaries.length === 0 ? (
        <p>No summary has been kept yet. The first is compiled on the first working day of next month.</p>
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
