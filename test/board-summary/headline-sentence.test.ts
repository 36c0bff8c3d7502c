import { describe, expect, it } from 'vitest';
import { headlineSentence } from '../../functions/core/board-summary/headline-figures.js';
import type { HeadlineFigures } from '../../functions/core/board-summary/snapshot.js';

const figures = (f: Partial<HeadlineFigures>): HeadlineFigures => ({ total: 30, open: 26, proposedClosure: 3, closedThisMonth: 0, stale: 21, overdue: 8, noTimescale: 0, ...f });

describe('the board summary headline sentence', () => {
  it('says what is going wrong first, with the stale threshold the force set', () => {
    expect(headlineSentence({ figures: figures({}), staleAfterDays: 28 })).toBe('Of 26 open actions, 8 are overdue and 21 have had no update for 28 days or more; 3 closures await sign-off.');
  });

  it('agrees with counts of one and of none', () => {
    expect(headlineSentence({ figures: figures({ open: 1, overdue: 1, stale: 1, proposedClosure: 1 }), staleAfterDays: 14 })).toBe(
      'The one open action is overdue and has had no update for 14 days or more; 1 closure awaits sign-off.',
    );
    expect(headlineSentence({ figures: figures({ open: 0, overdue: 0, stale: 0, proposedClosure: 0 }), staleAfterDays: 28 })).toBe('No action is open; no closure awaits sign-off.');
    // Never "0 are overdue".
    expect(headlineSentence({ figures: figures({ overdue: 1, stale: 0 }), staleAfterDays: 28 })).toBe(
      'Of 26 open actions, 1 is overdue and none has gone 28 days or more without an update; 3 closures await sign-off.',
    );
    expect(headlineSentence({ figures: figures({ overdue: 0, stale: 0 }), staleAfterDays: 28 })).toBe(
      'Of 26 open actions, none is overdue and none has gone 28 days or more without an update; 3 closures await sign-off.',
    );
    expect(headlineSentence({ figures: figures({ open: 1, overdue: 0, stale: 0 }), staleAfterDays: 14 })).toBe(
      'The one open action is not overdue and has not gone 14 days or more without an update; 3 closures await sign-off.',
    );
  });
});
