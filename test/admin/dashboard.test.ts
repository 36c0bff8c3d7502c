import { describe, expect, it } from 'vitest';
import { compileBoardSummary } from '../../functions/core/board-summary/compile-board-summary.js';
import type { Action } from '../../functions/core/model/action.js';
import type { RunReport } from '../../functions/core/reminders/run-report.js';
import { makeAction, makePerson, makeRunReport } from '../support/make-action.js';
import { adminEmail, boardEmail, consoleConfig, consoleFixture } from './support/console-fixture.js';

const daysAgo = (days: number) => new Date(Date.parse('2026-11-27T10:00:00Z') - days * 86_400_000).toISOString();
const target = (t: string | null) => ({ text: null, target: t, originalTarget: t, revisions: [] });

/** On 27 November 2026 (the fixture's clock), with the default 28 days to stale; the open ones have an SRO to escalate to. */
const plan: Action[] = [
  makeAction({ id: 'never', sroId: 'shaw', ref: '1.01', ownerIds: ['okoro'], lastUpdatedAt: null, timescale: target('2027-03'), text: 'SECRET one' }),
  makeAction({ id: 'old', sroId: 'shaw', ref: '1.02', ownerIds: ['okoro'], lastUpdatedAt: daysAgo(60), timescale: target('2026-09') }),
  makeAction({ id: 'fresh-late', sroId: 'shaw', ref: '1.03', ownerIds: ['okoro'], lastUpdatedAt: daysAgo(3), timescale: target('2026-10-15') }),
  makeAction({ id: 'fresh', sroId: 'shaw', ref: '1.04', ownerIds: ['okoro'], lastUpdatedAt: daysAgo(3), timescale: target('2027-06') }),
  makeAction({ id: 'closing', ref: '1.05', status: 'proposed-closure', sroId: 'okoro', lastUpdatedAt: daysAgo(40), timescale: target('2026-01') }),
  makeAction({ id: 'done', ref: '1.06', status: 'closed', lastUpdatedAt: daysAgo(2) }),
];

const report = (overrides: Partial<RunReport> = {}): RunReport =>
  makeRunReport({ staleActions: 7, owners: 3, peopleReminded: 2, escalations: 1, failures: 1, failed: [{ personId: 'okoro', kind: 'reminder', reason: 'throttled' }], ...overrides });

async function dashboardFor(email: string, setUp: (fixture: ReturnType<typeof consoleFixture>) => Promise<void> = async () => {}) {
  const fixture = consoleFixture();
  await fixture.repository.putPerson(makePerson({ id: 'okoro', name: 'Supt Grace Okoro' }));
  await fixture.repository.putPerson(makePerson({ id: 'shaw', name: 'ACC Casey Shaw', email: 'casey.shaw@testshire.example' }));
  for (const action of plan) await fixture.repository.putAction(action, null);
  await setUp(fixture);
  const response = await fixture.request('/admin', { cookie: await fixture.signIn(email) });
  return { status: response.status, html: await response.text(), fixture };
}

