import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient, localCredentials } from '../../functions/adapters/aws-clients.js';
import { DynamoSummaryStore } from '../../functions/adapters/dynamodb/summary-store.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { boardRecipients, describeRun, runBoardSummary } from '../../functions/core/board-summary/run-board-summary.js';
import { parseForceConfig, type ForceConfig } from '../../functions/core/config/force-config.js';
import { boardSummaryDeps } from '../../functions/runtime/board-summary-deps.js';
import { composeDeps, type CoreDeps } from '../../functions/runtime/compose.js';
import { startDynalite, startLocalSes, type StandIn } from '../../infra/local/stand-ins.js';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { MemorySummaryStore } from '../../functions/adapters/memory/memory-summary-store.js';
import type { Mailer, OutgoingEmail } from '../../functions/core/ports.js';
import { boardSummaryRenderers } from '../../functions/runtime/board-summary-deps.js';
import { makeAction, makePerson } from '../support/make-action.js';
import { action, octoberHistory, octoberSnapshot, people, retimedHistory } from './history-fixtures.js';
import { virtualTimer } from '../reminders/run-fixture.js';
import { sesRejection, sesServerError, sesThrottling } from '../support/ses-rejection.js';

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { filename?: string; contentType: string; size: number }[];
}

let dynamo: StandIn;
let ses: StandIn;
let admin: DynamoDBClient;
let tables = 0;
beforeAll(async () => {
  [dynamo, ses] = await Promise.all([startDynalite(), startLocalSes()]);
  admin = new DynamoDBClient({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: localCredentials });
});
afterAll(async () => {
  admin.destroy();
  await Promise.all([dynamo.close(), ses.close()]);
});
beforeEach(async () => {
  await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
});

const board = ['dcc.ashworth@northshire.example', 'board.secretary@northshire.example'];
/** Monday 2 November 2026 is the first working day of November (the 1st is a Sunday). */
const firstWorkingDay = new Date('2026-11-02T07:30:00.000Z');

async function sentEmails(): Promise<StoredEmail[]> {
  return ((await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: StoredEmail[] }).emails;
}

/** The production wiring on dynalite and aws-ses-v2-local, with a fresh table holding an October's history (octoberHistory unless given). */
async function seededDeps(overrides: Partial<ForceConfig> = {}, { actions, updates } = octoberHistory()): Promise<CoreDeps> {
  const tableName = `board-${++tables}`;
  await ensureTable(admin, tableName);
  const config = parseForceConfig(
    { id: 'northshire', name: 'Northshire Police', baseUrl: 'https://actions.northshire.example', sender: 'action-plan@northshire.example', admins: ['admin@northshire.example'], board, ...overrides },
    'test',
  );
  const deps = composeDeps({ config, tableName, endpoints: { region: 'eu-west-2', dynamoEndpoint: dynamo.endpoint, sesEndpoint: ses.endpoint } });
  for (const person of [...people, makePerson({ id: 'p-1' })]) await deps.repository.putPerson(person);
  for (const action of actions) {
    const history = updates.filter((u) => u.actionId === action.id).sort((a, b) => a.version - b.version);
    // Stored as first written, then each update applied through the repository, as the app does.
    const first = { ...action, version: 1 };
    const reverted = history.reduceRight((state, u) => ({ ...state, ...Object.fromEntries(u.changes.map((c) => [c.field, c.from])) }), first);
    await deps.repository.putAction({ ...reverted, lastUpdatedAt: history.length ? '2026-09-25T09:00:00.000Z' : action.lastUpdatedAt }, null);
    for (const update of history) await deps.repository.saveUpdate(update);
  }
  return deps;
}

const run = (deps: CoreDeps, options: { month?: string; dryRun?: boolean; now?: Date } = {}) =>
  runBoardSummary(
    { ...boardSummaryDeps(deps), timer: virtualTimer() },
    { ...(options.month ? { month: options.month } : {}), dryRun: options.dryRun ?? false, now: options.now ?? firstWorkingDay },
  );

