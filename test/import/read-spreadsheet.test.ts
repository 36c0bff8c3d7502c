import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../functions/adapters/spreadsheet/decode-text.js';
import { readCsv } from '../../functions/adapters/spreadsheet/read-csv.js';
import { maxRows } from '../../functions/adapters/spreadsheet/spreadsheet-errors.js';
import { readSpreadsheet } from '../../functions/adapters/spreadsheet/read-spreadsheet.js';

describe('readCsv', () => {
  it('reads quoted multi-line cells, "" escapes, a BOM and CRLF', () => {
    const text = '\uFEFFRef,Text\r\n1,"line one\r\nline ""two"", with a comma"\r\n2,plain\r\n';
    expect(readCsv(text)).toEqual([['Ref', 'Text'], ['1', 'line one\r\nline "two", with a comma'], ['2', 'plain']]);
  });

  it('reads a last row without a line break, and semicolon-separated files', () => {
    expect(readCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(readCsv('Ref;Text\n1;"a; b"\n')).toEqual([['Ref', 'Text'], ['1', 'a; b']]);
  });

  it('names the row of a quote that is never closed', () => {
    expect(() => readCsv('Ref,Text\n1,ok\n2,"never closed\n3,x\n')).toThrow(/Row 3: a quoted cell is never closed/);
  });

  it('refuses a file of more rows than any plan or directory has, before they fill the memory', () => {
    expect(readCsv(`Ref,Text\n${'\n'.repeat(maxRows - 2)}1,x`)).toHaveLength(maxRows);
    expect(() => readCsv(`Ref,Text\n${'\n'.repeat(4_000_000)}`)).toThrow(/The file has more than 50,000 rows; an action plan or a directory has far fewer/);
  });
});

describe('decodeText', () => {
  it('reads UTF-8, and Windows-1252 as Excel on Windows saves "CSV"', () => {
    expect(decodeText(new TextEncoder().encode('Apr ’27'))).toBe('Apr ’27');
    expect(decodeText(new Uint8Array([0x41, 0x70, 0x72, 0x20, 0x92, 0x32, 0x37]))).toBe('Apr ’27');
  });
});

describe('readSpreadsheet on a workbook', () => {
  it('reads a merged section title as one filled cell, formulas as results, and keeps row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.getCell('A1').value = 'Ref';
    sheet.getCell('B1').value = 'Recommendation';
    sheet.getCell('A3').value = 'Legitimacy';
    sheet.mergeCells('A3:C3');
    sheet.getCell('A4').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    sheet.getCell('B4').value = { text: 'linked', hyperlink: 'https://example.org' };
    const { rows } = await readSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([['Ref', 'Recommendation'], [], ['Legitimacy', null, null], [2, 'linked']]);
  });

  it('gives each row the value of a cell merged down its column, such as an area or SRO for a block', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.getCell('A1').value = 'Effectiveness';
    sheet.getCell('C1').value = 'ACC Blake';
    for (const row of [1, 2, 3]) sheet.getCell(`B${row}`).value = `1.0${row}`;
    sheet.mergeCells('A1:A3');
    // Merged across and down: the column of its first cell takes it, the others stay empty.
    sheet.mergeCells('C1:D3');
    const { rows } = await readSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      ['Effectiveness', '1.01', 'ACC Blake', null],
      ['Effectiveness', '1.02', 'ACC Blake', null],
      ['Effectiveness', '1.03', 'ACC Blake', null],
    ]);
  });

  it('reads a date cell formatted without its day as the month it shows, as the sheet saved as CSV does', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    const formats = ['mmm-yy', '[$-809]mmmm yyyy;@', 'dd/mm/yyyy', 'd mmmm yyyy'];
    formats.forEach((format, i) => {
      const cell = sheet.getCell(1, i + 1);
      cell.value = new Date(Date.UTC(2026, 8, 1));
      cell.numFmt = format;
    });
    const { rows } = await readSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows[0]).toEqual(['September 2026', 'September 2026', new Date(Date.UTC(2026, 8, 1)), new Date(Date.UTC(2026, 8, 1))]);
  });
});
