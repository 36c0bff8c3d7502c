import { monthLabel, targetLabel } from '../../functions/core/board-summary/month.js';
import type { MovedAction, PlanRow, Snapshot } from '../../functions/core/board-summary/snapshot.js';
import { openBySro, overdueFirst, staleOwners, waitingSignOffFirst } from '../../functions/core/board-summary/figures.js';
import { rowName } from '../../functions/core/board-summary/plan-as-at.js';
import { formatDay } from '../../functions/core/calendar/format-day.js';
import { confidences } from '../../functions/core/model/action.js';
import {
  boardConfidenceLabels,
  boardStatusLabels,
  figuresAsAt,
  bySroColumns,
  bySroHeading,
  movementLabels,
  movementNote,
  noStaleOwners,
  ownerlessStaleLine,
  sharedStaleNote,
  countsSharedStale,
  everyStaleOwnerHeading,
  type MovementList,
} from '../../functions/core/board-summary/board-wording.js';
import type { AdminSession } from '../admin/admin-env.js';
import { AdminLayout } from '../admin/admin-layout.js';
import { headlineFigures, headlineSentence } from '../../functions/core/board-summary/headline-figures.js';
import { describeTargetMove } from '../../functions/core/board-summary/target-move.js';
import { FiguresTable } from '../views/figures-table.js';
import { ColumnHeads } from '../views/column-heads.js';
import { plural } from '../../functions/core/words.js';
import { CompiledBanner, NotSentAgainBanner, type CompiledCounts, type NotSentAgain } from './compiled-banner.js';
import { PackButton } from './pack-button.js';
import { BouncedNote, KeptSendStatus, PreviewBanner, someNotSent } from './send-status.js';
import type { BoardSendStatus } from '../../functions/core/board-summary/summary-store.js';
import type { NotEndedYet } from '../../functions/core/admin/compile-summary.js';
import { consoleActionPath } from '../../functions/core/admin/console-paths.js';
import { summaryPaths } from './summary-paths.js';