describe('runBoardSummary on dynalite and aws-ses-v2-local', () => {
  it('sends one email per recipient however often it runs for the month', async () => {
    const deps = await seededDeps();
    const first = await run(deps);
    const second = await run(deps);
    await Promise.all([run(deps), run(deps)]);
    expect(first).toMatchObject({ outcome: 'done', month: '2026-10', kept: 'now', sent: board, alreadySent: [] });
    expect(second).toMatchObject({ outcome: 'done', kept: 'before', sent: [], alreadySent: board });

    const emails = await sentEmails();
    expect(emails.map((e) => e.destination.to).sort()).toEqual(board.map((r) => [r]).sort());
    expect(emails[0]?.subject).toBe('Northshire Police: action plan board summary for October 2026');
    expect(emails[0]?.body.text).toContain('- Target date moved: 1 (T1 (+3 months))');
    expect(emails[0]?.attachments).toEqual([]);
    expect((await deps.summaries.listSummaries()).map((s) => s.month)).toEqual(['2026-10']);
  });

  it('does not send a month again to an address it bounced from, and says so rather than calling it sent', async () => {
    const deps = await seededDeps();
    await run(deps);
    await deps.summaries.markBounced('2026-10', board[0]!);
    const again = await run(deps);
    expect(again).toMatchObject({ outcome: 'done', sent: [], alreadySent: [board[1]], bounced: [board[0]] });
    expect(again.outcome === 'done' && again.message).toContain("not sent again to 1 whose email bounced before (the month's page in the console says whose address to check)");
    expect(await sentEmails()).toHaveLength(board.length);
  });

  it('emails a day target moved by less than a month in days, one moved earlier as earlier, and not one only written as its month end', async () => {
    await run(await seededDeps({}, retimedHistory()));
    const [email] = await sentEmails();
    expect(email?.body.text).toContain('- Target date moved: 4 (R1 (+21 days), R2 (-16 days), R3 (+1 day), R4 (+3 months))');
  });

  it('emails the month the plan was loaded as the first summary, comparing it with nothing', async () => {
    await run(await seededDeps({}, { actions: [action('a-1', 'R1', { createdAt: '2026-10-30T17:00:00.000Z' })], updates: [] }));
    const [email] = await sentEmails();
    expect(email?.body.text).toContain('This is the first summary since the plan was loaded on 30 October 2026, so changes are reported from next month.');
    expect(email?.body.text).not.toContain('New actions');
  });

  it('reads and sends a month kept before closed, not accepted and unrated actions were counted apart', async () => {
    const deps = await seededDeps();
    const kept = octoberSnapshot();
    const { closed, notAcceptedOrSuperseded, noConfidence, ...figures } = kept.summary.figures;
    await deps.summaries.putSnapshot({ ...kept, summary: { ...kept.summary, figures } });
    expect(await run(deps)).toMatchObject({ outcome: 'done', kept: 'before', sent: board });
    const [email] = await sentEmails();
    expect(email?.body.text).toContain('\nProposed for closure, awaiting sign-off: 0\nClosed, not accepted or superseded: 1\n\n');
  });

  it('lists the month on a retry when the run that kept it stopped before listing it', async () => {
    const deps = await seededDeps();
    const doc = createDocumentClient({ region: 'eu-west-2', dynamoEndpoint: dynamo.endpoint });
    let stopAtListing = true;
    // The Lambda dies (a timeout, say) between keeping the month and listing it.
    doc.middlewareStack.add(
      (next) => async (args) => {
        const item = (args.input as { Item?: { pk?: string } }).Item;
        if (stopAtListing && item?.pk === 'SUMMARIES') throw new Error('Task timed out');
        return next(args);
      },
      { step: 'initialize', name: 'stopAtListing' },
    );
    const summaries = new DynamoSummaryStore(doc, `board-${tables}`);
    const withStore = { ...boardSummaryDeps(deps), summaries, timer: virtualTimer() };
    await expect(runBoardSummary(withStore, { dryRun: false, now: firstWorkingDay })).rejects.toThrow('Task timed out');
    expect(await summaries.getSnapshot('2026-10')).not.toBeNull();
    expect(await summaries.listSummaries()).toEqual([]);
    stopAtListing = false;
    expect(await runBoardSummary(withStore, { dryRun: false, now: firstWorkingDay })).toMatchObject({ outcome: 'done', kept: 'before', sent: board });
    expect((await summaries.listSummaries()).map((s) => s.month)).toEqual(['2026-10']);
    doc.destroy();
  });

  it('does nothing, and says so, on a day that is not the first working day of the month', async () => {
    const deps = await seededDeps();
    const result = await run(deps, { now: new Date('2026-11-03T07:30:00.000Z') });
    expect(result).toEqual({ outcome: 'nothing-to-do', message: expect.stringMatching(/not the first working day of the month \(2026-11-02\)/) });
    expect(await sentEmails()).toEqual([]);
    expect(await deps.summaries.getSnapshot('2026-10')).toBeNull();
  });

  it('keeps and sends nothing for a month the plan had no actions by the end of, scheduled or asked for', async () => {
    const empty = await seededDeps({}, { actions: [], updates: [] });
    const scheduled = await run(empty);
    expect(scheduled).toEqual({ outcome: 'nothing-to-do', message: expect.stringMatching(/^There is no summary for October 2026: the plan had no actions by its end\. Nothing was kept or sent/) });
    expect(await empty.summaries.getSnapshot('2026-10')).toBeNull();
    // A month before the plan was imported, as a mistyped year asks for one.
    const imported = await seededDeps();
    expect((await run(imported, { month: '2025-10' })).outcome).toBe('nothing-to-do');
    expect((await run(imported, { month: '2025-10', dryRun: true })).outcome).toBe('nothing-to-do');
    expect(await imported.summaries.getSnapshot('2025-10')).toBeNull();
    expect(await sentEmails()).toEqual([]);
  });

  it('judges the day by when the schedule fired, so a retry after midnight still sends the month', async () => {
    const { deps, delivered } = await inMemory(() => undefined);
    // Scheduled for 23:30 on Monday 2 November, the first working day; retried at 00:40 on the 3rd.
    const retry = await runBoardSummary(deps, { dryRun: false, now: new Date('2026-11-03T00:40:00.000Z'), scheduledAt: new Date('2026-11-02T23:30:00.000Z') });
    expect(retry).toMatchObject({ outcome: 'done', month: '2026-10', sent: board });
    expect(delivered).toHaveLength(2);
    // The next day's own run is still not due.
    const nextDay = await runBoardSummary(deps, { dryRun: false, now: new Date('2026-11-03T23:30:00.000Z'), scheduledAt: new Date('2026-11-03T23:30:00.000Z') });
    expect(nextDay.outcome).toBe('nothing-to-do');
  });

  it('attaches the board pack when the config asks for it', async () => {
    const deps = await seededDeps({ attachBoardPack: true });
    await run(deps);
    const emails = await sentEmails();
    expect(emails).toHaveLength(2);
    expect(emails[0]?.attachments).toEqual([
      expect.objectContaining({ filename: 'board-pack-2026-10.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    ]);
  });

  it('names whoever has left by the time it is compiled as having left, in the summary it keeps (and so sends)', async () => {
    const deps = await seededDeps();
    const stale = (await deps.repository.listActions()).find((a) => a.ownerIds.length > 0 && a.status === 'open')!;
    const leaver = (await deps.repository.getPerson(stale.ownerIds[0]!))!;
    await deps.repository.putPerson({ ...leaver, active: false });
    const result = await run(deps);
    expect(result.outcome).toBe('done');
    const snapshot = (await deps.summaries.getSnapshot('2026-10'))!;
    expect(snapshot.plan.find((row) => row.id === stale.id)!.owners[0]!.name).toBe(`${leaver.name} (has left)`);
    expect(JSON.stringify(snapshot.plan)).not.toMatch(new RegExp(`"${leaver.name}"`));
  });

  it('compiles any month on demand; a dry run keeps and sends nothing and logs no item text', async () => {
    const deps = await seededDeps();
    const result = await run(deps, { month: '2026-09', dryRun: true, now: new Date('2026-11-20T10:00:00.000Z') });
    expect(result).toMatchObject({ outcome: 'dry-run', month: '2026-09', kept: false });
    expect(await deps.summaries.getSnapshot('2026-09')).toBeNull();
    expect(await sentEmails()).toEqual([]);
    expect(JSON.stringify(describeRun(result))).not.toContain('The force should improve');
  });

  it('says the day the figures are as at in the email of a dry run part-way through the month, not its end', async () => {
    const deps = await seededDeps();
    const result = await run(deps, { month: '2026-10', dryRun: true, now: new Date('2026-10-15T10:00:00.000Z') });
    if (result.outcome !== 'dry-run') throw new Error(result.message);
    // A dry run sends nothing for the SES store to hold: rendered as a run sends it, as the CLI's --out writes it.
    const email = boardSummaryRenderers.renderEmail(result.snapshot.summary, deps.config);
    expect(email.text).toContain('Northshire Police. Figures as at 15 October 2026; 7 actions in the plan.');
    expect(email.html).toContain('Figures as at 15 October 2026;');
  });

  it('refuses to keep a month that has not ended', async () => {
    const deps = await seededDeps();
    await expect(run(deps, { month: '2026-11' })).rejects.toThrow(/November 2026 has not ended yet/);
  });
});

/** The run on in-memory stores, with one action and a mailer whose every send `send` sees first (to fail or hang it). */
async function inMemory(send: (email: OutgoingEmail) => Promise<void> | void) {
  const config = parseForceConfig(
    { id: 'northshire', name: 'Northshire Police', baseUrl: 'https://a.example', sender: 's@northshire.example', admins: ['a@northshire.example'], board },
    'test',
  );
  const repository = new MemoryRepository();
  await repository.putAction(makeAction(), null);
  const delivered: OutgoingEmail[] = [];
  const mailer: Mailer = {
    async send(email) {
      await send(email);
      delivered.push(email);
      return { messageId: String(delivered.length) };
    },
  };
  const deps = { config, repository, summaries: new MemorySummaryStore(), getMailer: async () => mailer, renderers: boardSummaryRenderers, timer: virtualTimer() };
  return { deps, delivered };
}

describe('runBoardSummary when a run dies mid-send', () => {
  it('reports a recipient a dead run claimed as in flight, not sent, and sends it on a run after the claim has timed out', async () => {
    let hang = true;
    // The first run's Lambda times out while SES has the second email.
    const { deps, delivered } = await inMemory((email) => (hang && email.to[0] === board[1] ? new Promise(() => undefined) : undefined));
    void runBoardSummary(deps, { dryRun: false, now: firstWorkingDay });
    await new Promise((resolve) => setTimeout(resolve, 50));
    hang = false;
    const retry = await runBoardSummary(deps, { dryRun: false, now: new Date(firstWorkingDay.getTime() + 2 * 60_000) });
    // Lambda's retry, minutes later, cannot tell a dead run from a slow one: it says so, and does not call it sent.
    expect(retry).toMatchObject({ sent: [], alreadySent: [board[0]], inFlight: [board[1]] });
    expect(retry.outcome === 'done' && retry.message).toContain('being sent by another run for 1, or left unsent by one that stopped');
    const later = await runBoardSummary(deps, { month: '2026-10', dryRun: false, now: new Date(firstWorkingDay.getTime() + 20 * 60_000) });
    expect(later).toMatchObject({ sent: [board[1]], alreadySent: [board[0]] });
    expect(delivered.map((e) => e.to)).toEqual([[board[0]], [board[1]]]);
  });
});

describe('runBoardSummary and the people directory', () => {
  it('sends nothing to a board member who has left, though the config still lists them', async () => {
    const { deps, delivered } = await inMemory(() => undefined);
    await deps.repository.putPerson(makePerson({ id: 'gone', name: 'Mr Gone', email: board[1]!.toUpperCase(), active: false }));
    const run = await runBoardSummary(deps, { dryRun: false, now: firstWorkingDay });
    expect(run).toMatchObject({ sent: [board[0]], failed: [], inFlight: [] });
    expect(delivered.map((e) => e.to)).toEqual([[board[0]]]);

    // Everyone on the list has left: the run says so, not that the config lists nobody.
    const allLeft = await inMemory(() => undefined);
    for (const [i, email] of board.entries()) await allLeft.deps.repository.putPerson(makePerson({ id: `gone-${i}`, name: 'Mr Gone', email, active: false }));
    const nobody = await runBoardSummary(allLeft.deps, { dryRun: false, now: firstWorkingDay });
    expect(nobody.outcome === 'done' && nobody.message).toBe(
      "The October 2026 summary is kept; nobody was sent it because everyone on the config's board list has left, as the people directory says.",
    );
    expect(allLeft.delivered).toEqual([]);
  });
});

describe('runBoardSummary and board members who cannot be emailed', () => {
  it('sends nothing to one whose address the directory marks as bounced or spam, and says so rather than counting them as sent', async () => {
    const { deps, delivered } = await inMemory(() => undefined);
    await deps.repository.putPerson(makePerson({ id: 'secretary', name: 'Board Secretary', email: board[1]!.toUpperCase(), mailStatus: 'complained' }));
    const run = await runBoardSummary(deps, { dryRun: false, now: firstWorkingDay });
    expect(run).toMatchObject({ sent: [board[0]], failed: [], inFlight: [] });
    expect(run.outcome === 'done' && run.message).toBe(
      'The October 2026 summary: sent to 1, already sent to 0, not sent to 1 whose address the people directory marks as bounced or spam.',
    );
    expect(delivered.map((e) => e.to)).toEqual([[board[0]]]);
    expect(boardRecipients({ board }, await deps.repository.listPeople())).toEqual({ to: [board[0]], left: [], unreachable: [board[1]] });

    // Nobody left to send to: the run says why.
    await deps.repository.putPerson(makePerson({ id: 'chair', name: 'Board Chair', email: board[0]!, mailStatus: 'bounced' }));
    const nobody = await runBoardSummary(deps, { month: '2026-10', dryRun: false, now: firstWorkingDay });
    expect(nobody.outcome === 'done' && nobody.message).toBe(
      "The October 2026 summary is kept; nobody was sent it because everyone on the config's board list cannot be emailed (bounced or marked as spam), as the people directory says.",
    );
  });
});

describe('runBoardSummary when a send fails', () => {
  it('gives the claim back when SES refuses, reports the failure, and the next run sends only to that recipient', async () => {
    let failFor: string | null = board[1]!;
    const { deps, delivered } = await inMemory((email) => {
      if (email.to[0] === failFor) throw sesRejection(email.to[0]!);
    });
    const first = await runBoardSummary(deps, { dryRun: false, now: firstWorkingDay });
    expect(first).toMatchObject({ sent: [board[0]], failed: [{ recipient: board[1], error: expect.stringContaining('Email address is not verified') }] });
    // The line logged and printed counts who failed: addresses are personal data.
    expect(describeRun(first)).toMatchObject({ sent: 1, failed: 1 });
    expect(JSON.stringify(describeRun(first))).not.toContain(board[1]!);
    failFor = null;
    const retry = await runBoardSummary(deps, { dryRun: false, now: firstWorkingDay });
    expect(retry).toMatchObject({ sent: [board[1]], alreadySent: [board[0]], failed: [] });
    expect(delivered.map((e) => e.to)).toEqual([[board[0]], [board[1]]]);
  });

  it('waits and tries again while SES throttles, and sends', async () => {
    let throttles = 2;
    const { deps, delivered } = await inMemory(() => {
      if (throttles-- > 0) throw sesThrottling();
    });
    const run = await runBoardSummary(deps, { dryRun: false, now: firstWorkingDay });
    expect(run).toMatchObject({ sent: board, failed: [], inFlight: [] });
    expect(delivered.map((e) => e.to)).toEqual([[board[0]], [board[1]]]);
  });

  it('keeps the claim when SES may have taken the email (its answer lost): a retry sends nothing until the claim times out', async () => {
    let lose = true;
    const { deps, delivered } = await inMemory((email) => {
      if (lose && email.to[0] === board[1]) throw sesServerError();
    });
    const first = await runBoardSummary(deps, { dryRun: false, now: firstWorkingDay });
    expect(first).toMatchObject({ sent: [board[0]], failed: [], inFlight: [], unconfirmed: [board[1]] });
    expect(first.outcome === 'done' && first.message).toContain('not known whether the email service took it for 1, as its answer was lost (they may have it');
    // The fields the BoardSummaryUnconfirmed alarm's filter reads (infra/constructs/alarms.ts).
    expect(describeRun(first)).toMatchObject({ job: 'board-summary', sent: 1, unconfirmed: 1 });
    lose = false;
    // Lambda's retry, a minute later, does not make a second copy.
    const retry = await runBoardSummary(deps, { dryRun: false, now: new Date(firstWorkingDay.getTime() + 60_000) });
    expect(retry).toMatchObject({ sent: [], inFlight: [board[1]] });
    expect(delivered.map((e) => e.to)).toEqual([[board[0]]]);
    // Once the claim has timed out, sending the month again reaches them.
    const later = await runBoardSummary(deps, { month: '2026-10', dryRun: false, now: new Date(firstWorkingDay.getTime() + 20 * 60_000) });
    expect(later).toMatchObject({ sent: [board[1]] });
  });
});
