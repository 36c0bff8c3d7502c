import { describe, expect, it } from 'vitest';
import { readSheets, readSpreadsheet } from '../../functions/adapters/spreadsheet/read-spreadsheet.js';
import { choosePlanSheet } from '../../functions/core/import/choose-plan-sheet.js';
import type { Cell } from '../../functions/core/import/cells.js';
import { importPeople } from '../../functions/core/import/import-people.js';
import { importPlan, type PlanImport } from '../../functions/core/import/import-plan.js';
import { buildXlsx } from './build-xlsx.js';
import { csvRows, demoPeopleCsv, demoPlanCsv, now, personId, quirkyPlanCsv } from './fixtures.js';

const people = importPeople(csvRows(demoPeopleCsv)).people;
const byRef = (plan: PlanImport, ref: string) => plan.actions.find((a) => a.ref === ref)!;

/** The CSV rows as an Excel user has them: Last Updated as real dates, a serial number as a number. */
async function asXlsx(rows: Cell[][]): Promise<Uint8Array> {
  const header = rows.findIndex((row) => row.includes('Last Updated') || row.includes('Last updated'));
  const lastUpdated = rows[header]!.findIndex((c) => /last updated/i.test(String(c)));
  const typed = rows.map((row, r) =>
    row.map((cell, c) => {
      if (r > header && c === lastUpdated && /^[A-Z][a-z]{2}-\d\d$/.test(String(cell))) {
        const [month, year] = String(cell).split('-');
        const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(month!);
        return new Date(Date.UTC(2000 + Number(year), m, 15));
      }
      return /^\d{5}$/.test(String(cell)) ? Number(cell) : cell;
    }),
  );
  return buildXlsx([
    { name: 'Cover', rows: [['Northshire Police'], ['Action plan, see the next sheet']] },
    {
      name: 'Plan',
      rows: typed,
      decorate: (cell, r, c) => {
        // Rich text in a cell and a formula with a cached result, as Excel saves them.
        if (r === header + 2 && c === 2) cell.value = { richText: [{ text: String(cell.value).slice(0, 1), font: { bold: true } }, { text: String(cell.value).slice(1) }] };
        if (r === header + 3 && c === 5) cell.value = { formula: 'IF(TRUE,"Yes","No")', result: 'Yes' } as never;
      },
    },
  ]);
}

describe.each([
  ['CSV', async (bytes: Uint8Array) => (await readSpreadsheet(bytes)).rows],
  ['XLSX', async (bytes: Uint8Array) => choosePlanSheet(await readSheets(await asXlsx(csvRows(bytes)))).rows],
])('the demo plan as %s', (_, read) => {
  it('reads every action with no problems', async () => {
    const plan = importPlan(await read(demoPlanCsv), people, now);
    expect(plan.problems).toEqual([]);
    expect(plan.actions).toHaveLength(27);
    expect(plan.summary.areas).toEqual(['Core Policing', 'Effectiveness', 'Effectiveness (Vulnerability)', 'Efficiency', 'Legitimacy', 'Leadership']);
    expect(plan.summary.kinds).toEqual({ recommendation: 20, afi: 6, 'cause-of-concern': 1 });
  });

  it('reads both owners of a two-owner cell and resolves every alias to one person', async () => {
    const plan = importPlan(await read(demoPlanCsv), people, now);
    expect(byRef(plan, '211').ownerIds).toEqual([personId('gareth.pike'), personId('owen.tranter')]);
    expect(byRef(plan, '215').ownerIds).toEqual([personId('fiona.strand'), personId('callum.rees')]);
    for (const ref of ['202', '214', '221', '226']) expect(byRef(plan, ref).ownerIds).toEqual([personId('fiona.strand')]);
    expect(byRef(plan, '211').sroId).toBe(personId('simon.ashworth'));
    expect(plan.actions.every((a) => a.unmatchedNames.length === 0 && a.ownerIds.length > 0)).toBe(true);
  });

  it('reads timescales, or keeps them as text', async () => {
    const plan = importPlan(await read(demoPlanCsv), people, now);
    expect(byRef(plan, '201').timescale).toEqual({ text: 'Mar-26', target: '2026-03', originalTarget: '2026-03', revisions: [] });
    expect(byRef(plan, '218').timescale.target).toBe('2027-03');
    expect(byRef(plan, '218').timescale.text).toBe('Sep-26 - Feb/March-27.');
    expect(byRef(plan, '203').timescale).toMatchObject({ text: 'Awaiting new timescale', target: null });
    expect(byRef(plan, '222').timescale.target).toBe('2027-04');
  });

  it('reads the rest of the row', async () => {
    const plan = importPlan(await read(demoPlanCsv), people, now);
    const a201 = byRef(plan, '201');
    expect(a201).toMatchObject({ id: '201', area: 'Core Policing', kind: 'recommendation', accepted: { value: true, rationale: null }, confidence: 'not-set', status: 'open', version: 1, createdAt: now.toISOString() });
    expect(a201.plan).toContain('\nTrain every neighbourhood sergeant');
    expect(byRef(plan, '203').plan).toBeNull(); // "Awaiting update" in What?
    expect(byRef(plan, '204').lastUpdatedAt).toBeNull(); // "Awaiting update" in Last Updated
    expect(byRef(plan, '211').confidence).toBe('medium');
    expect(byRef(plan, '213').confidence).toBe('not-set'); // "Awaiting new confidence level"
    expect(byRef(plan, '214').evidence).toBeNull();
    expect(byRef(plan, '223').kind).toBe('cause-of-concern');
    expect(byRef(plan, '245')).toMatchObject({ status: 'not-accepted', accepted: { value: false, rationale: expect.stringMatching(/^superseded by the national standard/) } });
  });
});

