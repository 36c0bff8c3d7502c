import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as z from '../../../functions/core/zod.js';
import { readMonth } from '../../../functions/core/admin/compile-summary.js';
import { figuresAsAt } from '../../../functions/core/board-summary/board-wording.js';
import { headlineSentence } from '../../../functions/core/board-summary/headline-figures.js';
import { addMonths, localMonth } from '../../../functions/core/board-summary/month.js';
import { runBoardSummary, type BoardSummaryRun } from '../../../functions/core/board-summary/run-board-summary.js';
import { plural } from '../../../functions/core/words.js';
import { parseOrThrow } from '../../../functions/core/validation.js';
import { boardSummaryDeps } from '../../../functions/runtime/board-summary-deps.js';
import { renderBoardSummaryHtml } from '../../../web/emails/board-summary-email.js';
import { connectLocalRepository } from '../connect.js';
import { readCommandLine } from './command-line.js';

const Args = z.object({
  month: z.optional(z.string()),
  'dry-run': z.optional(z.boolean()),
  out: z.optional(z.string().check(z.minLength(1, 'must be a directory to write the email and the pack into'))),
});

const usage = 'Usage: npm run board-summary -- [--month MONTH] [--dry-run] [--out FOLDER]';
const help = `Compiles the month's board summary on the running local stack, keeps it and emails the board, as the
monthly job does. The month is last month unless given.

  --month MONTH   the month to compile: 2026-10, "October 2026" or Oct-26
  --dry-run       compile only: keep nothing and email nobody
  --out FOLDER    also write the email (summary-MONTH.html) and the board pack (board-pack-MONTH.xlsx) there`;

/** What the run did, in the words the email uses: the figures, then what was kept and sent, and who it failed for. */
function formatRun(run: Exclude<BoardSummaryRun, { outcome: 'nothing-to-do' }>): string {
  const { summary } = run.snapshot;
  const lines = [`${plural(summary.figures.total, 'action')} in the plan as at ${figuresAsAt(summary)}. ${headlineSentence(summary)}`, run.message];
  if (run.outcome === 'done') for (const { recipient, error } of run.failed) lines.push(`- not sent to ${recipient}: ${error}`);
  return lines.join('\n');
}

/** The folder for --out, made (or found) before anything is kept or sent, so that a bad one stops the run first. */
async function outFolder(out: string): Promise<string> {
  const dir = resolve(out);
  await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOTDIR' || error.code === 'EEXIST' ? 'part of the path is a file, not a folder' : error.code === 'EACCES' ? 'it cannot be written (permissions)' : error.message;
    throw new Error(`Cannot write to the folder "${out}": ${why}. Nothing was kept or sent.`);
  });
  return dir;
}

/**
 * `npm run board-summary -- --month 2026-10 [--dry-run] [--out DIR]` against the running local stack:
 * the production job for any month (last month by default), whatever the day. --out writes the email
 * as summary-<month>.html and the pack as board-pack-<month>.xlsx.
 */
async function main() {
  const { values } = readCommandLine({ options: { month: { type: 'string' }, 'dry-run': { type: 'boolean' }, out: { type: 'string' } } }, usage, help);
  const args = parseOrThrow(Args, values, 'Arguments are not valid');
  const asked = args.month === undefined ? null : readMonth(args.month);
  if (args.month !== undefined && !asked) throw new Error(`--month "${args.month}" is not a month: write it like 2026-10, "October 2026" or Oct-26.\n${usage}`);
  const dir = args.out ? await outFolder(args.out) : null;
  const { deps } = await connectLocalRepository();
  const now = deps.clock.now();
  const month = asked ?? addMonths(localMonth(now, deps.config.timeZone), -1);
  const run = await runBoardSummary(boardSummaryDeps(deps), { month, dryRun: args['dry-run'] ?? false, now });
  console.log(run.outcome === 'nothing-to-do' ? run.message : formatRun(run));
  if (run.outcome === 'nothing-to-do' || !dir) return;

  const html = join(dir, `summary-${month}.html`);
  const pack = await boardSummaryDeps(deps).renderers.buildPack(run.snapshot, { forceName: deps.config.name });
  const xlsx = join(dir, pack.filename);
  await writeFile(html, renderBoardSummaryHtml(run.snapshot.summary, deps.config));
  await writeFile(xlsx, pack.content);
  console.log(`Wrote ${html}\nWrote ${xlsx}`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
