import { Hono } from 'hono';
import { compileSummaryOnDemand, findBoardSendStatus, previewSummary, type CompileSummaryResult } from '../../functions/core/admin/compile-summary.js';
import { sendAgainAfterBounce } from '../../functions/core/admin/send-again-after-bounce.js';
import { Month } from '../../functions/core/board-summary/month.js';
import { NotFoundError } from '../../functions/core/errors.js';
import { boardSummaryDeps } from '../../functions/runtime/board-summary-deps.js';
import type { AdminEnv } from '../admin/admin-env.js';
import { recordDownload } from '../admin/record-download.js';
import { HttpError } from '../http-error.js';
import { requireAdmin } from '../admin/require-admin.js';
import { SummaryPage } from './summary-page.js';
import { SummaryListPage } from './summary-list-page.js';
import { summaryPaths } from './summary-paths.js';
import { CompiledCounts, compiledQuery, NotSentAgain, notSentAgainQuery } from './compiled-banner.js';

/** What the run did, carried to the month's page: counts only, never addresses. */
function monthPageAfter(run: Extract<CompileSummaryResult, { ok: true }>['run']): string {
  const counts = { sent: run.sent.length, already: run.alreadySent.length, pending: run.inFlight.length, failed: run.failed.length, unknown: run.unconfirmed.length, bounced: run.bounced.length, kept: run.kept };
  return `${summaryPaths.month(run.month)}${compiledQuery(counts)}`;
}

function monthParam(value: string | undefined): string {
  const parsed = Month.safeParse(value);
  if (!parsed.success) throw new HttpError(404, 'Page not found', 'Summaries are listed by month, like /admin/summaries/2026-10.');
  return parsed.data;
}

/**
 * The kept board summaries: the list, a month's page with the actions' text, and its pack as sent.
 * OFFICIAL-SENSITIVE: mount it only behind the admin console's session guard (board members and
 * admins), never on its own. The pack is built from the kept snapshot, so it is exactly what was
 * sent, and exceljs is loaded on first download only.
 */
export function createSummaryRoutes() {
  const summaries = new Hono<AdminEnv>();

  summaries.get('/', async (c) => {
    const { config, summaries: store } = c.get('deps');
    return c.html(<SummaryListPage forceName={config.name} session={c.get('session')} summaries={await store.listSummaries()} />);
  });

  // Before "Compile and send": the same compile as a dry run, which writes nothing, so a GET may run it.
  summaries.get('/preview', requireAdmin, async (c) => {
    const deps = c.get('deps');
    const month = c.req.query('month');
    const result = await previewSummary(boardSummaryDeps(deps), { month }, deps.clock.now());
    if (result.ok) return c.html(<SummaryPage forceName={deps.config.name} session={c.get('session')} snapshot={result.snapshot} preview={{ kept: result.kept, board: result.board, notEnded: result.notEnded }} />);
    const listing = await deps.summaries.listSummaries();
    return c.html(<SummaryListPage forceName={deps.config.name} session={c.get('session')} summaries={listing} compile={{ month: month ?? '', error: result.message }} />, 400);
  });

  summaries.get('/:month', async (c) => {
    const { config, summaries: store } = c.get('deps');
    const month = monthParam(c.req.param('month'));
    const snapshot = await store.getSnapshot(month);
    if (!snapshot) throw new NotFoundError(`The board summary for ${month}`);
    // Only a well-formed set of counts (as the compile route writes it) makes a banner.
    const compiled = CompiledCounts.safeParse(c.req.query());
    // An admin opening a month is told if a board member has not had it (a scheduled send that failed),
    // and under a run's banner of any address that bounced still.
    const board = c.get('session').role === 'admin' ? await findBoardSendStatus(c.get('deps'), month, c.get('deps').clock.now()) : null;
    return c.html(
      <SummaryPage
        forceName={config.name}
        session={c.get('session')}
        snapshot={snapshot}
        compiled={compiled.success ? compiled.data : null}
        board={board}
        notSentAgain={board ? (NotSentAgain.safeParse(c.req.query('resent')).data ?? null) : null}
      />,
    );
  });

  // Compiling is the one change here: admins only, and the run itself keeps and sends a month once.
  summaries.post('/compile', requireAdmin, async (c) => {
    const deps = c.get('deps');
    const form = await c.req.parseBody();
    const result = await compileSummaryOnDemand({ ...boardSummaryDeps(deps), audit: deps.audit }, c.get('session'), form, deps.clock.now());
    if (result.ok) return c.redirect(monthPageAfter(result.run), 303);
    const listing = await deps.summaries.listSummaries();
    const month = typeof form.month === 'string' ? form.month : '';
    return c.html(<SummaryListPage forceName={deps.config.name} session={c.get('session')} summaries={listing} compile={{ month, error: result.message }} />, 400);
  });

  // The month again to one address it bounced from, which an admin knows is right now; admins only, like compiling.
  summaries.post('/:month/send-after-bounce', requireAdmin, async (c) => {
    const deps = c.get('deps');
    const month = monthParam(c.req.param('month'));
    const result = await sendAgainAfterBounce({ ...boardSummaryDeps(deps), audit: deps.audit }, c.get('session'), month, await c.req.parseBody(), deps.clock.now());
    if (result.kind === 'refused') throw new HttpError(409, 'Not sent', result.message);
    if (result.kind === 'sent') return c.redirect(monthPageAfter(result.run), 303);
    // Another press (a double click's second half lands here) or admin sent it; not had, the page offers it.
    return c.redirect(`${summaryPaths.month(month)}${result.stands === 'not-had' ? '' : notSentAgainQuery(result.stands)}`, 303);
  });

  // A link kept from before downloads were POSTs lands on the month's page, which has the button.
  summaries.get('/:month/board-pack.xlsx', (c) => c.redirect(summaryPaths.month(monthParam(c.req.param('month'))), 303));

  summaries.post('/:month/board-pack.xlsx', async (c) => {
    const { config, summaries: store } = c.get('deps');
    const month = monthParam(c.req.param('month'));
    const snapshot = await store.getSnapshot(month);
    if (!snapshot) throw new NotFoundError(`The board pack for ${month}`);
    const { buildBoardPack, boardPackContentType, boardPackFilename } = await import('../../functions/adapters/xlsx/board-pack.js');
    const bytes = await buildBoardPack(snapshot, { forceName: config.name });
    await recordDownload(c, { change: 'download-board-pack', target: { type: 'summary', id: month }, after: { filename: boardPackFilename(month) } });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': boardPackContentType,
      'Content-Disposition': `attachment; filename="${boardPackFilename(month)}"`,
    });
  });

  return summaries;
}
