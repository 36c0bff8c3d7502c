import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildBoardPack, sheetNames } from '../../functions/adapters/xlsx/board-pack.js';
import { everyStaleOwnerHeading, allMovementLabels, movementNote, otherStaleOwnersLine, planLoadedNote } from '../../functions/core/board-summary/board-wording.js';
import { headlineFigures } from '../../functions/core/board-summary/headline-figures.js';
import type { Snapshot } from '../../functions/core/board-summary/snapshot.js';
import { renderBoardSummaryText } from '../../web/emails/board-summary-email.js';
import { octoberSnapshot, ownerlessStaleSnapshot, retimedSnapshot } from './history-fixtures.js';
import { generatePlan, snapshotOf } from './plan-fixture.js';
import { allRows, packOf, readBack, rowValues } from './read-pack.js';

const familiarHeadings = [
  'Area',
  'Ref Number',
  'HMIC Evidence',
  'Area for Improvement/Cause of Concern/Recommendation',
  'Accepted for action by the force? Yes/No',
  'SRO/CO lead',
  'Plan Owner',
  'What?',
  'Timescale? set',
  'Original target',
  'Timescale as written',
  'Confidence in timescale',
  'Narrative explaining the confidence rating',
  'Progress Update',
  'Last Updated',
];

const emailText = (snapshot: Snapshot) => renderBoardSummaryText(snapshot.summary, { name: 'Northshire Police', baseUrl: 'https://tracker.example', attachBoardPack: false }).split('\n');

/** The first plan rows given timescales as an import keeps them (wording that says more than its target, an Excel date, a plain month), then one re-timed. */
function withTimescaleWording(snapshot: Snapshot): Snapshot {
  const written = [
    { text: 'Phase One completed by March 26', target: '2026-03' },
    { text: '2026-03-31', target: '2026-03-31' },
    { text: 'Mar-26', target: '2026-03' },
  ];
  written.forEach((timescale, i) => Object.assign(snapshot.plan[i]!.timescale, { ...timescale, originalTarget: timescale.target }));
  Object.assign(snapshot.plan[written.length]!.timescale, { text: null, target: '2027-03', originalTarget: '2026-12' });
  return snapshot;
}

