import { describe, expect, it } from 'vitest';
import type { Action } from '../../functions/core/model/action.js';
import { makeAction } from '../support/make-action.js';
import { daysSinceUpdate, isOverdue, isStale, quietSince, staleCutoff, targetDueDate } from '../../functions/core/rules/stale.js';

const now = new Date('2026-11-27T10:00:00Z');

const action = (overrides: Partial<Action>) => makeAction({ sroId: 'sro', ownerIds: ['owner'], ...overrides });

describe('stale', () => {
  it('counts an action never updated as stale', () => {
    expect(isStale(action({ lastUpdatedAt: null }), now, 28)).toBe(true);
  });

  it('is stale only past the threshold', () => {
    expect(isStale(action({ lastUpdatedAt: '2026-10-30T10:00:00Z' }), now, 28)).toBe(false); // exactly 28 days
    expect(isStale(action({ lastUpdatedAt: '2026-10-30T09:59:59Z' }), now, 28)).toBe(true);
    expect(staleCutoff(now, 28).toISOString()).toBe('2026-10-30T10:00:00.000Z');
  });

  it('counts a reopened action as quiet from its reopening when that is later than its last update', () => {
    const returned = action({ lastUpdatedAt: '2026-09-01T10:00:00Z', reopenedAt: '2026-11-20T10:00:00Z' });
    expect(quietSince(returned)).toBe('2026-11-20T10:00:00Z');
    expect(isStale(returned, now, 28)).toBe(false);
    expect(isStale(returned, new Date('2026-12-19T10:00:01Z'), 28)).toBe(true);
    // Updated since it reopened: the update counts.
    expect(quietSince(action({ lastUpdatedAt: '2026-11-25T10:00:00Z', reopenedAt: '2026-11-20T10:00:00Z' }))).toBe('2026-11-25T10:00:00Z');
    // Never updated, but reopened: not stale until the threshold has passed since.
    expect(isStale(action({ lastUpdatedAt: null, reopenedAt: '2026-11-20T10:00:00Z' }), now, 28)).toBe(false);
    expect(quietSince(action({ lastUpdatedAt: null, reopenedAt: null }))).toBeNull();
  });

  it('never counts an action that is not open', () => {
    for (const status of ['proposed-closure', 'closed', 'not-accepted', 'superseded'] as const) {
      expect(isStale(action({ status, lastUpdatedAt: null }), now, 28)).toBe(false);
    }
  });

  it('says how many days since the update', () => {
    expect(daysSinceUpdate(action({ lastUpdatedAt: '2026-08-27T10:00:00Z' }), now, 'Europe/London')).toBe(92);
    expect(daysSinceUpdate(action({}), now, 'Europe/London')).toBeNull();
  });

  it('counts days by the calendar where the force is, as people and the reminder emails do', () => {
    const at9am = new Date('2026-11-27T09:00:00Z');
    // 11 pm the evening before is yesterday, though only ten hours ago; 1 am today is today.
    expect(daysSinceUpdate(action({ lastUpdatedAt: '2026-11-26T23:00:00Z' }), at9am, 'Europe/London')).toBe(1);
    expect(daysSinceUpdate(action({ lastUpdatedAt: '2026-11-27T01:00:00Z' }), at9am, 'Europe/London')).toBe(0);
    // In summer, 11.30 pm UTC is already the next day in London.
    expect(daysSinceUpdate(action({ lastUpdatedAt: '2026-06-30T23:30:00Z' }), new Date('2026-07-01T09:00:00Z'), 'Europe/London')).toBe(0);
  });
});

describe('overdue', () => {
  const withTarget = (target: string | null, status: Action['status'] = 'open') =>
    action({ status, timescale: { text: target, target, originalTarget: target, revisions: [] } });

  it('runs a month target to the end of the month', () => {
    expect(targetDueDate('2026-02')).toBe('2026-02-28');
    expect(targetDueDate('2028-02')).toBe('2028-02-29');
    expect(isOverdue(withTarget('2026-11'), now, 'Europe/London')).toBe(false);
    expect(isOverdue(withTarget('2026-10'), now, 'Europe/London')).toBe(true);
  });

  it('judges the date in the force time zone', () => {
    // 00:30 BST on 1 June is still 31 May in UTC: a May target is overdue in London.
    expect(isOverdue(withTarget('2026-05'), new Date('2026-05-31T23:30:00Z'), 'Europe/London')).toBe(true);
    expect(isOverdue(withTarget('2026-05'), new Date('2026-05-31T23:30:00Z'), 'UTC')).toBe(false);
  });

  it('is never overdue without a target or when not open', () => {
    expect(isOverdue(withTarget(null), now, 'Europe/London')).toBe(false);
    expect(isOverdue(withTarget('2020-01', 'closed'), now, 'Europe/London')).toBe(false);
  });
});
