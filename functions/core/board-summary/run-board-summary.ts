import { toLocalDate } from '../calendar/local-date.js';
import { firstWorkingDayOfMonth } from '../calendar/working-days.js';
import type { ForceConfig } from '../config/force-config.js';
import { InvalidInputError } from '../errors.js';
import type { Person } from '../model/person.js';
import type { Update } from '../model/update.js';
import type { EmailAttachment, Mailer, Repository } from '../ports.js';
import { compileBoardSummary } from './compile-board-summary.js';
import { addMonths, endOfMonth, monthLabel, startOfMonth, type Month } from './month.js';
import type { BoardSummary, Snapshot } from './snapshot.js';
import { boardSummaryTag, claimTimeoutMs, recipientKey, type BoardList, type SummaryStore } from './summary-store.js';
import { personWithAddress, withoutLeavers } from '../admin/find-person.js';
import { mapLimited } from '../map-limited.js';
import { createPacer } from '../reminders/pacer.js';
import { certainlyNotSent, sendWithBackoff, type BackoffPolicy } from '../reminders/send-with-backoff.js';
import { realTimer, type Timer } from '../timer.js';

/** Rendering lives outside the core (web/emails, adapters/xlsx); the composition root passes it in. */
export interface BoardSummaryRenderers {
  renderEmail(summary: BoardSummary, config: Pick<ForceConfig, 'name' | 'baseUrl' | 'attachBoardPack'>): { subject: string; html: string; text: string };
  buildPack(snapshot: Snapshot, options: { forceName: string }): Promise<EmailAttachment>;
}

export interface RunBoardSummaryDeps {
  config: ForceConfig;
  repository: Repository;
  summaries: SummaryStore;
  getMailer: () => Promise<Mailer>;
  renderers: BoardSummaryRenderers;
  /** Paces sends under the account's rate and waits between retries of a throttled one; tests pass a virtual one. */
  timer?: Timer;
}

export interface RunBoardSummaryOptions {
  /** The month to compile; unset for the scheduled run, which compiles the month just ended. */
  month?: Month;
  /** Compile and render, keep and send nothing. */
  dryRun: boolean;
  now: Date;
  /**
   * When the schedule fired, for a scheduled run: whether it is the first working day is judged by it,
   * so that a retry which runs after midnight still sends the month (the next day's run would not).
   */
  scheduledAt?: Date;
  /** Sends to these of the board list alone, however they are spelt: the month sent again to one address. */
  onlyTo?: readonly string[];
}

export type BoardSummaryRun =
  | { outcome: 'nothing-to-do'; message: string }
  | { outcome: 'dry-run'; month: Month; message: string; snapshot: Snapshot; kept: boolean }
  | {
      outcome: 'done';
      month: Month;
      message: string;
      snapshot: Snapshot;
      /** Whether this run kept the snapshot, or found it kept by an earlier run. */
      kept: 'now' | 'before';
      sent: string[];
      alreadySent: string[];
      /** Sent before, and SES reported it bounced: not sent to the same address again. */
      bounced: string[];
      /** Claimed by another run moments ago: it is sending them, or died doing so (see claimTimeoutMs). */
      inFlight: string[];
      failed: Array<{ recipient: string; error: string }>;
      /**
       * Sent by this run, but SES's answer was lost (a 5xx, a timeout, a reset), so it may have taken the
       * email: the claim stays unconfirmed, and nothing sends it again until it times out.
       */
      unconfirmed: string[];
    };

/**
 * The monthly board summary. The scheduled run acts only on the first working day of the month
 * (the cron fires on days 1-7) and compiles the month just ended. A month's snapshot is kept once and
 * never replaced, and each recipient is claimed before sending and confirmed after: a retry or a second
 * run sends nobody the same month twice. A failed send gives its claim back so that the next run retries
 * it, and a claim a dead run left unconfirmed is taken over once it is older than any run can last.
 */
