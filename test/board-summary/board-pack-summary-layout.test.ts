import { describe, expect, it } from 'vitest';
import { sheetNames } from '../../functions/adapters/xlsx/board-pack.js';
import { bySroColumns, movementNote, everyStaleOwnerHeading } from '../../functions/core/board-summary/board-wording.js';
import { generatePlan, snapshotOf } from './plan-fixture.js';
import { packOf, rowValues } from './read-pack.js';

/** The Summary sheet as printed and on screen: each heading whole and over its own numbers, each count apart from its refs. */
describe('board pack Summary sheet layout, read back with exceljs', async () => {
  const snapshot = snapshotOf(generatePlan(120, 2));
  const sheet = (await packOf(snapshot)).getWorksheet(sheetNames.summary)!;
  const rowOf = (first: string) => sheet.getRows(1, sheet.rowCount)!.find((row) => row.getCell(1).value === first)!;
  const widthOf = (column: number) => sheet.getColumn(column).width!;
  /** Lines a text takes at the fewest: more characters than its width never fit one line. */
  const fewestLines = (text: string, width: number) => Math.ceil(text.length / width);

  const headingRows = () => [rowOf('Confidence in timescale, open actions by area'), rowOf(sheetNames.changes), rowOf(everyStaleOwnerHeading(28)), rowOf('SRO')];

  it('aligns the headings over counts to the right, over their numbers, and the row labels’ heading to the left', () => {
    for (const row of headingRows()) {
      expect(row.getCell(1).alignment?.horizontal ?? 'left', String(row.getCell(1).value)).toBe('left');
      expect(row.getCell(2).alignment?.horizontal, String(row.getCell(2).value)).toBe('right');
    }
    const sro = rowOf('SRO');
    expect([3, 4].map((c) => sro.getCell(c).alignment?.horizontal)).toEqual(['right', 'right']);
    const confidence = headingRows()[0]!;
    expect([3, 4, 5, 6].map((c) => confidence.getCell(c).alignment?.horizontal)).toEqual(['right', 'right', 'right', 'right']);
  });

  it('wraps every heading and makes its row tall enough to show it whole', () => {
    for (const row of headingRows()) {
      row.eachCell((cell, c) => {
        expect(cell.alignment?.wrapText, String(cell.value)).toBe(true);
        expect(row.height, String(cell.value)).toBeGreaterThanOrEqual(15 * fewestLines(String(cell.value), widthOf(c)));
      });
    }
    expect(rowValues(sheet, rowOf('SRO').number)).toEqual(bySroColumns(28));
    expect(rowOf('SRO').height).toBeGreaterThanOrEqual(15 * 3);
  });

  it('keeps each owner’s count apart from their refs: an empty column between, the refs in a cell of their own across the rest of the row', () => {
    const owner = snapshot.summary.staleOwners[0]!;
    const row = rowOf(owner.name);
    expect(rowValues(sheet, row.number)).toEqual([owner.name, owner.count, undefined, owner.refs.join(', ')]);
    expect(row.getCell(4).alignment).toMatchObject({ wrapText: true });
    expect([5, 6].map((c) => row.getCell(c).master.address)).toEqual([row.getCell(4).address, row.getCell(4).address]);
    expect(rowValues(sheet, rowOf(everyStaleOwnerHeading(28)).number)).toEqual([everyStaleOwnerHeading(28), 'Actions', undefined, 'Refs']);
  });

  it('gives the note about what moved the width of the sheet, wrapped, and the lines to show it whole', () => {
    const note = movementNote(snapshot.summary)!;
    const row = rowOf(note);
    expect(row.getCell(6).master.address).toBe(row.getCell(1).address);
    expect(row.getCell(1).alignment?.wrapText).toBe(true);
    const sheetWidth = [1, 2, 3, 4, 5, 6].reduce((sum, c) => sum + widthOf(c), 0);
    expect(row.height).toBeGreaterThanOrEqual(15 * fewestLines(note, sheetWidth));
  });
});
