import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as z from '../../../functions/core/zod.js';
import { addMonths, localMonth, Month } from '../../../functions/core/board-summary/month.js';
import { describeRun, runBoardSummary } from '../../../functions/core/board-summary/run-board-summary.js';
import { parseOrThrow } from '../../../functions/core/validation.js';
import { boardSummaryDeps } from '../../../functions/runtime/board-summary-deps.js';
import { renderBoardSummaryHtml } from '../../../web/emails/board-summary-email.js';
import { connectLocalRepository } from '../connect.js';
import { readCommandLine } from './command-line.js';

const Args = z.object({
  month: z.optional(Month),
  'dry-run': z.optional(z.boolean()),
  out: z.optional(z.string().check(z.minLength(1, 'must be a directory to write the email and the pack into'))),
});

/**
 * `npm run board-summary -- --month 2026-10 [--dry-run] [--out DIR]` against the running local stack:
 * the production job for any month (last month by default), whatever the day. --out writes the email
 * as summary-<month>.html and the pack as board-pack-<month>.xlsx.
 */
async function main() {
  const { values } = readCommandLine(
    { options: { month: { type: 'string' }, 'dry-run': { type: 'boolean' }, out: { type: 'string' } } },
    'Usage: npm run board-summary -- [--month YYYY-MM] [--dry-run] [--out FOLDER]',
  );
  const args = parseOrThrow(Args, values, 'Arguments are not valid');
  const { deps } = await connectLocalRepository();
  const now = deps.clock.now();
  const month = args.month ?? addMonths(localMonth(now, deps.config.timeZone), -1);
  const run = await runBoardSummary(boardSummaryDeps(deps), { month, dryRun: args['dry-run'] ?? false, now });
  console.log(JSON.stringify(describeRun(run), null, 2));
  if (run.outcome === 'nothing-to-do' || !args.out) return;

  const dir = resolve(args.out);
  await mkdir(dir, { recursive: true });
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
