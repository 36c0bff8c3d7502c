import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseOrThrow } from '../../../functions/core/validation.js';
import { connectLocalRepository } from '../connect.js';

const Args = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, like 2026-10').optional(),
  'dry-run': z.boolean().optional(),
  out: z.string().optional(),
});

/** `npm run board-summary -- --month 2026-10 [--dry-run] [--out DIR]` against the running local stack. */
async function main() {
  const { values } = parseArgs({ options: { month: { type: 'string' }, 'dry-run': { type: 'boolean' }, out: { type: 'string' } } });
  const args = parseOrThrow(Args, values, 'Arguments are not valid');
  const { repository } = await connectLocalRepository();
  const actions = await repository.listActions();
  console.log(`Board summary for ${args.month ?? 'last month'}: ${actions.length} actions in the plan.`);
  console.log('Compiling the summary and its pack arrives with the board summary issue: nothing was sent or written.');
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