export async function runBoardSummary(deps: RunBoardSummaryDeps, options: RunBoardSummaryOptions): Promise<BoardSummaryRun> {
  const { config } = deps;
  const { now } = options;
  const today = toLocalDate(options.scheduledAt ?? now, config.timeZone);
  const firstWorkingDay = firstWorkingDayOfMonth(today.slice(0, 7), config);
  if (!options.month && today !== firstWorkingDay) {
    return { outcome: 'nothing-to-do', message: `Nothing to do: today (${today}) is not the first working day of the month (${firstWorkingDay}).` };
  }
  const month = options.month ?? addMonths(today.slice(0, 7), -1);
  // Its figures would be today's, labelled with a month to come.
  if (startOfMonth(month, config.timeZone).getTime() > now.getTime()) {
    return { outcome: 'nothing-to-do', message: `There is no summary for ${monthLabel(month)}: the month has not begun.` };
  }
  if (!options.dryRun && endOfMonth(month, config.timeZone).getTime() >= now.getTime()) {
    throw new InvalidInputError([`${monthLabel(month)} has not ended yet: its summary can be kept and sent from its first working day after; use a dry run to preview it`], 'The board summary was not compiled');
  }

  const kept = await deps.summaries.getSnapshot(month);
  const snapshot = kept ?? (await compileMonth(deps, month, now));
  // A month before the plan was imported (the first after go-live, or a mistyped year) would be kept
  // for good, and sent, as "0 actions in the plan".
  if (!kept && snapshot.summary.figures.total === 0) {
    return {
      outcome: 'nothing-to-do',
      message: `There is no summary for ${monthLabel(month)}: the plan had no actions by its end. Nothing was kept or sent; choose a month that ended after the plan was imported.`,
    };
  }
  if (options.dryRun) {
    return { outcome: 'dry-run', month, snapshot, kept: kept !== null, message: `Dry run for ${monthLabel(month)}: nothing was kept or sent.` };
  }
  let final = snapshot;
  let keptWhen: 'now' | 'before' = 'before';
  if (kept) await deps.summaries.ensureListed(kept);
  else {
    if (await deps.summaries.putSnapshot(snapshot)) keptWhen = 'now';
    // Another run kept the month first: send what it kept, so everyone gets the same summary.
    else final = (await deps.summaries.getSnapshot(month)) ?? snapshot;
  }
  return { outcome: 'done', month, snapshot: final, kept: keptWhen, ...(await sendToBoard(deps, final, now, options.onlyTo)) };
}

async function compileMonth(deps: RunBoardSummaryDeps, month: Month, now: Date): Promise<Snapshot> {
  const [actions, people, previous] = await Promise.all([
    deps.repository.listActions(),
    deps.repository.listPeople(),
    deps.summaries.getSnapshot(addMonths(month, -1)),
  ]);
  const histories = await mapLimited(actions, 16, (action) => deps.repository.listUpdates(action.id));
  const updates: Update[] = histories.flat();
  // Whoever has left by the time it is compiled is named so, or the board would chase them; the
  // dashboard, which compiles the same way, says so in its own columns.
  const named = people.map((person) => (person.active ? person : { ...person, name: `${person.name} (has left)` }));
  return compileBoardSummary({ actions, updates, people: named, previous, month, now, config: deps.config });
}

/**
 * The config's board list, each mailbox once however the config spells it, but for anyone the people
 * directory says has left (the console refuses them, and the summary, with the pack when attached,
 * is not for them either) and anyone whose address it marks as bounced or spam: SES would drop the
 * email, and the console would count them as having had it.
 */
export function boardRecipients(config: Pick<ForceConfig, 'board'>, people: readonly Person[]): BoardList {
  const listed = [...new Map(config.board.map((r) => [recipientKey(r), r])).values()];
  const current = withoutLeavers(people, listed);
  const unreachable = current.filter((address) => (personWithAddress(people, address)?.mailStatus ?? 'ok') !== 'ok');
  return { to: current.filter((address) => !unreachable.includes(address)), left: listed.filter((address) => !current.includes(address)), unreachable };
}

/**
 * Throttling retried briefly: "Compile and send" runs inside a web request of 10 s. A member still
 * throttled after three attempts has their claim given back, and is sent it from the month's page.
 */
const boardBackoff: BackoffPolicy = { maxAttempts: 3, baseMs: 250, capMs: 1000 };

