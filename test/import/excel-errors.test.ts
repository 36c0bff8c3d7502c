import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { readSpreadsheet } from '../../functions/adapters/spreadsheet/read-spreadsheet.js';
import { importPeople } from '../../functions/core/import/import-people.js';
import { importPlan } from '../../functions/core/import/import-plan.js';
import { buildXlsx } from './build-xlsx.js';
import { csvRows, demoPeopleCsv, now } from './fixtures.js';

// With Google Sheets' own, for a directory kept there and downloaded.
const excelErrors = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#ERROR!'];
const shows = (error: string) => `the cell shows the Excel error ${error}: its formula failed`;
const encode = (text: string) => new TextEncoder().encode(text);

/** A directory whose names and job titles were looked up from an HR export, as forces build them. */
const lookedUp = (error: string) => ({ formula: 'VLOOKUP(C2,HR!A:C,3,FALSE)', result: { error } }) as never;

describe('Excel errors in the people file', () => {
  it.each(excelErrors)('refuses a person whose name shows %s, rather than store it as their name', (error) => {
    const { people, problems } = importPeople([['name', 'role', 'email'], [error, 'Inspector', 'a.one@force.example']]);
    expect(people).toEqual([]);
    expect(problems).toEqual([{ row: 2, column: 'name', severity: 'error', message: expect.stringContaining(shows(error)) }]);
  });

  it('refuses an email that shows an Excel error, saying so rather than that it is not an address', () => {
    const { people, problems } = importPeople([['Name', 'E-mail'], ['A One', '#REF!']]);
    expect(people).toEqual([]);
    expect(problems).toEqual([{ row: 2, column: 'E-mail', severity: 'error', message: `${shows('#REF!')}; correct the formula (or type the email address in) and import the file again` }]);
  });

  it('imports a person whose role or aliases show an Excel error without them, with a warning for each', () => {
    const { people, problems } = importPeople(csvRows(encode('name,role,email,aliases\r\nA Two,#N/A,a.two@force.example,#VALUE!\r\n')));
    expect(people).toEqual([expect.objectContaining({ name: 'A Two', role: null, aliases: [] })]);
    expect(problems).toEqual([
      { row: 2, column: 'role', severity: 'warning', message: `${shows('#N/A')}, so it is read as empty; correct the formula (or type the role in) and import the file again` },
      { row: 2, column: 'aliases', severity: 'warning', message: `${shows('#VALUE!')}, so it is read as empty; correct the formula (or type the aliases in) and import the file again` },
    ]);
  });

  it('keeps the other aliases of a list where one shows an Excel error, with a warning', () => {
    const { people, problems } = importPeople(csvRows(encode('name,email,aliases\r\nA Three,a.three@force.example,DS Bell; #N/A\r\n')));
    expect(people).toEqual([expect.objectContaining({ name: 'A Three', aliases: ['DS Bell'] })]);
    expect(problems).toEqual([{ row: 2, column: 'aliases', severity: 'warning', message: `one of the aliases shows the Excel error #N/A: its formula failed, so it is left out; correct the formula (or type the aliases in) and import the file again` }]);
  });

  it('stores no error value from a workbook of lookups, even with warnings accepted', async () => {
    const xlsx = await buildXlsx([
      {
        name: 'People',
        rows: [['name', 'role', 'email', 'aliases'], ['#', '#', 'dana.whitfield@force.example', '#'], ['Supt Okafor', '#', 'okafor@force.example', null]],
        decorate: (cell, row, column) => {
          if (cell.value !== '#') return;
          cell.value = row === 2 && column === 4 ? ({ error: '#REF!' } as never) : lookedUp('#N/A');
        },
      },
    ]);
    const repository = new MemoryRepository();
    const report = await importSpreadsheets(repository, { people: xlsx }, { now, acceptWarnings: true });
    expect(report.outcome).toBe('blocked');
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'people', row: 2, column: 'name', severity: 'error', message: expect.stringContaining(shows('#N/A')) }),
      expect.objectContaining({ file: 'people', row: 2, column: 'role', severity: 'warning' }),
      expect.objectContaining({ file: 'people', row: 2, column: 'aliases', severity: 'warning', message: expect.stringContaining(shows('#REF!')) }),
      expect.objectContaining({ file: 'people', row: 3, column: 'role', severity: 'warning', message: expect.stringContaining(shows('#N/A')) }),
    ]);
    expect(await repository.listPeople()).toEqual([]);
  });
});

describe('Excel errors in the plan', () => {
  it('refuses a row whose progress shows an Excel error in a workbook, rather than store it as progress', async () => {
    const xlsx = await buildXlsx([
      {
        name: 'Plan',
        rows: [['Ref', 'Recommendation', 'Plan Owner', 'Progress Update'], ['R1', 'Do this', 'Leila Osei', '#'], ['R2', 'Do that', 'Leila Osei', 'Going well']],
        decorate: (cell) => {
          if (cell.value === '#') cell.value = { formula: 'Updates!B2', result: { error: '#REF!' } } as never;
        },
      },
    ]);
    const plan = importPlan((await readSpreadsheet(xlsx)).rows, importPeople(csvRows(demoPeopleCsv)).people, now);
    expect(plan.actions.map((a) => [a.ref, a.latestProgress])).toEqual([['R2', 'Going well']]);
    expect(plan.problems).toEqual([{ row: 2, ref: 'R1', column: 'Progress Update', severity: 'error', message: expect.stringContaining(shows('#REF!')) }]);
  });
});
