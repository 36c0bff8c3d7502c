import { describe, expect, it } from 'vitest';
import { compareRefs } from '../../functions/core/rules/compare-refs.js';

describe('compareRefs', () => {
  it('orders refs as Intl numeric collation does', () => {
    const refs = ['154', '1611', '163', '2', '10', '1', '1.1', '1.10', '1.2', '2.01', '2.1', 'AFI 1', 'AFI 10', 'AFI 2', 'afi 3', 'AFI 3', 'R1', 'R12', 'R2', 'Cause of concern 1', 'CoC 2', '3a', '3b', '3', 'A', 'a', '1-2', '1.3'];
    const collator = new Intl.Collator('en-GB', { numeric: true });
    const disagreements = refs.flatMap((x) => refs.filter((y) => Math.sign(compareRefs(x, y)) !== Math.sign(collator.compare(x, y))).map((y) => `${x} vs ${y}`));
    expect(disagreements).toEqual([]);
  });
});
