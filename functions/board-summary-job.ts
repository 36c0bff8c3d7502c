import * as z from './core/zod.js';
import { Month } from './core/board-summary/month.js';
import { IsoInstant } from './core/model/action.js';
import { describeRun, runBoardSummary } from './core/board-summary/run-board-summary.js';
import { parseOrThrow } from './core/validation.js';
import { boardSummaryDeps } from './runtime/board-summary-deps.js';
import type { CoreDeps } from './runtime/compose.js';
import { composeFromEnvironment } from './runtime/lambda-env.js';
import { writeLogLine } from './runtime/write-log-line.js';

/**
 * What EventBridge Scheduler sends: when the schedule fired (infra/constructs/jobs.ts). An operator may
 * invoke it with a month (to compile that month) or dryRun; anything else is refused by name.
 */
const BoardSummaryEvent = z.nullish(
  z.strictObject({ month: z.optional(Month), dryRun: z.optional(z.boolean({ error: 'must be true or false' })), scheduledTime: z.optional(IsoInstant) }),
);

let deps: CoreDeps | undefined;

/** Composed on the first invocation of a cold start, like the http Lambda. */
function compose(): CoreDeps {
  return composeFromEnvironment(process.env);
}

/**
 * The board-summary Lambda. It fails when any send failed, or when a recipient is still claimed by a
 * run that may have died mid-send, so that Lambda's two retries send to those recipients only and, if
 * they cannot, the failed-job-runs alarm tells IT. After them no scheduled run will (they act on the
 * month's first working day only), so the error says how to send the rest by hand. A send whose answer
 * from SES was lost does not fail it: the email may have gone, and no retry could send it within its
 * claim's 15 minutes anyway; the log line counts it (an alarm tells IT), and the month's page offers it after that.
 */
export async function handler(event: unknown): Promise<Record<string, unknown>> {
  const input = parseOrThrow(BoardSummaryEvent, event, 'The board summary event is not valid') ?? {};
  deps ??= compose();
  const run = await runBoardSummary(boardSummaryDeps(deps), {
    ...(input.month ? { month: input.month } : {}),
    ...(input.scheduledTime ? { scheduledAt: new Date(input.scheduledTime) } : {}),
    dryRun: input.dryRun ?? false,
    now: deps.clock.now(),
  });
  const line = describeRun(run);
  // Read by the alarm on sends SES may not have taken.
  writeLogLine(JSON.stringify(line));
  if (run.outcome === 'done' && (run.failed.length > 0 || run.inFlight.length > 0)) {
    throw new Error(`${run.message} If Lambda's retries fail too, invoke this function with {"month":"${run.month}"} once the cause is fixed.`);
  }
  return line;
}