/** Long text is cut at a word: the page is for reading across, the pack holds every word. */
function shorten(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30))}…`;
}

interface Moved {
  heading: string;
  items: Array<MovedAction & { detail?: string }>;
}

function MovementTable({ heading, items, rows }: Moved & { rows: ReadonlyMap<string, PlanRow> }) {
  // New, closed, stale and overdue say it all in their heading: no column left empty on every row.
  const detailed = items.some((item) => item.detail);
  return (
    <section>
      <h3>
        {heading}: {items.length}
      </h3>
      {items.length > 0 && (
        <table>
          <ColumnHeads names={['Ref', 'Area', 'Action', ...(detailed ? ['Change'] : [])]} />
          <tbody>
            {items.map((item) => (
              <tr>
                <td data-label="Ref">
                  <RefLink id={item.id} label={item.ref} />
                </td>
                <td data-label="Area">{item.area}</td>
                <td data-label="Action">{shorten(rows.get(item.id)?.text ?? '')}</td>
                {detailed && <td data-label="Change">{item.detail ?? ''}</td>}
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
 * Actions named by ref with whom to ask, without their text: Ref, Area, the columns that say why each is
 * listed, then the SRO. Nothing at all when none is listed.
 */
function RowsWithSro({ heading, rows, columns }: { heading: string; rows: readonly PlanRow[]; columns: Array<[label: string, value: (row: PlanRow) => string]> }) {
  if (rows.length === 0) return null;
  return (
    <>
      <h2>{heading}</h2>
      <table>
        <ColumnHeads names={['Ref', 'Area', ...columns.map(([label]) => label), 'SRO']} />
        <tbody>
          {rows.map((row) => (
            <tr>
              <td data-label="Ref">
                <RefLink id={row.id} label={row.ref} />
              </td>
              <td data-label="Area">{row.area}</td>
              {columns.map(([label, value]) => (
                <td data-label={label}>{value(row)}</td>
              ))}
              <td data-label="SRO">{row.sro ? rowName(row.sro) : 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * Closures waiting for their SRO: the figures give only how many, and one left waiting is counted as
 * neither stale nor overdue, so the board would not otherwise see whose it is.
 */
function AwaitingSignOffTable({ rows, day, timeZone }: { rows: readonly PlanRow[]; day: string; timeZone: string }) {
  const waiting = waitingSignOffFirst(rows);
  const when = (row: PlanRow) => (row.lastUpdatedAt ? formatDay(row.lastUpdatedAt, timeZone) : '');
  return <RowsWithSro heading={`Awaiting sign-off at ${day}`} rows={waiting} columns={[['Last updated', when]]} />;
}

/**
 * What is past its target and whom to ask: the board's first question after the figures, answered
 * by ref and name without the action's text, most overdue first.
 */
function OverdueTable({ rows, day }: { rows: readonly PlanRow[]; day: string }) {
  const target = (row: PlanRow) => (row.timescale.target ? targetLabel(row.timescale.target) : '');
  const owners = (row: PlanRow) => row.owners.map(rowName).join(', ') || 'None';
  return <RowsWithSro heading={`Past their target date at ${day}`} rows={overdueFirst(rows)} columns={[['Target', target], ['Owners', owners]]} />;
}

function BySroTable({ rows, staleAfterDays }: { rows: readonly PlanRow[]; staleAfterDays: number }) {
  const loads = openBySro(rows);
  if (loads.length === 0) return null;
  const [, open, stale, overdue] = bySroColumns(staleAfterDays);
  return (
    <>
      <h2>{bySroHeading}</h2>
      <table>
        <ColumnHeads names={bySroColumns(staleAfterDays)} />
        <tbody>
          {loads.map((load) => (
            <tr>
              <th scope="row">{load.name}</th>
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

/** The month's summary with the text of each action that moved: for signed-in board members and admins only. */
export function SummaryPage({
  forceName,
  session,
  snapshot,
  compiled = null,
  preview = null,
  board = null,
  notSentAgain = null,
}: {
  forceName: string;
  session: AdminSession;
  snapshot: Snapshot;
  compiled?: CompiledCounts | null;
  /** A kept month's page for an admin: who has had it, shown when someone has not (under a run's banner, whose email bounced). */
  board?: BoardSendStatus | null;
  /** After "Send … again" found the address no longer bounced, as another press has sent it or is sending it. */
  notSentAgain?: NotSentAgain | null;
  /**
   * Set for a dry run's summary, which has no pack to download; `board`, who has had it (nobody, unless
   * kept); `notEnded`, for a month not over yet, whose figures are so far.
   */
  preview?: { kept: boolean; board: BoardSendStatus; notEnded: NotEndedYet | null } | null;
}) {
  const { summary } = snapshot;
  const f = summary.figures;
  const m = summary.movement;
  const rows = new Map(snapshot.plan.map((row) => [row.id, row]));
  const idsByRef = new Map(snapshot.plan.map((row) => [row.ref, row.id]));
  const target = (t: string | null) => (t ? targetLabel(t) : 'not set');
  const items: Record<MovementList, Moved['items']> = {
    newActions: m.newActions,
    proposedClosure: m.proposedClosure,
    closed: m.closed,
    reopened: m.reopened.map((a) => ({ ...a, detail: `${boardStatusLabels[a.from]} to ${boardStatusLabels[a.to].toLowerCase()}` })),
    setAside: m.setAside.map((a) => ({ ...a, detail: boardStatusLabels[a.to] })),
    retimed: m.retimed.map((r) => ({ ...r, detail: `${target(r.from)} to ${target(r.to)}${r.from && r.to ? ` (${describeTargetMove(r.from, r.to)})` : ''}` })),
    confidenceDropped: m.confidenceDropped.map((d) => ({ ...d, detail: `${boardConfidenceLabels[d.from]} to ${boardConfidenceLabels[d.to]}` })),
    becameStale: m.becameStale,
    becameOverdue: m.becameOverdue,
  };
  // In the month the plan was loaded nothing was compared: the note says so instead.
  const moved: Moved[] = m.planLoadedAt ? [] : movementLabels(summary).map(([list, heading]) => ({ heading, items: items[list] }));
  const figures = headlineFigures(summary);
  const { staleOwners: everyOwner, ownerlessStale } = staleOwners(snapshot.plan, Infinity);
  const sharedStale = countsSharedStale(everyOwner, ownerlessStale, f.stale);
  const note = movementNote(summary);
  const heading = `Board summary, ${monthLabel(summary.month)}${preview?.notEnded ? ' so far' : ''}`;
  return (
    <AdminLayout title={heading} forceName={forceName} session={session} current="/admin/summaries">
      {compiled && <CompiledBanner month={summary.month} counts={compiled} canSend={session.role === 'admin'} />}
      {notSentAgain && !compiled && <NotSentAgainBanner stands={notSentAgain} />}
      {preview && <PreviewBanner month={summary.month} asAt={figuresAsAt(summary)} {...preview} />}
      {board && !compiled && someNotSent(board) && (
        <div class="warning-text">
          <KeptSendStatus month={summary.month} board={board} lead="Not every board member on the list has had this summary." />
        </div>
      )}
      {/* The banner says what the run did; an address that bounced before is left to send again to. */}
      {board && compiled && board.bounced.length > 0 && (
        <div class="warning-text">
          <BouncedNote month={summary.month} bounced={board.bounced} inPeople={board.bouncedInPeople} />
        </div>
      )}
      <h1>{heading}</h1>
      <p class="lead">
        {plural(f.total, 'action')} in the plan as at {figuresAsAt(summary)}. {headlineSentence(summary)}
      </p>
      {(!preview || preview.kept) && <PackButton month={summary.month}>Download the board pack (XLSX)</PackButton>}
      <FiguresTable figures={figures} />
      <OverdueTable rows={snapshot.plan} day={figuresAsAt(summary)} />
      <AwaitingSignOffTable rows={snapshot.plan} day={figuresAsAt(summary)} timeZone={summary.timeZone} />
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
      {/* Every owner to chase, as the pack lists them: the email's five and a count of the rest leave the board asking who. */}
      <h2>{everyStaleOwnerHeading(summary.staleAfterDays)}</h2>
      {everyOwner.length === 0 ? (
        <p>{noStaleOwners({ ...summary, ownerlessStale })}</p>
      ) : (
        <table>
          <ColumnHeads names={['Owner', 'Actions', 'Refs']} />
          <tbody>
            {everyOwner.map((owner) => (
              <tr>
                <th scope="row">{owner.name}</th>
                <td data-label="Actions">{owner.count}</td>
                <td data-label="Refs">
                  <RefLinks refs={owner.refs} ids={idsByRef} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {everyOwner.length > 0 && ownerlessStale && <p>{ownerlessStaleLine(ownerlessStale, summary.staleAfterDays)}</p>}
      {sharedStale && <p>{sharedStaleNote(f.stale)}</p>}
      <BySroTable rows={snapshot.plan} staleAfterDays={summary.staleAfterDays} />
      <p>
        <a href={summaryPaths.list}>All summaries</a>
      </p>
    </AdminLayout>
  );
}
