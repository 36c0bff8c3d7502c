import { describe, expect, it } from 'vitest';
import { describeTargetMove } from '../../functions/core/board-summary/target-move.js';
import { retimedSnapshot } from './history-fixtures.js';

describe('how far a re-timed target moved', () => {
  it('leaves out a month target written as its last day: it falls due the same day', () => {
    const { retimed } = retimedSnapshot().summary.movement;
    expect(retimed.map((r) => r.ref)).toEqual(['R1', 'R2', 'R3', 'R4']);
    // A summary kept before then may still list one.
    expect(describeTargetMove('2027-03', '2027-03-31')).toBe('same due date');
  });

  it('gives a move of less than a month in days, and an earlier one as earlier', () => {
    expect(describeTargetMove('2027-03-10', '2027-03-31')).toBe('+21 days');
    expect(describeTargetMove('2027-03-31', '2027-03-15')).toBe('-16 days');
    expect(describeTargetMove('2027-03-31', '2027-04-01')).toBe('+1 day');
    expect(describeTargetMove('2027-04-01', '2027-03-31')).toBe('-1 day');
    expect(describeTargetMove('2027-03', '2027-03-15')).toBe('-16 days');
    expect(describeTargetMove('2027-03-30', '2027-04-29')).toBe('+30 days');
  });

  it('gives whole months otherwise, as it always has for month targets', () => {
    expect(describeTargetMove('2026-12', '2027-03')).toBe('+3 months');
    expect(describeTargetMove('2027-03', '2027-01')).toBe('-2 months');
    expect(describeTargetMove('2027-01', '2027-02')).toBe('+1 month');
    // A month from 31 January ends on the last day of February.
    expect(describeTargetMove('2027-01-31', '2027-02-28')).toBe('+1 month');
    expect(describeTargetMove('2027-04-01', '2027-01-31')).toBe('-2 months');
    expect(describeTargetMove('2026-12', '2027-03-15')).toBe('+2 months');
  });
});