describe('the demo plan dates', () => {
  it('dates a CSV month at the end of the month, an Excel date on its day', async () => {
    const csv = importPlan((await readSpreadsheet(demoPlanCsv)).rows, people, now);
    expect(byRef(csv, '211').lastUpdatedAt).toBe('2026-09-30T12:00:00.000Z');
    const xlsx = importPlan(choosePlanSheet(await readSheets(await asXlsx(csvRows(demoPlanCsv)))).rows, people, now);
    expect(byRef(xlsx, '211').lastUpdatedAt).toBe('2026-09-15T12:00:00.000Z');
  });
});

describe.each([
  ['CSV', async (bytes: Uint8Array) => (await readSpreadsheet(bytes)).rows],
  ['XLSX', async (bytes: Uint8Array) => choosePlanSheet(await readSheets(await asXlsx(csvRows(bytes)))).rows],
])('the quirky fixture as %s', (format, read) => {
  it('finds the header below the title rows and takes areas from section rows', async () => {
    const plan = importPlan(await read(quirkyPlanCsv), people, now);
    expect(plan.actions.map((a) => [a.ref, a.area])).toEqual([
      ['Q1', 'Core Policing'], ['Q2', 'Core Policing'], ['Q3', 'Effectiveness (Vulnerability)'],
      ['Q4', 'Effectiveness (Vulnerability)'], ['Q5', 'Legitimacy'], ['Q6', 'Efficiency'],
    ]);
    expect(plan.summary).toMatchObject({ actions: 6, sectionRows: 2, skippedRows: 0 });
  });

  it('reads the quirks', async () => {
    const plan = importPlan(await read(quirkyPlanCsv), people, now);
    expect(byRef(plan, 'Q1')).toMatchObject({ kind: 'recommendation', confidence: 'high', ownerIds: [personId('daniel.mercer'), personId('leila.osei')] });
    expect(byRef(plan, 'Q2')).toMatchObject({ accepted: { value: true, rationale: 'with the new records system' }, ownerIds: [personId('daniel.mercer'), personId('kerry.doyle')], lastUpdatedAt: null });
    expect(byRef(plan, 'Q2').timescale).toMatchObject({ text: '2026-03-31', target: '2026-03-31' }); // an Excel serial number
    expect(byRef(plan, 'Q3')).toMatchObject({ kind: 'cause-of-concern', ownerIds: [personId('fiona.strand'), personId('callum.rees')] });
    expect(byRef(plan, 'Q4')).toMatchObject({ kind: 'afi', ownerIds: [personId('fiona.strand')], unmatchedNames: ['Supt Nobody'] });
    expect(byRef(plan, 'Q5')).toMatchObject({ status: 'not-accepted', timescale: { text: 'When the review reports', target: null } });
    expect(byRef(plan, 'Q6')).toMatchObject({ ownerIds: [personId('fiona.strand')], confidence: 'low', lastUpdatedAt: '2026-10-12T12:00:00.000Z' });
    expect(format).toBeTruthy();
  });

  it('reports the unmatched owner and the unreadable timescale, with their rows and columns', async () => {
    const plan = importPlan(await read(quirkyPlanCsv), people, now);
    expect(plan.problems).toEqual([
      { row: 10, ref: 'Q4', column: 'Plan owner(s)', severity: 'warning', message: expect.stringMatching(/^"Supt Nobody" matches nobody in the directory; add them/) },
      { row: 11, ref: 'Q5', column: 'Timescale? set', severity: 'warning', message: expect.stringMatching(/no date could be read from "When the review reports"/) },
    ]);
  });
});

