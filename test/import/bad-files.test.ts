import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { InvalidInputError } from '../../functions/core/errors.js';
import { buildXlsx } from './build-xlsx.js';
import { buildZip } from './build-zip.js';
import { demoPeopleCsv, now } from './fixtures.js';

const header = 'Area,Ref Number,Area for Improvement/Cause of Concern/Recommendation,Plan Owner\r\n';
const encode = (text: string) => new TextEncoder().encode(text);

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let seed = 42;
  for (let i = 0; i < length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

const pngHeader = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

/** A 20 MB CSV of well-formed rows, built in memory. */
function hugeCsv(): Uint8Array {
  const row = 'Core Policing,1,The force should do this well and record it.,Leila Osei\r\n';
  return encode(header + row.repeat(Math.ceil((20 * 1024 * 1024) / row.length)));
}

const cases: Array<[string, () => Uint8Array | Promise<Uint8Array>, RegExp]> = [
  ['an empty file', () => new Uint8Array(0), /the file is empty/],
  ['a file of blank lines', () => encode('\r\n,,,\r\n\r\n'), /no rows with anything in them/],
  ['a CSV without a recognisable header', () => encode('Name,Email\r\nA,a@x.example\r\n'), /No header row was found.*"Ref Number" and "Area for Improvement/s],
  ['an XLSX without a recognisable header', () => buildXlsx([{ name: 'Sheet1', rows: [['Totals'], [1, 2]] }]), /No header row was found/],
  ['random bytes', () => randomBytes(4096), /this is not a CSV or XLSX file; save the plan from Excel as \.xlsx or \.csv/],
  ['a PNG', () => pngHeader, /this is not a CSV or XLSX file/],
  ['an .xls, or an .xlsx encrypted by a password or label (an OLE2 file)', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(504)]), /an older Excel workbook \(\.xls\), or an \.xlsx protected by a password or by a sensitivity label.*save a copy without/],
  ['a zip that is not a workbook', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...randomBytes(200)]), /this is not a CSV or XLSX file/],
  ['an XLSX that unzips to 60 MB (a zip bomb)', () => buildZip([{ name: 'xl/media/image1.png', data: new Uint8Array(60 * 1024 * 1024).fill(0x20) }]), /the workbook opens to more than 50 MB, the most the importer reads/],
  ['an XLSX whose sheets unzip to 20 MB, too long to read', () => buildZip([{ name: 'xl/sharedStrings.xml', data: new Uint8Array(20 * 1024 * 1024).fill(0x20) }]), /its sheets open to more than 16 MB, the most the importer reads/],
  ['a 20 MB CSV', hugeCsv, /the file is 20\.0 MB, over the limit of 4 MB/],
  ['a CSV with a 100 kB cell', () => encode(`${header}Core Policing,1,"${'x'.repeat(100_000)}",Leila Osei\r\n`), /Row 2, column C: the cell holds 100,000 characters, more than Excel's limit of 32,767/],
  ['an XLSX with a 100 kB cell', () => buildXlsx([{ name: 'Plan', rows: [['Ref', 'Recommendation', 'Plan Owner'], ['1', 'y'.repeat(100_000), 'Leila Osei']] }]), /Sheet "Plan", row 2, column B: the cell holds 100,000 characters/],
];

describe('files that cannot be imported', () => {
  it.each(cases)('refuses %s with a clear error and writes nothing', async (_, build, message) => {
    const repository = new MemoryRepository();
    const attempt = importSpreadsheets(repository, { plan: await build(), people: demoPeopleCsv }, { now, acceptWarnings: true });
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(importSpreadsheets(repository, { plan: await build(), people: demoPeopleCsv }, { now, acceptWarnings: true })).rejects.toThrow(message);
    expect(await repository.listActions()).toEqual([]);
    expect(await repository.listPeople()).toEqual([]);
  });

  it('refuses a directory with a bad or repeated email, even with warnings accepted, and writes nothing', async () => {
    const repository = new MemoryRepository();
    const people = encode('Name,role,E-mail,aliases\r\nA One,,a.one@force.example,\r\nA Two,,not-an-email,\r\nA Three,,A.ONE@force.example,\r\n,,a.four@force.example,\r\nA Five,,,\r\n');
    const report = await importSpreadsheets(repository, { people }, { now, acceptWarnings: true });
    expect(report.outcome).toBe('blocked');
    expect(report.problems).toEqual([
      { file: 'people', row: 3, severity: 'error', message: expect.stringMatching(/"not-an-email" is not an email address/) },
      // Not starting with the address, which a sentence's capital letter would change.
      { file: 'people', row: 4, column: 'E-mail', severity: 'error', message: expect.stringMatching(/^the address a\.one@force\.example is also on row 2/) },
      { file: 'people', row: 5, column: 'Name', severity: 'error', message: "the row has no name; fill in the person's name as the plan writes it" },
      { file: 'people', row: 6, column: 'E-mail', severity: 'error', message: 'the row has no email address; fill it in (each person needs their own)' },
    ]);
    expect(await repository.listPeople()).toEqual([]);
  });
});
