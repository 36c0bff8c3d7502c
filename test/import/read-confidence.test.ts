import { describe, expect, it } from 'vitest';
import { readConfidence } from '../../functions/core/import/read-fields.js';

describe('readConfidence', () => {
  it.each([['High', 'high'], ['medium - staffing', 'medium'], ['LOW', 'low'], ['Amber', 'medium']])('reads %j as %s', (text, value) => {
    expect(readConfidence(text)).toEqual({ value, problem: null });
  });

  // The console's export writes "Not set", the board pack "No rating": either read back without a warning.
  it.each(['', 'Not set', 'No rating', 'TBC', 'Awaiting'])('reads %j as not set, without a warning', (text) => {
    expect(readConfidence(text)).toEqual({ value: 'not-set', problem: null });
  });

  it('warns of words that are no rating it knows', () => {
    expect(readConfidence('Fair')).toEqual({ value: 'not-set', problem: expect.stringMatching(/"Fair" is not a confidence rating.*Use High, Medium or Low/) });
  });
});
