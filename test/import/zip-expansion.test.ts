import { describe, expect, it } from 'vitest';
import { checkZipExpansion } from '../../functions/adapters/spreadsheet/zip-expansion.js';
import { buildXlsx } from './build-xlsx.js';
import { buildZip } from './build-zip.js';

const megabyte = 1024 * 1024;
const spaces = (bytes: number) => new Uint8Array(bytes).fill(0x20);

describe('checkZipExpansion', () => {
  it('lets a workbook through as exceljs writes it (the layout Excel writes)', async () => {
    const workbook = await buildXlsx([{ name: 'Plan', rows: [['Ref', 'Recommendation'], ['1', 'Do it well.']] }]);
    expect(() => checkZipExpansion(workbook, megabyte)).not.toThrow();
  });

  it('counts every part: two just under the limit together pass it', () => {
    const zip = buildZip([
      { name: 'xl/sharedStrings.xml', data: spaces(0.6 * megabyte) },
      { name: 'xl/worksheets/sheet1.xml', data: spaces(0.6 * megabyte) },
    ]);
    expect(() => checkZipExpansion(zip, 1.5 * megabyte)).not.toThrow();
    expect(() => checkZipExpansion(zip, megabyte)).toThrow(/the workbook opens to more than 1 MB, the most the importer reads/);
  });

  it('holds the parts exceljs parses to a lower limit than pictures, which take no time to read', () => {
    const sheets = buildZip([
      { name: 'xl/sharedStrings.xml', data: spaces(0.6 * megabyte) },
      { name: 'xl/worksheets/sheet1.xml', data: spaces(0.6 * megabyte) },
    ]);
    expect(() => checkZipExpansion(sheets, 4 * megabyte, megabyte)).toThrow(/its sheets open to more than 1 MB, the most the importer reads.*delete unused sheets, rows and columns/);
    const pictures = buildZip([
      { name: 'xl/media/image1.png', data: spaces(2 * megabyte) },
      { name: 'xl/worksheets/sheet1.xml', data: spaces(0.6 * megabyte) },
    ]);
    expect(() => checkZipExpansion(pictures, 4 * megabyte, megabyte)).not.toThrow();
  });

  it('counts as a picture only a name Excel gives one, the same in the directory and the part\'s own header', () => {
    // exceljs would read this as a sheet: it finds sheets by a pattern anywhere in the name.
    const nested = buildZip([{ name: 'xl/media/xl/worksheets/sheet2.xml', data: spaces(2 * megabyte) }]);
    expect(() => checkZipExpansion(nested, 4 * megabyte, megabyte)).toThrow(/its sheets open to more than 1 MB/);
    const renamed = buildZip([{ name: 'xl/media/image1.png', data: spaces(2 * megabyte) }]);
    expect(() => checkZipExpansion(renamed, 4 * megabyte, megabyte)).not.toThrow();
    // The part's own header names it otherwise, which an unzip may read instead of the directory.
    renamed[30 + 'xl/media/'.length] = 'j'.charCodeAt(0);
    expect(() => checkZipExpansion(renamed, 4 * megabyte, megabyte)).toThrow(/its sheets open to more than 1 MB/);
    // Or a Unicode path field gives it another name, which an unzip reads instead of the one shown.
    const otherName = Buffer.from('xl/worksheets/sheet2.xml');
    const field = Buffer.alloc(9);
    field.writeUInt16LE(0x7075, 0);
    field.writeUInt16LE(5 + otherName.byteLength, 2);
    const unicodePath = new Uint8Array(Buffer.concat([field.subarray(0, 4), Buffer.from([1, 0, 0, 0, 0]), otherName]));
    const aliased = buildZip([{ name: 'xl/media/image1.png', data: spaces(2 * megabyte), localExtra: unicodePath }]);
    expect(() => checkZipExpansion(aliased, 4 * megabyte, megabyte)).toThrow(/its sheets open to more than 1 MB/);
  });

  it('refuses a part that inflates past the limit though the file claims it is small', () => {
    const zip = buildZip([{ name: 'xl/sharedStrings.xml', data: spaces(3 * megabyte), declaredSize: 100 }]);
    expect(zip.byteLength).toBeLessThan(20_000);
    expect(() => checkZipExpansion(zip, megabyte)).toThrow(/opens to more than 1 MB/);
  });

  it('refuses a stored part past the limit', () => {
    expect(() => checkZipExpansion(buildZip([{ name: 'xl/media/image1.png', data: spaces(2 * megabyte), method: 0 }]), megabyte)).toThrow(/opens to more than 1 MB/);
  });

  it('refuses a zip whose directory holds more parts than its count says, rather than check only some', () => {
    const zip = buildZip([
      { name: 'xl/workbook.xml', data: spaces(100) },
      { name: 'xl/sharedStrings.xml', data: spaces(3 * megabyte) },
    ]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint16(zip.byteLength - 22 + 10, 1, true);
    expect(() => checkZipExpansion(zip, megabyte)).toThrow(/this is not a CSV or XLSX file/);
  });

  it('refuses a decoy directory that the check would read while the unzip reads the real one after it', () => {
    const names = ['xl/workbook.xml', 'xl/sharedStrings.xml'];
    const split = (zip: Uint8Array) => {
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      const end = zip.byteLength - 22;
      const [size, start] = [view.getUint32(end + 12, true), view.getUint32(end + 16, true)];
      return { body: zip.subarray(0, start), directory: zip.subarray(start, start + size), end: zip.subarray(end) };
    };
    const real = split(buildZip(names.map((name, i) => ({ name, data: spaces(i === 1 ? 3 * megabyte : 100) }))));
    const decoy = split(buildZip(names.map((name) => ({ name, data: spaces(0) }))));
    expect(decoy.directory.byteLength).toBe(real.directory.byteLength);
    const padding = new Uint8Array(real.body.byteLength - decoy.body.byteLength);
    // [decoy parts, padded][decoy directory][real parts][real directory][end record naming the first]
    const bomb = Buffer.concat([decoy.body, padding, decoy.directory, real.body, real.directory, real.end]);
    expect(() => checkZipExpansion(bomb, megabyte)).toThrow(/this is not a CSV or XLSX file/);
  });

  it('takes a cut-off or corrupt zip as not a spreadsheet', async () => {
    const workbook = await buildXlsx([{ name: 'Plan', rows: [['Ref'], ['1']] }]);
    expect(() => checkZipExpansion(workbook.subarray(0, workbook.byteLength - 30), megabyte)).toThrow(/this is not a CSV or XLSX file/);
    const garbled = buildZip([{ name: 'a.xml', data: spaces(1000) }]);
    garbled.fill(0xff, 30 + 'a.xml'.length, 40 + 'a.xml'.length);
    expect(() => checkZipExpansion(garbled, megabyte)).toThrow(/this is not a CSV or XLSX file/);
  });
});
