import { describe, expect, it } from 'vitest';
import { parseLastUpdated, parseTimescale } from '../../functions/core/import/parse-timescale.js';

describe('parseTimescale', () => {
  it.each([
    ['Sep-17', '2017-09'],
    ['Mar-26', '2026-03'],
    ['June 2017', '2017-06'],
    ['june 2026', '2026-06'],
    ["Apr '18", '2018-04'],
    ['Apr ’27', '2027-04'],
    ['Sept 2026', '2026-09'],
    ['Feb/March-18', '2018-03'],
    ['Sep-17 - Feb/March-18.', '2018-03'],
    ['Sep-26 - Feb/March-27.', '2027-03'],
    ["Immediately & April '18", '2018-04'],
    ['Decision by PCSB in June 2017', '2017-06'],
    ['Phase One completed by March 17', '2017-03'],
    ['2027-03', '2027-03'],
    ['2027-03-31', '2027-03-31'],
    ['31/03/2027', '2027-03-31'],
    ['31 March 2027', '2027-03-31'],
    ['March 31, 2027', '2027-03-31'],
    ['Sept 30 2026', '2026-09-30'],
    ['by March 31st, 2027', '2027-03-31'],
    ['Jun 27 - Sep 2028', '2028-09'],
    ['42979', '2017-09-01'],
    ['46112', '2026-03-31'],
  ])('reads %j as %s', (text, target) => {
    const parsed = parseTimescale(text);
    expect(parsed.target).toBe(target);
    expect(parsed.problem).toBeNull();
    if (!/^\d{5}$/.test(text)) expect(parsed.text).toBe(text);
  });

  it('reads an Excel serial number cell and an Excel Date cell', () => {
    expect(parseTimescale(42979)).toEqual({ text: '2017-09-01', target: '2017-09-01', problem: null });
    expect(parseTimescale(new Date(Date.UTC(2027, 2, 31)))).toEqual({ text: '2027-03-31', target: '2027-03-31', problem: null });
  });

  it.each(['Awaiting new timescale', 'Awaiting detail', 'TBC', 'Ongoing'])('keeps %j as text with no target and no problem', (text) => {
    expect(parseTimescale(text)).toEqual({ text, target: null, problem: null });
  });

  it('keeps unreadable text and reports it', () => {
    const parsed = parseTimescale('When the review reports');
    expect(parsed.text).toBe('When the review reports');
    expect(parsed.target).toBeNull();
    expect(parsed.problem).toMatch(/no date could be read from "When the review reports".*Mar-27/);
  });

  it('reads the target, not the original, from "(originally …)", and keeps the note in the text', () => {
    expect(parseTimescale('Sep-17 (originally Mar-18)')).toEqual({ text: 'Sep-17 (originally Mar-18)', target: '2017-09', problem: null });
    expect(parseTimescale('March 2027 (originally December 2026)')).toEqual({ text: 'March 2027 (originally December 2026)', target: '2027-03', problem: null });
  });

  it.each(['June 30th', 'by March 31st', 'Dec 22nd'])('does not read the day of %j, which gives no year, as a year', (text) => {
    const parsed = parseTimescale(text);
    expect(parsed.target).toBeNull();
    expect(parsed.problem).toMatch(/no date could be read/);
  });

  it('treats an empty cell as no timescale', () => {
    expect(parseTimescale('')).toEqual({ text: null, target: null, problem: null });
    expect(parseTimescale(null)).toEqual({ text: null, target: null, problem: null });
  });

  it('does not read a short number or an impossible date as a date', () => {
    expect(parseTimescale('141').target).toBeNull();
    expect(parseTimescale('31/02/2027').target).toBeNull();
  });
});

describe('parseLastUpdated', () => {
  const now = new Date('2026-11-16T09:00:00Z');
  it.each([
    ['Apr-17', '2017-04-30T12:00:00.000Z'],
    ['Aug-26', '2026-08-31T12:00:00.000Z'],
    ['Feb-24', '2024-02-29T12:00:00.000Z'],
    ['June 2026', '2026-06-30T12:00:00.000Z'],
    ['2026-10-12', '2026-10-12T12:00:00.000Z'],
  ])('reads %j as the end of that month (or that day) at midday UTC', (text, at) => {
    expect(parseLastUpdated(text, now)).toEqual({ at, problem: null });
  });

  it('reads an Excel Date cell as that day at midday UTC', () => {
    expect(parseLastUpdated(new Date(Date.UTC(2026, 9, 5)), now).at).toBe('2026-10-05T12:00:00.000Z');
  });

  it('never dates an update after now', () => {
    expect(parseLastUpdated('Nov-26', now).at).toBe(now.toISOString());
  });

  it.each(['Nov-27', 'Dec-26', '2026-11-20'])('reads %j, later than the day of import, as never updated and says why', (text) => {
    expect(parseLastUpdated(text, now)).toEqual({ at: null, problem: expect.stringMatching(new RegExp(`"${text}" is later than today`)) });
  });

  it.each(['Awaiting update', '', null])('reads %j as never updated', (cell) => {
    expect(parseLastUpdated(cell, now)).toEqual({ at: null, problem: null });
  });

  it('reports a cell it cannot read', () => {
    expect(parseLastUpdated('last week', now)).toEqual({ at: null, problem: expect.stringMatching(/no month could be read from "last week"/) });
  });
});
