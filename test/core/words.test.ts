import { describe, expect, it } from 'vitest';
import { formatCount, plural } from '../../functions/core/words.js';

describe('words', () => {
  it('formatCount writes whole numbers as en-GB does, without ICU', () => {
    for (const n of [0, 7, 999, 1000, 2000, 5000, 20_000, 123_456, 1_234_567, 10_000_000]) expect(formatCount(n)).toBe(n.toLocaleString('en-GB'));
  });

  it('plural agrees the noun with the count', () => {
    expect([plural(1, 'action'), plural(2, 'action'), plural(0, 'person', 'people')]).toEqual(['1 action', '2 actions', '0 people']);
  });
});
