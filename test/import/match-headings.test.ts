import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../functions/core/errors.js';
import { matchHeading, matchHeadings } from '../../functions/core/import/match-headings.js';

describe('matchHeading', () => {
  it.each([
    ['Area', 'area'],
    ['PEEL pillar', 'area'],
    ['Ref Number', 'ref'],
    ['Ref', 'ref'],
    ['Reference No.', 'ref'],
    ['HMIC Evidence', 'evidence'],
    ['HMICFRS\nevidence', 'evidence'],
    ['Area for Improvement/Cause of Concern/Recommendation', 'text'],
    ['AFI', 'text'],
    ['Accepted for action by the force? Yes/No', 'accepted'],
    ['SRO/CO lead', 'sro'],
    ['Plan Owner', 'owners'],
    ['Plan owner(s)', 'owners'],
    ['What?', 'plan'],
    ['WHAT? (the plan)', 'plan'],
    ['Timescale? set', 'timescale'],
    ['Timescale?\nset', 'timescale'],
    ['Confidence in timescale', 'confidence'],
    ['Narrative explaining the confidence rating', 'confidenceNarrative'],
    ['Progress Update', 'progress'],
    ['Last Updated', 'lastUpdated'],
    ['Type', 'kind'],
    ['Notes for the clerk', null],
    ['Status', 'status'],
    ['RAG status', 'status'],
    ['Status (Open/Closed)', 'status'],
    ['Closure status', 'status'],
    ['Status update', 'progress'],
    ['Status update', 'progress'],
    ['RAG', null],
  ])('reads %j as %s', (heading, field) => {
    expect(matchHeading(heading)).toBe(field);
  });
});

describe('matchHeadings', () => {
  it('finds the header below title rows', () => {
    const rows = [['Northshire Police action plan'], [], ['Ref', 'Recommendation', 'Plan Owner']];
    expect(matchHeadings(rows)).toEqual({
      headerIndex: 2,
      columns: { ref: { index: 0, heading: 'Ref' }, text: { index: 1, heading: 'Recommendation' }, owners: { index: 2, heading: 'Plan Owner' } },
      firstDataIndex: 3,
    });
  });

  it('without a recognisable header, says which columns it needs', () => {
    const attempt = () => matchHeadings([['Name', 'Email'], ['A', 'a@x.example']]);
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(/"Ref Number" and "Area for Improvement\/Cause of Concern\/Recommendation"/);
  });
});
