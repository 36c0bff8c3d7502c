import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../functions/adapters/spreadsheet/decode-text.js';
import { readCsv } from '../../functions/adapters/spreadsheet/read-csv.js';
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
});
