import { compileBoardSummary } from '../board-summary/compile-board-summary.js';
import { overdueFirst, waitingSignOffFirst } from '../board-summary/figures.js';
import { addMonths, localMonth, type Month } from '../board-summary/month.js';
import type { HeadlineFigures, NamedPerson, PlanRow } from '../board-summary/snapshot.js';
import { boardRecipients } from '../board-summary/run-board-summary.js';
import { boardSendStatus, listedCount, notReached, type SummaryStore } from '../board-summary/summary-store.js';
import { bankHolidaysRunningOut } from '../calendar/bank-holidays.js';
import { toLocalDate } from '../calendar/local-date.js';
import type { ForceConfig } from '../config/force-config.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import { adminSignOffReason, type AdminSignOffReason } from '../rules/decides-closure.js';
import type { Repository } from '../ports.js';
import type { RunReport, RunReportStore } from '../reminders/run-report.js';

export interface DashboardDeps {
  config: ForceConfig;
  repository: Repository;
  summaries: SummaryStore;
  runReports: RunReportStore;
}

export interface Dashboard {
  month: Month;
  figures: HeadlineFigures;
  /**
   * Whether "closed this month" can be counted: it is measured against last month's kept summary, so
   * before the first summary is kept the figure is not shown rather than shown wrong.
   */
  closedKnown: boolean;
  /** Set when the plan had no actions at last month's end: there is no summary of it to keep, and closures count from next month. */
  planLoadedAt: string | null;
  /** Open actions, stalest first (never updated at the top). */
  stale: PlanRow[];
  /** Open actions past their target, most overdue first. */
  overdue: PlanRow[];
  /** Closures owners proposed, least recently updated first: the SROs to chase. */
  awaitingSignOff: PlanRow[];
  runs: RunReport[];
  /** The directory's names by id: the runs' failures name people. */
  personNames: ReadonlyMap<string, string>;
  /** The config's last bank holiday, when the list runs out within a year (see bankHolidaysRunningOut). */
  bankHolidaysEnd: string | null;
  /** People still here whose address bounced or complained: nobody can email them until it is fixed. */
  undeliverable: Person[];
  /**
   * Live actions whose reminders or sign-off reach someone who is not there: an owner or SRO who has
   * left, an owner name the directory does not hold, or an open action with no owner. Only an admin
   * can reassign them.
   */
  unreachable: Array<{ row: PlanRow; who: string[] }>;
  /** For each closure awaiting sign-off that an admin, not its SRO, signs off: why. */
  adminSignsOff: ReadonlyMap<string, AdminSignOffReason>;
  /** Last month's kept summary when a board member on the list has not had it: a scheduled send that failed shows here. */
  /**
   * `unreachable`: how many of `notHad` cannot be emailed until their address is put right in People;
   * `bounced`: how many were sent it and it bounced.
   */
  unsentSummary: { month: Month; notHad: number; unreachable: number; bounced: number; recipients: number } | null;
}

export const dashboardRuns = 5;

/**
 * The board summary's figures for the month so far, live. The plan as it stands now needs no history
 * (nothing has happened after now), and movement is measured against last month's kept snapshot: so
 * the dashboard reads the actions, the people and one snapshot, never each action's updates.
 */
export async function loadDashboard(deps: DashboardDeps, now: Date): Promise<Dashboard> {
  const month = localMonth(now, deps.config.timeZone);
  const lastMonth = addMonths(month, -1);
  const [actions, people, { previous, lastMonthClaims }, runs] = await Promise.all([
    deps.repository.listActions(),
    deps.repository.listPeople(),
    // Who has had last month's summary is asked only once it is known to be kept, beside the other reads.
    deps.summaries.getSnapshot(lastMonth).then(async (previous) => ({ previous, lastMonthClaims: previous && (await deps.summaries.listSendClaims(lastMonth)) })),
    deps.runReports.listRecent(dashboardRuns),
  ]);
  const lastMonthSent = lastMonthClaims && boardSendStatus(boardRecipients(deps.config, people), lastMonthClaims, now);
  const leftIds = new Set(people.filter((p) => !p.active).map((p) => p.id));
  const { summary, plan } = compileBoardSummary({ actions, updates: [], people, previous, month, now, config: deps.config });
  const lastUpdated = (row: PlanRow) => (row.lastUpdatedAt === null ? 0 : Date.parse(row.lastUpdatedAt));
  return {
    month,
    figures: summary.figures,
    closedKnown: previous !== null,
    planLoadedAt: summary.movement.planLoadedAt ?? null,
    stale: plan.filter((row) => row.stale).sort((a, b) => lastUpdated(a) - lastUpdated(b)),
    overdue: overdueFirst(plan),
    awaitingSignOff: waitingSignOffFirst(plan),
    runs,
    personNames: new Map(people.map((p) => [p.id, p.name])),
    bankHolidaysEnd: bankHolidaysRunningOut(deps.config.bankHolidays, toLocalDate(now, deps.config.timeZone)),
    undeliverable: people.filter((p) => p.active && p.mailStatus !== 'ok').sort((a, b) => a.name.localeCompare(b.name)),
    unreachable: unreachableActions(plan, leftIds, new Set(people.map((p) => p.id))),
    adminSignsOff: adminSignOffs(actions, people),
    unsentSummary:
      lastMonthSent && notReached(lastMonthSent) > 0
        ? {
            month: lastMonth,
            notHad: notReached(lastMonthSent),
            unreachable: lastMonthSent.unreachable.length,
            bounced: lastMonthSent.bounced.length,
            recipients: listedCount(lastMonthSent),
          }
        : null,
  };
}

function adminSignOffs(actions: readonly Action[], people: readonly Person[]): Dashboard['adminSignsOff'] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const reasons = actions
    .filter((action) => action.status === 'proposed-closure')
    .map((action) => [action.id, adminSignOffReason(action, action.sroId ? (byId.get(action.sroId) ?? null) : null)] as const);
  return new Map(reasons.filter((entry): entry is readonly [string, AdminSignOffReason] => entry[1] !== null));
}

/**
 * Each open or proposed action with someone to replace, said as "ACO Helen Carver (SRO, has left)": a
 * name the import matched to nobody, or an id the directory no longer holds, reaches nobody.
 */
function unreachableActions(plan: readonly PlanRow[], left: ReadonlySet<string>, known: ReadonlySet<string>): Dashboard['unreachable'] {
  const why = (person: NamedPerson, role: string): string[] => {
    // A name the import matched to nobody stays so when someone of that name is added, until the action is
    // reassigned or the plan imported again.
    if (person.id === null) return [`${person.name} (${role}, not matched to anyone in the people directory)`];
    if (!known.has(person.id)) return [`${person.id} (${role}, not in the people directory)`];
    return left.has(person.id) ? [`${person.name} (${role}, has left)`] : [];
  };
  return plan
    .filter((row) => row.status === 'open' || row.status === 'proposed-closure')
    .map((row) => ({
      row,
      // An open action without owners is reminded to nobody; a closure without them still reaches its SRO.
      // Without an SRO, an open action's owners who go quiet are escalated to nobody; a closure without one
      // is in the sign-off list, for an admin.
      who: [
        ...(row.owners.length === 0 && row.status === 'open' ? ['No owner'] : row.owners.flatMap((owner) => why(owner, 'owner'))),
        ...(row.sro ? why(row.sro, 'SRO') : row.status === 'open' ? ['No SRO'] : []),
      ],
    }))
    .filter(({ who }) => who.length > 0);
}