describe('board pack XLSX, read back with exceljs', async () => {
  const snapshot = withTimescaleWording(snapshotOf(generatePlan(120, 2)));
  const workbook = await readBack(await buildBoardPack(snapshot, { forceName: 'Northshire Police' }));
  const plan = workbook.getWorksheet(sheetNames.plan)!;
  const columnOf = (header: string) => rowValues(plan, 1).indexOf(header) + 1;

  it('has the Summary, plan and changes sheets in that order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Action plan', 'What moved since last month']);
  });

  it("names the changes sheet by the email's heading for the same list, as Excel allows a sheet name", () => {
    expect(emailText(snapshot)).toContain(sheetNames.changes);
    expect(sheetNames.changes.length).toBeLessThanOrEqual(31);
    expect(sheetNames.changes).not.toMatch(/[/\\?*[\]:]/);
  });

  it('writes each target as an Excel date that sorts and filters, a month target on its last day, the day it is due by', () => {
    const cells = (row: number) => (['Timescale? set', 'Original target', 'Timescale as written'] as const).map((header) => plan.getCell(row, columnOf(header)));
    const utc = (day: string) => new Date(`${day}T00:00:00.000Z`);
    expect([2, 3, 4, 5].map((row) => cells(row).map((cell) => [cell.value, cell.value instanceof Date ? cell.numFmt : undefined]))).toEqual([
      [[utc('2026-03-31'), 'mmmm yyyy'], [null, undefined], ['Phase One completed by March 26', undefined]],
      [[utc('2026-03-31'), 'd mmm yyyy'], [null, undefined], [null, undefined]],
      [[utc('2026-03-31'), 'mmmm yyyy'], [null, undefined], [null, undefined]],
      [[utc('2027-03-31'), 'mmmm yyyy'], [utc('2026-12-31'), 'mmmm yyyy'], [null, undefined]],
    ]);
  });

  it('makes the target columns wide enough for "September 2026", which Excel would show as ##### in a narrower one', () => {
    for (const header of ['Timescale? set', 'Original target'] as const) expect(plan.getColumn(columnOf(header)).width, header).toBeGreaterThanOrEqual(16);
  });

  it('keeps the words of a timescale with no target, where the sheet had no date', () => {
    const noTarget = snapshot.plan.findIndex((r) => r.timescale.target === null) + 2;
    expect([plan.getCell(noTarget, columnOf('Timescale? set')).value, plan.getCell(noTarget, columnOf('Original target')).value]).toEqual(['Awaiting new timescale', null]);
  });

  it("lays the plan out in the force's familiar columns, then Status, no update and overdue, one row per action", () => {
    expect(rowValues(plan, 1)).toEqual([...familiarHeadings, 'Status', 'No update for 28+ days', 'Overdue']);
    expect(plan.actualRowCount).toBe(1 + 120);
  });

  it('heads the stale column in the email’s words, with the force’s number of days, so the board filters by the figure it read', async () => {
    const headline = emailText(snapshot).find((line) => line.startsWith('of which no update for'));
    expect(headline).toBe(`of which no update for 28 days or more: ${snapshot.summary.figures.stale}`);
    expect(plan.getCell(1, columnOf('No update for 28+ days')).value).toBe('No update for 28+ days');
    const fortnight = snapshotOf(generatePlan(12, 1));
    fortnight.summary.staleAfterDays = 14;
    expect(rowValues((await readBack(await buildBoardPack(fortnight, { forceName: 'Northshire Police' }))).getWorksheet(sheetNames.plan)!, 1)).toContain('No update for 14+ days');
  });

  it('freezes the header row, turns filters on and wraps text', () => {
    expect(plan.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Over every row, as Excel writes it, so that other programs filter the data too.
    expect(plan.autoFilter).toBe(`A1:R${plan.rowCount}`);
    expect(plan.getCell('D2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    const changes = workbook.getWorksheet(sheetNames.changes)!;
    expect(changes.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(changes.autoFilter).toBe(`A1:F${changes.rowCount}`);
  });

  it('writes the values of each action as it stood at month end', () => {
    const row = snapshot.plan[0]!;
    const values = rowValues(plan, 2);
    expect(values.slice(0, 4)).toEqual([row.area, row.ref, row.evidence, row.text]);
    expect(values[4]).toBe('Yes');
    expect(values[5]).toBe('Supt Owner 0');
    const lastUpdated = plan.getCell(2, columnOf('Last Updated'));
    expect(lastUpdated.value).toEqual(new Date(`${row.lastUpdatedAt!.slice(0, 10)}T00:00:00.000Z`));
    expect(lastUpdated.numFmt).toBe('d mmm yyyy');
  });

  it('colours confidence, stale and overdue cells red, amber or green, and words no confidence as the summary does', () => {
    const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const byConfidence = new Map<string, string | undefined>();
    plan.eachRow((row, n) => {
      if (n > 1) byConfidence.set(String(row.getCell(columnOf('Confidence in timescale')).value), fillOf(row.getCell(columnOf('Confidence in timescale'))));
    });
    expect(Object.fromEntries(byConfidence)).toEqual({ High: 'FFC6EFCE', Medium: 'FFFFEB9C', Low: 'FFFFC7CE', 'No rating': undefined });
    const staleRow = snapshot.plan.findIndex((r) => r.stale) + 2;
    expect(plan.getCell(staleRow, columnOf('No update for 28+ days')).value).toBe('Yes');
    expect(fillOf(plan.getCell(staleRow, columnOf('No update for 28+ days')))).toBe('FFFFC7CE');
  });

  it('says the figures are as at the end of the month; a month kept before that rule, the day, in the force time zone', async () => {
    const asAtLine = (book: ExcelJS.Workbook) => String(allRows(book.getWorksheet(sheetNames.summary)!).find((row) => String(row[0]).startsWith('Figures as at'))![0]);
    expect(snapshot.summary.asAt).toMatch(/^2026-10-31T23:59:59\.999Z$/);
    expect(asAtLine(workbook)).toMatch(/^Figures as at the end of October 2026; compiled \d{1,2} \w+ 2026$/);
    // Kept before overdue was judged after the month's end (no needsBoard), its overdue is as at its last day.
    const { needsBoard: _rule, ...before } = snapshot.summary;
    expect(asAtLine(await packOf({ ...snapshot, summary: before }))).toMatch(/^Figures as at 31 October 2026; compiled /);
    const september = { ...before, month: '2026-09', asAt: '2026-09-30T22:59:59.999Z' };
    expect(asAtLine(await packOf({ ...snapshot, summary: september }))).toMatch(/^Figures as at 30 September 2026; compiled /);
  });

  it('keeps an owner’s refs within Excel’s 32,767 characters a cell, saying how many more', async () => {
    const big = snapshotOf(generatePlan(120, 2));
    const refs = Array.from({ length: 2000 }, (_, i) => `PEEL-2023-AFI-${String(i).padStart(4, '0')}`);
    const row0 = big.plan[0]!;
    big.plan = refs.map((ref, i) => ({ ...row0, id: `a-${i}`, ref, status: 'open', stale: true, owners: [{ id: null, name: 'TBC' }] }));
    const sheet = (await readBack(await buildBoardPack(big, { forceName: 'Northshire Police' }))).getWorksheet(sheetNames.summary)!;
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'TBC')!;
    const cell = String(row.getCell(4).value);
    expect(cell.length).toBeLessThanOrEqual(32_767);
    const shown = cell.split(' and ')[0]!.split(', ').length;
    expect(cell).toMatch(new RegExp(`^PEEL-2023-AFI-0000, .* and ${2000 - shown} more \\(filter the Action plan sheet by Plan Owner and No update for 28\\+ days\\)$`));
    expect(shown).toBeGreaterThan(1500);
  });

  it('puts the headline figures on the Summary sheet', () => {
    const summary = workbook.getWorksheet(sheetNames.summary)!;
    const figures = new Map<string, unknown>();
    summary.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('Open')).toBe(snapshot.summary.figures.open);
    // By the shared wording, which headline-figures.ts owns.
    const staleLabel = headlineFigures(snapshot.summary).find(([, , key]) => key === 'stale')![0];
    expect(figures.get(staleLabel)).toBe(snapshot.summary.figures.stale);
    expect(figures.get('Effectiveness')).toBe(snapshot.summary.confidenceByArea.find((a) => a.area === 'Effectiveness')?.counts.high);
  });

  it('counts each kind of movement on the Summary sheet under the changes sheet’s name, in the email’s words', async () => {
    const october = octoberSnapshot();
    const m = october.summary.movement;
    Object.assign(m, { newActions: [...m.newActions, ...m.newActions], closed: [], becameOverdue: [...m.becameOverdue, ...m.becameOverdue, ...m.becameOverdue] });
    const email = emailText(october);
    const section = email.slice(email.indexOf(sheetNames.changes) + 1, email.indexOf('', email.indexOf(sheetNames.changes)));
    const counted = section.map((line) => /^- (.+?): (\d+)/.exec(line)).map((match) => [match![1], Number(match![2])]);
    expect(counted.map(([, count]) => count)).toEqual([2, 0, 1, 1, 1, 3]);

    const rows = allRows((await readBack(await buildBoardPack(october, { forceName: 'Northshire Police' }))).getWorksheet(sheetNames.summary)!);
    const heading = rows.findIndex((row) => row[0] === sheetNames.changes);
    expect(rows.slice(heading, heading + 8)).toEqual([[sheetNames.changes, 'Actions'], ...counted, []]);
  });

  it('lists actions reopened, not accepted or superseded only in a month that has some, as the email does', async () => {
    const october = octoberSnapshot();
    const quiet = allRows((await readBack(await buildBoardPack(october, { forceName: 'Northshire Police' }))).getWorksheet(sheetNames.changes)!);
    expect(quiet.flat()).not.toContain('Reopened');
    Object.assign(october.summary.movement, {
      reopened: [{ id: 'a-r', ref: 'A1', area: 'Effectiveness', from: 'superseded', to: 'proposed-closure' }],
      setAside: [{ id: 'a-x', ref: 'X1', area: 'Legitimacy', to: 'superseded' }],
    });
    const email = emailText(october);
    expect(email).toContain('- Reopened: 1 (A1 (was superseded))');
    expect(email).toContain('- Not accepted or superseded: 1 (X1 (superseded))');
    const changes = allRows((await readBack(await buildBoardPack(october, { forceName: 'Northshire Police' }))).getWorksheet(sheetNames.changes)!);
    expect(changes).toContainEqual(['Reopened', 'A1', 'Effectiveness', 'Superseded', 'Proposed for closure']);
    expect(changes).toContainEqual(['Not accepted or superseded', 'X1', 'Legitimacy', undefined, 'Superseded']);
  });

  it('says under the counts what the email says before them, here that last month is worked out from the history', () => {
    const rows = allRows(workbook.getWorksheet(sheetNames.summary)!);
    const heading = rows.findIndex((row) => row[0] === sheetNames.changes);
    expect(movementNote(snapshot.summary)).toBe('No summary was kept for last month, so what moved is worked out from the update history.');
    expect(rows[heading + 1]).toEqual([movementNote(snapshot.summary)]);
  });

  it('in the month the plan was loaded, gives the note and no counts of 0, and the changes sheet says why it lists nothing', async () => {
    const first = octoberSnapshot();
    const m = first.summary.movement;
    Object.assign(m, { planLoadedAt: '2026-10-30T12:00:00.000Z', newActions: [], closed: [], retimed: [], confidenceDropped: [], becameStale: [], becameOverdue: [] });
    const pack = await readBack(await buildBoardPack(first, { forceName: 'Northshire Police' }));
    const rows = allRows(pack.getWorksheet(sheetNames.summary)!);
    const heading = rows.findIndex((row) => row[0] === sheetNames.changes);
    expect(rows[heading + 1]![0]).toMatch(/^This is the first summary since the plan was loaded on 30 October 2026/);
    expect(rows[heading + 2]).toEqual([]);

    const why = planLoadedNote(m.planLoadedAt!, first.summary.timeZone);
    expect(why).toBe('This is the first summary since the plan was loaded on 30 October 2026, so changes are reported from next month.');
    expect(String(rows[heading + 1]![0]).startsWith(why)).toBe(true);
    const changes = pack.getWorksheet(sheetNames.changes)!;
    expect(allRows(changes)).toEqual([['Change', 'Ref Number', 'Area', 'From', 'To', 'Moved'], [why]]);
    expect(changes.getCell('F2').master.address).toBe('A2');
    expect(changes.getCell('A2').alignment?.wrapText).toBe(true);
  });

  it('adds no such line to the changes sheet in a month compared with the one before', async () => {
    const changes = (await readBack(await buildBoardPack(octoberSnapshot(), { forceName: 'Northshire Police' }))).getWorksheet(sheetNames.changes)!;
    expect(allRows(changes).flat().some((value) => String(value).startsWith('This is the first summary'))).toBe(false);
  });

  it('names every owner who needs chasing, with their count and refs, most first, where the email names the most and counts the rest', () => {
    expect(snapshot.summary.otherStaleOwners?.owners).toBeGreaterThan(0);
    expect(emailText(snapshot)).toContain(`- ${otherStaleOwnersLine(snapshot.summary.otherStaleOwners!)}`);
    const byOwner = new Map<string, string[]>();
    for (const row of snapshot.plan.filter((r) => r.stale)) for (const owner of row.owners) byOwner.set(owner.name, [...(byOwner.get(owner.name) ?? []), row.ref]);
    const expected = [...byOwner].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b)).map(([name, refs]) => [name, refs.length, undefined, refs.join(', ')]);

    const rows = allRows(workbook.getWorksheet(sheetNames.summary)!);
    const heading = rows.findIndex((row) => row[0] === everyStaleOwnerHeading(28));
    expect(rows[heading]).toEqual([everyStaleOwnerHeading(28), 'Actions', undefined, 'Refs']);
    expect(rows.slice(heading + 1, heading + 1 + expected.length)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(snapshot.summary.staleOwners.length);
    expect(rows[heading + 1 + expected.length]).toEqual([]);
    expect(rows.some((row) => String(row[0]).startsWith('and '))).toBe(false);
  });

  it('says under the owners why their counts add up to more than the stale figure, when a shared action makes them', async () => {
    const shared = snapshotOf(generatePlan(200, 2));
    const row = shared.plan.find((r) => r.stale)!;
    const note = `An action with more than one owner counts once for each of them, so these add up to more than the ${shared.summary.figures.stale} with no update.`;
    const notes = async () => allRows((await packOf(shared)).getWorksheet(sheetNames.summary)!).filter((r) => r[0] === note);
    expect(await notes()).toHaveLength(0);
    row.owners = [...row.owners, shared.plan.find((r) => r.owners[0]?.name !== row.owners[0]?.name)!.owners[0]!];
    expect(await notes()).toHaveLength(1);
  });

  it('names the stale actions nobody owns under the owners, whose list cannot', async () => {
    const rows = allRows((await readBack(await buildBoardPack(ownerlessStaleSnapshot(), { forceName: 'Northshire Police' }))).getWorksheet(sheetNames.summary)!);
    const heading = rows.findIndex((row) => row[0] === everyStaleOwnerHeading(28));
    expect(rows[heading + 1]).toEqual(['Supt Okafor', 1, undefined, 'G1']);
    expect(rows[heading + 2]![0]).toBe('1 action with no update for 28 days or more has no owner: Q1.');
    expect(rows.some((row) => String(row[0]).includes('counts once for each of them'))).toBe(false);
    // G1 shared: 2 owners' counts and Q1 make 3 against 2 stale, which the note explains.
    const shared = ownerlessStaleSnapshot();
    const g1 = shared.plan.find((row) => row.ref === 'G1')!;
    g1.owners = [...g1.owners, { id: 'p-bell', name: 'C/Supt Bell' }];
    const again = allRows((await packOf(shared)).getWorksheet(sheetNames.summary)!);
    expect(again.some((row) => row[0] === 'An action with more than one owner counts once for each of them, so these add up to more than the 2 with no update.')).toBe(true);
  });

  it('ends the Summary sheet with open actions by SRO, as the page gives them', () => {
    const rows = allRows(workbook.getWorksheet(sheetNames.summary)!);
    const heading = rows.findIndex((row) => row[0] === 'Open actions by senior responsible officer');
    expect(rows[heading + 1]).toEqual(['SRO', 'Open', 'Of which no update for 28 days or more', 'Of which overdue']);
    const open = snapshot.plan.filter((row) => row.status === 'open').length;
    expect(rows.slice(heading + 2).reduce((sum, row) => sum + Number(row[1]), 0)).toBe(open);
  });

  it('lists each movement on the changes sheet', async () => {
    const october = await readBack(await buildBoardPack(octoberSnapshot(), { forceName: 'Northshire Police' }));
    const label = Object.fromEntries(allMovementLabels(28));
    expect(allRows(october.getWorksheet(sheetNames.changes)!)).toEqual([
      ['Change', 'Ref Number', 'Area', 'From', 'To', 'Moved'],
      [label.newActions, 'N1', 'Effectiveness'],
      [label.closed, 'C1', 'Effectiveness', undefined, 'Closed'],
      [label.retimed, 'T1', 'Effectiveness', 'December 2026', 'March 2027', '+3 months'],
      [label.confidenceDropped, 'D1', 'Effectiveness', 'High', 'Low'],
      [label.becameStale, 'G1', 'Effectiveness'],
      [label.becameOverdue, 'O1', 'Effectiveness'],
    ]);
  });

  it('gives a day target moved by less than a month in days on the changes sheet, and one moved earlier as earlier', async () => {
    const changes = (await readBack(await buildBoardPack(retimedSnapshot(), { forceName: 'Northshire Police' }))).getWorksheet(sheetNames.changes)!;
    const rows = Array.from({ length: changes.actualRowCount - 1 }, (_, i) => rowValues(changes, i + 2));
    expect(rows.map((row) => [row[1], row[5]])).toEqual([
      ['R1', '+21 days'],
      ['R2', '-16 days'],
      ['R3', '+1 day'],
      ['R4', '+3 months'],
    ]);
  });
});
