import type { ForceConfig } from '../config/force-config.js';
import type { Action } from '../model/action.js';
import { nameOnOwnerPages } from '../model/owner-names.js';
import type { Person } from '../model/person.js';
import type { Repository } from '../ports.js';
import { daysSinceUpdate, isOverdue, isStale } from '../rules/stale.js';
import { compareRefs } from '../rules/compare-refs.js';
import { decidesClosureAsSro } from '../rules/decides-closure.js';

export interface OwnerDeps {
  config: ForceConfig;
  repository: Repository;
}

export interface MyActionItem {
  action: Action;
  stale: boolean;
  overdue: boolean;
  /** Null when never updated. */
  daysSinceUpdate: number | null;
  /** Open again (a closure returned, an action reopened) with no update from its owners since: they should read why. */
  openAgain: boolean;
}

/** The statuses an owner still works on: open, and done-but-awaiting-sign-off (they may reopen it). */
export const ownerStatuses: ReadonlySet<Action['status']> = new Set(['open', 'proposed-closure']);

export function isOwnedBy(action: Action, person: Person): boolean {
  return action.ownerIds.includes(person.id);
}

export interface MyWork {
  /** Every live action the person owns or co-owns, what needs them first. */
  owned: MyActionItem[];
  /** As SRO, the live actions others own: those awaiting their sign-off first, then as `owned`. */
  portfolio: MyActionItem[];
  /** Owners' names by id, for the portfolio and the person's shared actions (none read when neither). */
  ownerNames: Record<string, string>;
  /** The action named `justChanged`, as read again: null when none was named or it is not in the plan. */
  changed: Action | null;
  /**
   * Whether the latest entry in `changed`'s history is the person's own, through their link: only then
   * may the page confirm it. The address alone proves nothing: it can be typed, or name an action a
   * co-owner has saved since.
   */
  changedByThem: boolean;
}

/**
 * How long after the change's page was sent to (its address says when) the page may confirm it: not
 * when opened again from a restored tab or a bookmark days later. Measured from the redirect, not the
 * entry, so that a repeat the server accepts as already done is confirmed too.
 */
export const confirmationWindowMs = 15 * 60_000;

/** Whether `issuedAt` (milliseconds, from the address) is within the window either side of now. */
export const isFreshConfirmation = (issuedAt: number, now: Date): boolean => Math.abs(now.getTime() - issuedAt) <= confirmationWindowMs;

/**
 * The person's page from one read of the plan: what they own, what needs them first (open again with
 * no update since, overdue, then stale), then the longest without an update, then by ref; and, for an
 * SRO, their portfolio.
 * `justChanged` names an action the person has just saved or decided: the plan is read through an index
 * that may lag a write by a moment, so that one is read again as it stands (if it is in the plan at all:
 * the name comes from the address), and the page they land on shows their change.
 */
export async function listMyWork(deps: OwnerDeps, person: Person, now: Date, justChanged?: string): Promise<MyWork> {
  const plan = await deps.repository.listActions();
  const changed = plan.some((action) => action.id === justChanged) ? await deps.repository.getAction(justChanged!) : null;
  const current = changed ? plan.map((action) => (action.id === changed.id ? changed : action)) : plan;
  const live = current.filter((action) => ownerStatuses.has(action.status));
  const items = (pick: (action: Action) => boolean) => live.filter(pick).map((action) => toItem(deps.config, action, now));
  const portfolio = items((action) => decidesClosureAsSro(action, person.id)).sort(
    (a, b) => Number(b.action.status === 'proposed-closure') - Number(a.action.status === 'proposed-closure') || compareItems(a, b),
  );
  const owned = items((action) => isOwnedBy(action, person)).sort(compareItems);
  const namesNeeded = portfolio.length > 0 || owned.some((item) => item.action.ownerIds.length > 1);
  const ownerNames = namesNeeded ? Object.fromEntries((await deps.repository.listPeople()).map((p) => [p.id, nameOnOwnerPages(p)])) : {};
  return { owned, portfolio, ownerNames, changed, changedByThem: changed !== null && (await isTheirChange(deps.repository, person, changed.id)) };
}

async function isTheirChange(repository: Repository, person: Person, actionId: string): Promise<boolean> {
  const latest = (await repository.listUpdates(actionId)).at(-1);
  return latest !== undefined && latest.by === person.id && latest.via === 'link';
}

export function toItem(config: ForceConfig, action: Action, now: Date): MyActionItem {
  return {
    action,
    stale: isStale(action, now, config.staleAfterDays),
    overdue: isOverdue(action, now, config.timeZone),
    daysSinceUpdate: daysSinceUpdate(action, now, config.timeZone),
    openAgain: isOpenAgain(action),
  };
}

export function isOpenAgain({ status, reopenedAt, lastUpdatedAt }: Action): boolean {
  return status === 'open' && reopenedAt !== null && (lastUpdatedAt === null || Date.parse(lastUpdatedAt) < Date.parse(reopenedAt));
}

export function needsAttention(item: MyActionItem): boolean {
  return needsUpdate(item) || item.overdue;
}

/** Gone too long without an update, or open again since the last: what an update itself answers. */
export function needsUpdate(item: MyActionItem): boolean {
  return item.stale || item.openAgain;
}

/**
 * What the person's actions need, counted once each: a written update (no update for too long, or open
 * again), or else only a new target date or a closure (past its target, yet recently updated). Updating
 * an overdue action does not make it up to date, so "needs an update" would mislead for those.
 */
export interface AttentionCounts {
  needUpdate: number;
  pastTargetOnly: number;
}

export function countAttention(items: MyActionItem[]): AttentionCounts {
  const needUpdate = items.filter(needsUpdate).length;
  return { needUpdate, pastTargetOnly: items.filter(needsAttention).length - needUpdate };
}

/** "3 need an update and 1 more is past its target date", or "all up to date". */
export function describeAttention({ needUpdate, pastTargetOnly }: AttentionCounts): string {
  const update = needUpdate === 0 ? null : `${needUpdate} need${needUpdate === 1 ? 's' : ''} an update`;
  const more = update ? ' more' : '';
  const pastTarget = pastTargetOnly === 0 ? null : pastTargetOnly === 1 ? `1${more} is past its target date` : `${pastTargetOnly}${more} are past their target date`;
  return [update, pastTarget].filter((part) => part !== null).join(' and ') || 'all up to date';
}

function rank(item: MyActionItem): number {
  if (item.openAgain) return 0;
  if (item.overdue) return 1;
  if (item.stale) return 2;
  return item.action.status === 'open' ? 3 : 4;
}

function compareItems(a: MyActionItem, b: MyActionItem): number {
  return (
    rank(a) - rank(b) ||
    (b.daysSinceUpdate ?? Number.MAX_SAFE_INTEGER) - (a.daysSinceUpdate ?? Number.MAX_SAFE_INTEGER) ||
    compareRefs(a.action.ref, b.action.ref)
  );
}

/**
 * The first item, other than the one just saved, that needs the person: for the "saved" confirmation.
 * One that needs an update comes before one only past its target, which may have had its update
 * minutes ago (with Low confidence, which the form accepts) and still wants a new target date.
 */
export function nextNeedingAttention(items: MyActionItem[], exceptId: string | null): MyActionItem | null {
  const others = items.filter((item) => item.action.id !== exceptId);
  return others.find(needsUpdate) ?? others.find(needsAttention) ?? null;
}