const figure = (html: string, label: string) => new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`).exec(html)?.[1];

describe('the dashboard', () => {
  it('shows the board summary figures for the month so far, live', async () => {
    const { status, html } = await dashboardFor(adminEmail);
    expect(status).toBe(200);
    expect(html).toContain('6 actions in the plan. The figures are November 2026’s so far');
    expect(figure(html, 'Open')).toBe('4');
    expect(figure(html, 'Proposed for closure, awaiting sign-off')).toBe('1');
    expect(figure(html, 'of which no update for 28 days or more')).toBe('2');
    expect(figure(html, 'of which overdue')).toBe('2');
    expect(figure(html, 'of which no timescale set')).toBe('0');
    // Without last month's kept summary, "closed this month" cannot be measured: it says so.
    expect(figure(html, 'Closed this month')).toBe('Not known until October 2026’s board summary is compiled: compile it on Summaries, which also emails it to the board');
    // A board member cannot compile it: they are told only why.
    expect(figure((await dashboardFor(boardEmail)).html, 'Closed this month')).toBe('Not known until October 2026’s board summary is compiled');
    expect(html).not.toContain('SECRET');
  });

  it('says closures count from next month in the month the plan was loaded, which has no last month to compile', async () => {
    const { html } = await dashboardFor(adminEmail, async ({ repository }) => {
      for (const action of await repository.listActions()) await repository.putAction({ ...action, createdAt: '2026-11-10T09:00:00.000Z', version: action.version + 1 }, action.version);
    });
    expect(figure(html, 'Closed this month')).toBe('Counted from next month: the plan was loaded this month');
  });

  it('shows an admin what only they can put right: addresses that do not work, and live actions whose owner or SRO nobody can reach', async () => {
    const setUp = async ({ repository }: ReturnType<typeof consoleFixture>) => {
      await repository.putPerson(makePerson({ id: 'typo', name: 'DI Sam Typo', email: 'sam.typo@testshire.example', mailStatus: 'bounced' }));
      await repository.putPerson(makePerson({ id: 'gone', name: 'ACO Helen Gone', active: false, mailStatus: 'bounced' }));
      await repository.putAction(makeAction({ id: 'left-sro', ref: '2.01', ownerIds: ['okoro'], sroId: 'gone' }), null);
      await repository.putAction(makeAction({ id: 'left-closed', ref: '2.02', ownerIds: ['gone'], status: 'closed' }), null);
      await repository.putAction(makeAction({ id: 'unmatched', ref: '2.03', ownerIds: [], unmatchedNames: ['Ch Insp Mystery'], sroId: null }), null);
      await repository.putAction(makeAction({ id: 'no-owner', ref: '2.04', ownerIds: [], sroId: null }), null);
      await repository.putAction(makeAction({ id: 'closing-left', ref: '2.05', ownerIds: ['okoro'], sroId: 'gone', status: 'proposed-closure' }), null);
      // Owned by an id the directory no longer holds at all.
      await repository.putAction(makeAction({ id: 'missing-owner', ref: '2.06', ownerIds: ['dana.shaw.at.testshire.example'], sroId: null }), null);
    };
    const { html } = await dashboardFor(adminEmail, setUp);
    expect(html).toContain('Email addresses that do not work: 1');
    expect(html).toContain('<a href="/admin/people/typo">DI Sam Typo</a></td><td data-label="Problem">Bounced</td>');
    const start = html.indexOf('id="unreachable-heading"');
    const section = html.slice(start, html.indexOf('</section>', start));
    expect(section).toContain('Actions that need a new owner or SRO: 5');
    expect(section).toContain('or has no owner or no SRO, so its reminders, escalations or sign-off reach nobody. Reassign it on its page (a closure can be signed off there too).');
    expect([...section.matchAll(/<a href="\/admin\/actions\/[^"]+">[^<]+<\/a><\/td><td data-label="Area">[^<]*<\/td><td data-label="Who to replace">([^<]+)<\/td>/g)].map((m) => m[1])).toEqual([
      'ACO Helen Gone (SRO, has left)',
      'Ch Insp Mystery (owner, not matched to anyone in the people directory), No SRO',
      'No owner, No SRO',
      'ACO Helen Gone (SRO, has left)',
      'dana.shaw.at.testshire.example (owner, not in the people directory), No SRO',
    ]);
    expect(section).not.toContain('/admin/actions/left-closed"');
    // Nobody chases a closure whose SRO has left but the admin: the sign-off list says so.
    expect(html).toContain('<td data-label="SRO">ACO Helen Gone, who has left: an admin signs it off</td>');
    // A board member has nothing to put right here.
    const board = (await dashboardFor(boardEmail, setUp)).html;
    expect(board).not.toContain('do not work');
    expect(board).not.toContain('need a new owner');
    // Nothing to put right, nothing shown.
    expect((await dashboardFor(adminEmail)).html).not.toMatch(/do not work|need a new owner/);
  });

  it('counts closures against last month’s kept summary', async () => {
    const { html } = await dashboardFor(adminEmail, async ({ deps }) => {
      const october = compileBoardSummary({
        actions: plan.map((a) => (a.id === 'done' ? { ...a, status: 'open' as const } : a)),
        updates: [],
        people: [],
        previous: null,
        month: '2026-10',
        now: new Date('2026-11-02T08:00:00Z'),
        config: consoleConfig,
      });
      await deps.summaries.putSnapshot(october);
    });
    expect(figure(html, 'Closed this month')).toBe('1');
  });

  it('counts a plan of one as "1 action"', async () => {
    const fixture = consoleFixture();
    await fixture.repository.putAction(makeAction({ id: 'only', ref: '1.01' }), null);
    const html = await (await fixture.request('/admin', { cookie: await fixture.signIn(adminEmail) })).text();
    expect(html).toContain('1 action in the plan.');
  });

  it("tells admins when last month's kept summary has not reached a board member, and not once it has", async () => {
    const october = compileBoardSummary({ actions: plan, updates: [], people: [], previous: null, month: '2026-10', now: new Date('2026-11-02T08:00:00Z'), config: consoleConfig });
    const keptNotSent = async ({ deps }: ReturnType<typeof consoleFixture>) => void (await deps.summaries.putSnapshot(october));
    const notice =
      'The October 2026 board summary has not reached the one board member on the list: a send that failed, someone added to the list since, an email that bounced, or an address that cannot be emailed.';
    const { html } = await dashboardFor(adminEmail, keptNotSent);
    expect(html).toContain(notice);
    expect(html).toContain('<a href="/admin/summaries/2026-10">Open the October 2026 summary</a>');
    // A board member reading the dashboard is not asked to do what only an admin can.
    expect((await dashboardFor(boardEmail, keptNotSent)).html).not.toContain(notice);
    const sent = async (fixture: ReturnType<typeof consoleFixture>) => {
      await keptNotSent(fixture);
      await fixture.deps.summaries.claimSend('2026-10', boardEmail, new Date('2026-11-02T08:00:00Z'));
      await fixture.deps.summaries.confirmSent('2026-10', boardEmail, new Date('2026-11-02T08:00:00Z'), 'm-1');
    };
    expect((await dashboardFor(adminEmail, sent)).html).not.toContain('has not reached');
    // Had it, then marked it as spam: they had it all the same.
    const sentThenSpam = async (fixture: ReturnType<typeof consoleFixture>) => {
      await sent(fixture);
      await fixture.repository.putPerson(makePerson({ id: 'board-member', name: 'Board Member', email: boardEmail, mailStatus: 'complained' }));
    };
    expect((await dashboardFor(adminEmail, sentThenSpam)).html).not.toContain('has not reached');
    // Marked before it was sent: not reached, though nothing can send it to them.
    const spamNotSent = async (fixture: ReturnType<typeof consoleFixture>) => {
      await keptNotSent(fixture);
      await fixture.repository.putPerson(makePerson({ id: 'board-member', name: 'Board Member', email: boardEmail, mailStatus: 'complained' }));
    };
    const spamPage = (await dashboardFor(adminEmail, spamNotSent)).html;
    expect(spamPage).toContain(notice);
    expect(spamPage).toContain('Their address cannot be emailed: put it right on their page in People, then <a href="/admin/summaries/2026-10">open the October 2026 summary</a> to send it to them.');
    // Sent, and SES reported it bounced: not reached, and the month's page says whose address to check.
    const sentThenBounced = async (fixture: ReturnType<typeof consoleFixture>) => {
      await sent(fixture);
      await fixture.deps.summaries.markBounced('2026-10', boardEmail);
    };
    const bouncedPage = (await dashboardFor(adminEmail, sentThenBounced)).html;
    expect(bouncedPage).toContain(notice);
    expect(bouncedPage).toContain('It bounced: <a href="/admin/summaries/2026-10">open the October 2026 summary</a> to see whose address to check.');
    // Before last month is kept there is nothing to have reached anyone.
    expect((await dashboardFor(adminEmail)).html).not.toContain('has not reached');
  });

  it('sends admins to the month for who and what to do when the board members it has not reached need different things', async () => {
    const config = { ...consoleConfig, board: [boardEmail, 'dcc@testshire.example'] };
    const fixture = consoleFixture({ config });
    const at = new Date('2026-11-02T08:00:00Z');
    await fixture.deps.summaries.putSnapshot(compileBoardSummary({ actions: plan, updates: [], people: [], previous: null, month: '2026-10', now: at, config }));
    // One bounced; the other never sent (added to the list since).
    await fixture.deps.summaries.claimSend('2026-10', boardEmail, at);
    await fixture.deps.summaries.confirmSent('2026-10', boardEmail, at, 'm-1');
    await fixture.deps.summaries.markBounced('2026-10', boardEmail);
    const html = await (await fixture.request('/admin', { cookie: await fixture.signIn(adminEmail) })).text();
    expect(html).toContain('The October 2026 board summary has not reached any of the 2 board members on the list');
    expect(html).toContain('<a href="/admin/summaries/2026-10">Open the October 2026 summary</a> to see who, and what to do.');
  });

  it('tells admins, a year ahead, that the bank holidays in the config are running out', async () => {
    expect((await dashboardFor(adminEmail)).html).not.toContain('bank holidays only up to');
    // The default list ends on Boxing Day 2028: from mid-January 2028 it no longer covers a year ahead.
    const later = async ({ advance }: ReturnType<typeof consoleFixture>) => advance(Date.parse('2028-01-15T10:00:00Z') - Date.parse('2026-11-27T10:00:00Z'));
    expect((await dashboardFor(adminEmail, later)).html).toContain('The force config lists bank holidays only up to 26 December 2028.');
    expect((await dashboardFor(boardEmail, later)).html).not.toContain('bank holidays only up to');
  });

  it('counts days since an update by the calendar, as the action pages and the reminder emails do', async () => {
    // 11.30 pm on 28 October is 30 calendar days before the fixture's 27 November, though only 29.4 × 24 hours.
    const late = makeAction({ id: 'late', ref: '1.07', ownerIds: ['okoro'], lastUpdatedAt: '2026-10-28T23:30:00.000Z', timescale: target('2027-06') });
    const { html } = await dashboardFor(adminEmail, async ({ repository }) => repository.putAction(late, null));
    const stale = html.slice(html.indexOf('id="stale-heading"'), html.indexOf('</section>', html.indexOf('id="stale-heading"')));
    expect(stale).toMatch(/1\.07<\/a>.*?30 days ago/s);
  });

  it('does not count an action reopened two days ago as stale, as the reminder job does not', async () => {
    const reopened = makeAction({ id: 'reopened', sroId: 'shaw', ref: '1.07', ownerIds: ['okoro'], lastUpdatedAt: daysAgo(200), reopenedAt: daysAgo(2) });
    const { html } = await dashboardFor(adminEmail, (fixture) => fixture.repository.putAction(reopened, null));
    expect(figure(html, 'of which no update for 28 days or more')).toBe('2');
    expect(html).not.toContain('/admin/actions/reopened"');
  });

  it('lists stale actions stalest first and overdue ones most overdue first, linked to their pages', async () => {
    const { html } = await dashboardFor(adminEmail);
    const section = (id: string) => html.slice(html.indexOf(`id="${id}-heading"`), html.indexOf('</section>', html.indexOf(`id="${id}-heading"`)));
    const refs = (part: string) => [...part.matchAll(/<a href="\/admin\/actions\/([^"]+)">([^<]+)<\/a>/g)].map((m) => m[2]);
    expect(section('stale')).toContain('Actions with no update for 28 days or more: 2');
    expect(refs(section('stale'))).toEqual(['1.01', '1.02']);
    expect(section('stale')).toContain('Never updated');
    expect(section('stale')).toContain('60 days ago');
    expect(section('stale')).toContain('Supt Grace Okoro');
    expect(refs(section('overdue'))).toEqual(['1.02', '1.03']);
    expect(section('overdue')).toContain('September 2026');
  });

  it('lists the closures awaiting sign-off, waiting longest first, with the SRO to chase, or says an admin signs it off', async () => {
    const { html } = await dashboardFor(adminEmail, async ({ repository }) => {
      await repository.putAction(makeAction({ id: 'closing-new', ref: '1.07', status: 'proposed-closure', sroId: null, lastUpdatedAt: daysAgo(5) }), null);
      await repository.putAction(makeAction({ id: 'closing-own', ref: '1.08', status: 'proposed-closure', ownerIds: ['okoro'], sroId: 'okoro', lastUpdatedAt: daysAgo(2) }), null);
      await repository.putAction(makeAction({ id: 'closing-lost', ref: '1.09', status: 'proposed-closure', sroId: 'nobody-here', lastUpdatedAt: daysAgo(1) }), null);
    });
    const start = html.indexOf('id="sign-off-heading"');
    const section = html.slice(start, html.indexOf('</section>', start));
    expect(section).toContain('Awaiting sign-off: 4');
    expect([...section.matchAll(/<a href="\/admin\/actions\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1])).toEqual(['1.05', '1.07', '1.08', '1.09']);
    expect(section).toContain('<th scope="col">SRO</th><th scope="col">Last updated</th>');
    expect(section).toContain('<td data-label="SRO">Supt Grace Okoro</td><td data-label="Last updated">40 days ago</td>');
    // Nobody chases these two but the admin: the list says so.
    expect(section).toContain('<td data-label="SRO">No SRO: an admin signs it off</td>');
    expect(section).toContain('<td data-label="SRO">Supt Grace Okoro, who owns it: an admin signs it off</td>');
    // The same rule as the action's page and the emails: an SRO the directory does not hold has no link to sign with.
    expect(section).toContain('<td data-label="SRO">SRO not in the people directory: an admin signs it off</td>');
  });

  it('cuts a long list at 50 and points to the Actions page', async () => {
    const { html } = await dashboardFor(adminEmail, async ({ repository }) => {
      for (let i = 0; i < 60; i++) await repository.putAction(makeAction({ id: `bulk-${i}`, ref: `9.${i}`, lastUpdatedAt: null }), null);
    });
    expect(html).toContain('Actions with no update for 28 days or more: 62');
    expect(html).toContain('Showing the first 50 of 62. <a href="/admin/actions?stale=yes&amp;sort=updated-oldest">Find the rest on the Actions page</a>');
  });

  it('links each long list to the Actions page filtered and sorted as it is, and shows every action needing a new owner', async () => {
    const { html } = await dashboardFor(adminEmail, async ({ repository }) => {
      for (let i = 0; i < 55; i++) {
        const shared = { ownerIds: [], lastUpdatedAt: '2026-11-20T10:00:00.000Z', timescale: { text: null, target: '2026-01', originalTarget: '2026-01', revisions: [] } };
        await repository.putAction(makeAction({ id: `late-${i}`, ref: `8.${i}`, ...shared }), null);
        await repository.putAction(makeAction({ id: `done-${i}`, ref: `7.${i}`, ...shared, status: 'proposed-closure' }), null);
      }
    });
    expect(html).toContain('<a href="/admin/actions?overdue=yes&amp;sort=target-soonest">Find the rest on the Actions page</a>');
    expect(html).toContain('<a href="/admin/actions?status=proposed-closure&amp;sort=updated-oldest">Find the rest on the Actions page</a>');
    // No filter on the Actions page matches this list: all of it is here.
    const unreachable = html.slice(html.indexOf('id="unreachable-heading"'), html.indexOf('</section>', html.indexOf('id="unreachable-heading"')));
    expect(unreachable).toContain('Actions that need a new owner or SRO: 55');
    expect(unreachable.match(/<tr>/g)).toHaveLength(56);
    expect(unreachable).not.toContain('Showing the first');
  });

  it('shows the last reminder runs with what they did and what failed', async () => {
    const { html } = await dashboardFor(adminEmail, async ({ deps }) => {
      await deps.runReports.save(report());
      await deps.runReports.save(report({ runId: 'run-2', startedAt: '2026-11-27T09:00:00.000Z', dryRun: true, failures: 0, failed: [] }));
    });
    expect(html).toContain('<h2>Recent reminder runs</h2>');
    expect(html).toMatch(/27 November 2026 at 09:00 \(dry run\)<\/td>(<td[^>]*>\d<\/td>){5}/);
    expect([...html.matchAll(/data-label="([^"]+)">(\d+)<\/td>/g)].slice(0, 5).map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'Stale actions 7',
      'People reminded 2',
      'Escalations 1',
      'Not emailed 0',
      'Failures 0',
    ]);
    expect(html).toContain('<li>Supt Grace Okoro: the email service was busy.</li>');
    expect(html).toContain('tried again on the next working day');
    expect(html).not.toContain('okoro: Throttled');
    expect(html.indexOf('27 November 2026 at 09:00')).toBeLessThan(html.indexOf('26 November 2026 at 09:00'));
    expect(html).toContain('href="/admin/reminders"');
  });

  it('says when the reminder job has not run yet', async () => {
    expect((await dashboardFor(adminEmail)).html).toContain('The reminder job has not run yet.');
  });

  it('is readable by a board member, without the admins’ links or navigation', async () => {
    const { status, html } = await dashboardFor(boardEmail);
    expect(status).toBe(200);
    expect(html).toContain('(board)');
    expect(html).not.toContain('href="/admin/reminders"');
    expect(html).not.toContain('href="/admin/people"');
    expect(html).toContain('action="/admin/sign-out/everywhere"');
  });
});
