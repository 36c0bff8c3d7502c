import type { BoardSummaryRenderers, RunBoardSummaryDeps } from '../core/board-summary/run-board-summary.js';
import { renderBoardSummaryEmail } from '../../web/emails/board-summary-email.js';
import type { CoreDeps } from './compose.js';

/** The email renderer, and the XLSX pack loaded on first use so exceljs is evaluated only when a pack is built. */
export const boardSummaryRenderers: BoardSummaryRenderers = {
  renderEmail: renderBoardSummaryEmail,
  buildPack: async (snapshot, options) => {
    const { buildBoardPack, boardPackContentType, boardPackFilename } = await import('../adapters/xlsx/board-pack.js');
    return { filename: boardPackFilename(snapshot.summary.month), contentType: boardPackContentType, content: await buildBoardPack(snapshot, options) };
  },
};

export function boardSummaryDeps(deps: CoreDeps): RunBoardSummaryDeps {
  return { config: deps.config, repository: deps.repository, summaries: deps.summaries, getMailer: () => deps.getMailer({ sendOnce: true }), renderers: boardSummaryRenderers };
}