describe('row problems', () => {
  const header = ['Ref', 'Recommendation', 'Plan Owner', 'Accepted'];
  it('refuses a duplicate ref, a row without a ref and a row without text', () => {
    const rows = [['R1', 'Do this'], ['r1', 'Do that'], ['', 'No ref'], ['R2', ''], ['AFI 3', 'Do more'], ['AFI 3', 'Do more still'], ['AFI 03', 'And more']];
    const plan = importPlan([header, ...rows.map((row) => [...row, 'Leila Osei'])], people, now);
    expect(plan.actions.map((a) => a.id)).toEqual(['r1', 'afi-3']);
    expect(plan.problems).toEqual([
      { row: 3, ref: 'r1', column: 'Ref', severity: 'error', message: expect.stringMatching(/^the ref "r1" reads as the same ref as "R1" on row 2 \(case, punctuation and leading zeros are not told apart\); each action needs its own ref/) },
      { row: 4, column: 'Ref', severity: 'error', message: expect.stringMatching(/^the row has no ref/) },
      { row: 5, ref: 'R2', column: 'Recommendation', severity: 'error', message: expect.stringMatching(/^the row has the ref "R2" but no text; fill in/) },
      { row: 7, ref: 'AFI 3', column: 'Ref', severity: 'error', message: expect.stringMatching(/^the ref "AFI 3" is also used on row 6; each action needs its own ref/) },
      { row: 8, ref: 'AFI 03', column: 'Ref', severity: 'error', message: expect.stringMatching(/^the ref "AFI 03" reads as the same ref as "AFI 3" on row 6/) },
    ]);
  });

  it('keeps a name the SRO cell did not match out of the owners, yet offers it to resolve with the others', () => {
    const plan = importPlan([['Ref', 'Recommendation', 'Plan Owner', 'SRO'], ['R1', 'Do this', 'Leila Osei', 'ACC Nobody']], people, now);
    expect(plan.actions[0]).toMatchObject({ ownerIds: [personId('leila.osei')], sroId: null, unmatchedNames: [] });
    expect(plan.summary.unmatchedNames).toEqual(['ACC Nobody']);
    expect(plan.problems).toEqual([{ row: 2, ref: 'R1', column: 'SRO', severity: 'warning', message: expect.stringMatching(/^"ACC Nobody" matches nobody in the directory; .* or accept to import the action without this SRO$/) }]);
  });

  it('takes a lone note outside the Area and first columns for a row without a ref, not for an area', () => {
    const plan = importPlan(
      [['Area', 'Ref', 'Recommendation', 'Plan Owner', 'Progress'], ['Legitimacy', null, null, null, null], [null, 'R1', 'Do this', 'Leila Osei'], [null, null, null, null, 'See appendix B'], [null, 'R2', 'Do that', 'Leila Osei']],
      people,
      now,
    );
    expect(plan.actions.map((a) => [a.ref, a.area])).toEqual([['R1', 'Legitimacy'], ['R2', 'Legitimacy']]);
    expect(plan.problems).toEqual([expect.objectContaining({ row: 4, column: 'Ref', severity: 'error', message: expect.stringMatching(/^the row has no ref/) })]);
  });

  it('refuses a row whose cells show an Excel error, rather than read "#REF!" as a ref', () => {
    const plan = importPlan([['Ref', 'Recommendation', 'Plan Owner'], ['#REF!', 'Do this', 'Leila Osei'], ['R2', 'Do that', '#N/A']], people, now);
    expect(plan.actions).toEqual([]);
    expect(plan.problems).toEqual([
      { row: 2, column: 'Ref', severity: 'error', message: 'the cell shows the Excel error #REF!: its formula failed; correct it (or type the value in) and save the sheet again' },
      { row: 3, ref: 'R2', column: 'Plan Owner', severity: 'error', message: 'the cell shows the Excel error #N/A: its formula failed; correct it (or type the value in) and save the sheet again' },
    ]);
  });

  it('drops bidirectional controls from cells, so that text displays as written and names still match', () => {
    const plan = importPlan([header, ['R\u202E1', 'Review \u202Edenialp\u202C cases \u2066weekly\u2069', '\u2067Leila Osei\u2069', 'Yes']], people, now);
    expect(plan.problems).toEqual([]);
    expect(plan.actions[0]).toMatchObject({ ref: 'R1', text: 'Review denialp cases weekly', ownerIds: [personId('leila.osei')] });
  });

  it('warns about an acceptance that is neither Yes nor No and keeps its text', () => {
    const plan = importPlan([header, ['R1', 'Do this', 'Leila Osei', 'Partly']], people, now);
    expect(plan.actions[0]!.accepted).toEqual({ value: null, rationale: 'Partly' });
    expect(plan.problems[0]).toMatchObject({ row: 2, column: 'Accepted', severity: 'warning' });
  });
});
