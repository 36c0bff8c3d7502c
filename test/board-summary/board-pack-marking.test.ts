import { describe, expect, it } from 'vitest';
import { sheetNames } from '../../functions/adapters/xlsx/board-pack.js';
import { octoberSnapshot } from './history-fixtures.js';
import { packOf, rowValues } from './read-pack.js';

/** Every action's text is OFFICIAL-SENSITIVE: each printed page says so, and says which pack and page it is. */
describe('board pack protective marking, read back with exceljs', async () => {
  const workbook = await packOf(octoberSnapshot());
  const title = 'Northshire Police: action plan board summary for October 2026';

  it('marks the top and bottom of every printed page of every sheet, the same on the first page, with the title and page numbers below', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(sheetNames));
    for (const sheet of workbook.worksheets) {
      expect(sheet.headerFooter.differentFirst ?? false).toBe(false);
      expect(sheet.headerFooter.oddHeader).toBe('&C&"-,Bold"OFFICIAL-SENSITIVE');
      expect(sheet.headerFooter.oddFooter).toBe(`&C${title} – Page &P of &N\n&"-,Bold"OFFICIAL-SENSITIVE`);
    }
  });

  it('shows the marking on screen too, as the first line of the Summary, above the title', () => {
    const summary = workbook.getWorksheet(sheetNames.summary)!;
    expect([rowValues(summary, 1), rowValues(summary, 2)]).toEqual([['OFFICIAL-SENSITIVE'], [title]]);
  });

  it('carries the marking in the file\'s properties, where tools look before opening it', () => {
    expect({ title: workbook.title, subject: workbook.subject, keywords: workbook.keywords, category: workbook.category }).toEqual({
      title,
      subject: 'OFFICIAL-SENSITIVE',
      keywords: 'OFFICIAL-SENSITIVE',
      category: 'OFFICIAL-SENSITIVE',
    });
  });

  it('prints an & in the force name as written, not as a header code', async () => {
    const footer = (await packOf(octoberSnapshot(), 'Devon & Cornwall Police')).getWorksheet(sheetNames.plan)!.headerFooter.oddFooter;
    expect(footer).toBe('&CDevon && Cornwall Police: action plan board summary for October 2026 – Page &P of &N\n&"-,Bold"OFFICIAL-SENSITIVE');
  });

  it('keeps the footer within Excel’s 255 characters for a very long force name, the marking and page numbers whole', async () => {
    const footer = (await packOf(octoberSnapshot(), 'A & B '.repeat(60))).getWorksheet(sheetNames.summary)!.headerFooter.oddFooter!;
    expect(footer.length).toBeLessThanOrEqual(255);
    expect(footer).toMatch(/^&CA && B .*… – Page &P of &N\n&"-,Bold"OFFICIAL-SENSITIVE$/);
  });
});