async function sendToBoard(deps: RunBoardSummaryDeps, snapshot: Snapshot, now: Date, onlyTo?: readonly string[]) {
  const { config } = deps;
  const month = snapshot.summary.month;
  const only = onlyTo && new Set(onlyTo.map(recipientKey));
  const board = (list: string[]) => (only ? list.filter((address) => only.has(recipientKey(address))) : list);
  const everyone = boardRecipients(config, config.board.length === 0 ? [] : await deps.repository.listPeople());
  const [recipients, left, unreachable] = [board(everyone.to), board(everyone.left), board(everyone.unreachable)];
  const result = { sent: [] as string[], alreadySent: [] as string[], bounced: [] as string[], inFlight: [] as string[], failed: [] as Array<{ recipient: string; error: string }>, unconfirmed: [] as string[] };
  const notEmailable = unreachable.length ? [`not sent to ${unreachable.length} whose address the people directory marks as bounced or spam`] : [];
  if (recipients.length === 0) {
    const state = [left.length > 0 && 'has left', unreachable.length > 0 && 'cannot be emailed (bounced or marked as spam)'].filter(Boolean).join(' or ');
    const why = state ? `everyone on the config's board list ${state}, as the people directory says` : 'the config lists no board recipients';
    return { ...result, message: `The ${monthLabel(month)} summary is kept; nobody was sent it because ${why}.` };
  }
  const email = deps.renderers.renderEmail(snapshot.summary, config);
  const attachments = config.attachBoardPack ? [await deps.renderers.buildPack(snapshot, { forceName: config.name })] : undefined;
  const tags = { [boardSummaryTag]: month };
  const mailer = await deps.getMailer();
  const timer = deps.timer ?? realTimer;
  const pacer = createPacer(config.sendRatePerSecond, timer);
  for (const recipient of recipients) {
    const claim = await deps.summaries.claimSend(month, recipient, now);
    if (claim !== 'claimed') {
      ({ sent: result.alreadySent, bounced: result.bounced, 'in-flight': result.inFlight })[claim].push(recipient);
      continue;
    }
    let messageId: string;
    try {
      ({ messageId } = await sendWithBackoff(mailer, { to: [recipient], ...email, ...(attachments ? { attachments } : {}), tags }, pacer, timer, boardBackoff));
    } catch (error) {
      if (certainlyNotSent(error)) {
        await deps.summaries.releaseSent(month, recipient);
        result.failed.push({ recipient, error: (error as Error).message });
      } else result.unconfirmed.push(recipient);
      continue;
    }
    result.sent.push(recipient);
    await deps.summaries.confirmSent(month, recipient, now, messageId);
  }
  const again = 'send this month again from its preview in the console\'s Summaries to retry them: the others are not sent it twice';
  const parts = [
    `sent to ${result.sent.length}`,
    `already sent to ${result.alreadySent.length}`,
    ...(result.bounced.length ? [`not sent again to ${result.bounced.length} whose email bounced before (the month's page in the console says whose address to check)`] : []),
    ...(result.inFlight.length ? [`being sent by another run for ${result.inFlight.length}, or left unsent by one that stopped (if they do not get it, ${again}, from ${claimTimeoutMs / 60_000} minutes on)`] : []),
    ...(result.unconfirmed.length
      ? [`not known whether the email service took it for ${result.unconfirmed.length}, as its answer was lost (they may have it: ask them before sending it again, which can be done from ${claimTimeoutMs / 60_000} minutes on)`]
      : []),
    ...(result.failed.length ? [`failed for ${result.failed.length} (${again})`] : []),
    ...notEmailable,
  ];
  return { ...result, message: `The ${monthLabel(month)} summary: ${parts.join(', ')}.` };
}

/** One log line without any item text (the snapshot stays out of logs) and without addresses: who failed is counted. */
export function describeRun(run: BoardSummaryRun): Record<string, unknown> {
  if (run.outcome === 'nothing-to-do') return { job: 'board-summary', outcome: run.outcome, message: run.message };
  const base = { job: 'board-summary', outcome: run.outcome, month: run.month, figures: run.snapshot.summary.figures, message: run.message };
  if (run.outcome === 'dry-run') return base;
  return { ...base, kept: run.kept, sent: run.sent.length, alreadySent: run.alreadySent.length, bounced: run.bounced.length, inFlight: run.inFlight.length, failed: run.failed.length, unconfirmed: run.unconfirmed.length };
}
