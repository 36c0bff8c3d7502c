import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../functions/adapters/spreadsheet/read-spreadsheet.js';
import type { Cell } from '../../functions/core/import/cells.js';
import { importPeople } from '../../functions/core/import/import-people.js';
import { importPlan } from '../../functions/core/import/import-plan.js';
import { buildXlsx } from './build-xlsx.js';
import { csvRows, demoPeopleCsv, demoPlanCsv, now, personId } from './fixtures.js';

const people = importPeople(csvRows(demoPeopleCsv)).people;
const [demoHeader = [], ...demoActions] = csvRows(demoPlanCsv);
const columns = demoHeader.map((_, i) => String.fromCharCode(65 + i));
const last = columns.at(-1);

/** The sheet as Excel saves it as CSV: a merged range's value in its first cell, the rest blank. */
const toCsv = (rows: Cell[][]) => new TextEncoder().encode(rows.map((row) => row.map((cell) => `"${String(cell ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n'));

interface Layout {
  /** The two heading rows, merged cells blank but for their first. */
  headings: [Cell[], Cell[]];
  merges: string[];
}

/** Every heading merged down over both rows, as a template with tall headings has them. */
const mergedDown: Layout = {
  headings: [demoHeader, demoHeader.map(() => null)],
  merges: columns.map((column) => `${column}2:${column}3`),
};

/**
 * Headings over sub-headings: "Lead officers" over the SRO and the plan owner, "Confidence in timescale"
 * over its rating and narrative; the other headings merged down.
 */
const grouped: Layout = (() => {
  const groups: Record<number, [string, string] | null> = { 5: ['Lead officers', 'SRO/CO lead'], 6: null, 9: ['Confidence in timescale', 'Rating'], 10: null };
  const top = demoHeader.map((heading, i) => (i in groups ? (groups[i]?.[0] ?? null) : heading));
  const sub = demoHeader.map((heading, i) => (i in groups ? (groups[i]?.[1] ?? heading) : null));
  const spans = [['F', 'G'], ['J', 'K']];
  const down = columns.filter((column) => !spans.flat().includes(column)).map((column) => `${column}2:${column}3`);
  return { headings: [top, sub], merges: [...down, ...spans.map(([from, to]) => `${from}2:${to}2`)] };
})();

const sheetRows = (layout: Layout): Cell[][] => [['Northshire Police - PEEL action plan'], ...layout.headings, ...demoActions];

describe.each([
  ['merged down', mergedDown],
  ['over sub-headings', grouped],
])('a plan whose headings are two rows, %s', (_, layout) => {
  const readAs = {
    XLSX: async () => buildXlsx([{ name: 'Plan', rows: sheetRows(layout), merges: [`A1:${last}1`, ...layout.merges] }]),
    CSV: async () => toCsv(sheetRows(layout)),
  };

  it.each(['XLSX', 'CSV'] as const)('as %s, reads the second heading row as headings, not as an action', async (format) => {
    const plan = importPlan((await readSpreadsheet(await readAs[format]())).rows, people, now);
    expect(plan.problems).toEqual([]);
    expect(plan.actions).toHaveLength(27);
    expect(plan.actions.map((a) => a.ref)).not.toContain('Ref Number');
    expect(plan.summary.areas).toEqual(['Core Policing', 'Effectiveness', 'Effectiveness (Vulnerability)', 'Efficiency', 'Legitimacy', 'Leadership']);
    expect(plan.rowOfAction.get('201')).toBe(4);
  });

  it.each(['XLSX', 'CSV'] as const)('as %s, reads each column by its sub-heading where it has one', async (format) => {
    const plan = importPlan((await readSpreadsheet(await readAs[format]())).rows, people, now);
    expect(plan.actions.find((a) => a.ref === '211')).toMatchObject({
      sroId: personId('simon.ashworth'),
      ownerIds: [personId('gareth.pike'), personId('owen.tranter')],
      confidence: 'medium',
      confidenceNarrative: expect.stringMatching(/^The review found that more staff were needed/),
    });
  });
});

describe('the row under a one-row heading', () => {
  const header = ['Area', 'Ref', 'Recommendation', 'Plan Owner', 'Progress Update'];

  it('is the first action, even when its cells read like headings', () => {
    const first = ['Leadership', 'AFI 1', 'Area for improvement: the force should review its leadership plan', 'Leila Osei', 'Update due at the next board'];
    const plan = importPlan([header, first, ['Leadership', 'AFI 2', 'Do that', 'Leila Osei']], people, now);
    expect(plan.problems).toEqual([]);
    expect(plan.actions.map((a) => [a.ref, a.text])).toEqual([['AFI 1', first[2]], ['AFI 2', 'Do that']]);
    expect(plan.rowOfAction.get('afi-1')).toBe(2);
  });

  it('is a section title when it holds one cell, even one that names a column', () => {
    const plan = importPlan([header, ['Recommendations'], [null, 'R1', 'Do this', 'Leila Osei']], people, now);
    expect(plan.problems).toEqual([]);
    expect(plan.actions.map((a) => [a.ref, a.area])).toEqual([['R1', 'Recommendations']]);
  });

  it('is reported when it has an owner and progress but no ref, not taken for headings', () => {
    const plan = importPlan([header, [null, null, null, 'Leila Osei', 'Update due at the next board'], [null, 'R1', 'Do this', 'Leila Osei']], people, now);
    expect(plan.actions.map((a) => a.ref)).toEqual(['R1']);
    expect(plan.problems).toEqual([expect.objectContaining({ row: 2, column: 'Ref', severity: 'error', message: expect.stringMatching(/^the row has no ref/) })]);
  });
});
