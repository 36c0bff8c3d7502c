import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { noUpdateColumn } from '../../functions/core/board-summary/board-wording.js';
import { applyImport } from '../../functions/core/import/apply-import.js';
import { formatImportReport } from '../../functions/core/import/format-import-report.js';
import { InvalidInputError } from '../../functions/core/errors.js';
import type { Update } from '../../functions/core/model/update.js';
import { currentPlan } from '../../functions/core/admin/actions/current-plan.js';
import { buildPlanWorkbook } from '../../web/admin/export/plan-workbook.js';
import { buildXlsx } from './build-xlsx.js';
import { csvRows, demoPeopleCsv, demoPlanCsv, now, personId, quirkyPlanCsv } from './fixtures.js';

const demo = { plan: demoPlanCsv, people: demoPeopleCsv };
const later = new Date('2026-11-20T10:00:00.000Z');

describe('applyImport', () => {
  it('writes the whole demo plan and directory', async () => {
    const repository = new MemoryRepository();
    const report = await importSpreadsheets(repository, demo, { now });
    expect(report).toMatchObject({ outcome: 'written', errors: 0, warnings: 0, people: { created: 13, updated: 0, unchanged: 0 }, actions: { created: 27, updated: 0, unchanged: 0 } });
    expect(await repository.listActions()).toHaveLength(27);
    expect(await repository.listPeople()).toHaveLength(13);
    expect((await repository.getAction('211'))?.ownerIds).toEqual([personId('gareth.pike'), personId('owen.tranter')]);
  });

  it('changes nothing when the same files are imported again', async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, demo, { now });
    const before = await repository.listActions();
    const report = await importSpreadsheets(repository, demo, { now: later });
    expect(report).toMatchObject({ outcome: 'written', people: { created: 0, updated: 0, unchanged: 13 }, actions: { created: 0, updated: 0, unchanged: 27 } });
    expect(await repository.listActions()).toEqual(before);
  });

  it('changes nothing when the same plan comes again as .xlsx, its months typed as dates shown "Sep-17"', async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, demo, { now });
    const before = await repository.listActions();
    const rows = csvRows(demoPlanCsv);
    const timescale = rows[0]!.indexOf('Timescale? set');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    let dated = 0;
    const xlsx = await buildXlsx([
      {
        name: 'Plan',
        rows,
        decorate: (cell, r, c) => {
          const month = /^([A-Z][a-z]{2})-(\d\d)$/.exec(String(cell.value));
          if (r === 1 || c !== timescale + 1 || !month) return;
          cell.value = new Date(Date.UTC(2000 + Number(month[2]), months.indexOf(month[1]!), 1));
          cell.numFmt = 'mmm-yy';
          dated++;
        },
      },
    ]);
    const report = await importSpreadsheets(repository, { plan: xlsx }, { now: later });
    expect(dated).toBeGreaterThan(10);
    expect(report).toMatchObject({ warnings: 0, actions: { updated: 0, unchanged: 27 }, changedActions: [] });
    expect(await repository.listActions()).toEqual(before);
  });

  it("changes nothing, and warns of nothing, when the product's own export is imported again", async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, demo, { now });
    const action = (await repository.getAction('211'))!;
    // A target moved since, which the export writes with its original.
    await repository.putAction({ ...action, timescale: { ...action.timescale, target: '2026-01', revisions: [{ at: now.toISOString(), by: 'admin@force.example', from: action.timescale.target, to: '2026-01', reason: 'Sooner' }] } }, action.version);
    const before = await repository.listActions();
    const config = { timeZone: 'Europe/London', staleAfterDays: 28 };
    const exported = await buildPlanWorkbook(currentPlan(before, await repository.listPeople(), later, config), { forceName: 'Testshire Police', timeZone: config.timeZone, staleHeader: noUpdateColumn(config.staleAfterDays), createdAt: later });
    const report = await importSpreadsheets(repository, { plan: exported }, { now: later });
    expect(report.problems).toEqual([]);
    // Its Status is read, and the columns the tracker works out ("Overdue") are passed over without a word.
    expect(report.plan).toMatchObject({ unknown: [], unread: [] });
    expect(report).toMatchObject({ actions: { updated: 0, unchanged: 27 }, changedActions: [] });
    expect(await repository.listActions()).toEqual(before);
  });

  it('says that a row whose Last Updated cannot be read leaves the stored target and progress as they are', async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, demo, { now });
    const edited = new TextDecoder().decode(demoPlanCsv).replace('in its use.",Mar-26,', 'in its use.",Sep-27,').replace('upgrade is complete.,Jul-26', 'upgrade is complete.,13/13/2026');
    const report = await importSpreadsheets(repository, { plan: new TextEncoder().encode(edited) }, { now: later, acceptWarnings: true });
    expect(report.problems).toEqual([
      expect.objectContaining({ ref: '201', column: 'Last Updated', severity: 'warning', message: expect.stringContaining('an action stored with an update keeps its own progress, confidence and target rather than the row') }),
    ]);
    expect((await repository.getAction('201'))!.timescale.target).toBe('2026-03');
  });

  it('finds the same action when a later sheet pads its ref with a zero ("0201" for "201")', async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, demo, { now });
    const padded = new TextDecoder().decode(demoPlanCsv).replace('\nCore Policing,201,', '\nCore Policing,0201,');
    const report = await importSpreadsheets(repository, { plan: new TextEncoder().encode(padded) }, { now: later });
    expect(report).toMatchObject({ outcome: 'written', actions: { created: 0, updated: 1, unchanged: 26 }, changedActions: [{ id: '201', ref: '0201', changes: [{ field: 'ref', from: '201', to: '0201' }] }] });
    expect(await repository.listActions()).toHaveLength(27);
  });

  it('finds an action stored under a padded id ("afi01", from before zeros were dropped) when the same sheet comes again', async () => {
    const padded = new TextEncoder().encode(new TextDecoder().decode(demoPlanCsv).replace('\nCore Policing,201,', '\nCore Policing,AFI01,'));
    const first = new MemoryRepository();
    await importSpreadsheets(first, { ...demo, plan: padded }, { now });
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, { people: demoPeopleCsv }, { now });
    await repository.putAction({ ...(await first.getAction('afi1'))!, id: 'afi01' }, null);

    const report = await importSpreadsheets(repository, { plan: padded }, { now: later });
    expect(report).toMatchObject({ outcome: 'written', actions: { created: 26, updated: 0, unchanged: 1 } });
    expect((await repository.listActions()).filter((a) => a.ref === 'AFI01').map((a) => a.id)).toEqual(['afi01']);
  });

  it('keeps when an action was reopened: the same file again changes nothing', async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, demo, { now });
    const action = (await repository.getAction('211'))!;
    await repository.putAction({ ...action, reopenedAt: '2026-11-10T09:00:00.000Z' }, action.version);
    const report = await importSpreadsheets(repository, demo, { now: later });
    expect(report).toMatchObject({ actions: { updated: 0, unchanged: 27 }, changedActions: [] });
    expect((await repository.getAction('211'))?.reopenedAt).toBe('2026-11-10T09:00:00.000Z');
  });

  it('writes nothing on a dry run, and says what it would do', async () => {
    const repository = new MemoryRepository();
    const report = await importSpreadsheets(repository, demo, { now, dryRun: true });
    expect(report).toMatchObject({ outcome: 'dry-run', actions: { created: 27 } });
    expect(await repository.listActions()).toEqual([]);
    expect(await repository.listPeople()).toEqual([]);
  });

  it('writes nothing when there are warnings that were not accepted', async () => {
    const repository = new MemoryRepository();
    const report = await importSpreadsheets(repository, { plan: quirkyPlanCsv, people: demoPeopleCsv }, { now });
    expect(report).toMatchObject({ outcome: 'blocked', errors: 0, warnings: 2, actions: { created: 6 } });
    expect(await repository.listActions()).toEqual([]);
    expect(await repository.listPeople()).toEqual([]);
  });

  it('with warnings accepted, writes and keeps the unmatched names', async () => {
    const repository = new MemoryRepository();
    const report = await importSpreadsheets(repository, { plan: quirkyPlanCsv, people: demoPeopleCsv }, { now, acceptWarnings: true });
    expect(report).toMatchObject({ outcome: 'written', warnings: 2, actions: { created: 6 } });
    expect(await repository.getAction('q4')).toMatchObject({ ownerIds: [personId('fiona.strand')], unmatchedNames: ['Supt Nobody'] });
    expect((await repository.listPeople()).map((p) => p.name)).not.toContain('Supt Nobody');
  });

  it('matches owners against the people already stored when no directory is given', async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, { people: demoPeopleCsv }, { now });
    const report = await importSpreadsheets(repository, { plan: demoPlanCsv }, { now });
    expect(report).toMatchObject({ outcome: 'written', warnings: 0, actions: { created: 27 } });
  });

  it('updates a changed action at its next version and keeps an owner update newer than the sheet', async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, demo, { now });
    const update: Update = {
      actionId: '211', version: 2, at: '2026-11-18T10:00:00.000Z', by: personId('gareth.pike'), onBehalfOf: null, via: 'link',
      patch: { latestProgress: 'Processing times are now back to normal.', status: 'proposed-closure' }, changes: [], countsAsProgress: true,
    };
    await repository.saveUpdate(update);
    const edited = new TextDecoder().decode(demoPlanCsv).replace('An external review of the department', 'An independent review of the department').replace('Jan-27', 'Mar-27');
    const report = await importSpreadsheets(repository, { plan: new TextEncoder().encode(edited) }, { now: later });
    expect(report.actions).toEqual({ created: 0, updated: 1, unchanged: 26 });
    // The sheet's older target loses to the owner's newer update, so only the plan changes.
    expect(report.changedActions).toEqual([{ id: '211', ref: '211', changes: [{ field: 'plan', from: expect.stringMatching(/^An external review/), to: expect.stringMatching(/^An independent review/) }] }]);
    expect(formatImportReport(report).split('\n')).toContain('  211: Plan');
    // The change is in the action's history, after the owner's update, like any other change.
    const history = await repository.listUpdates('211');
    expect(history.map((u) => u.via)).toEqual(['link', 'import']);
    expect(history[1]).toMatchObject({
      version: 3, at: later.toISOString(), by: 'import', onBehalfOf: null, countsAsProgress: false,
      patch: { plan: expect.stringMatching(/^An independent review/) },
      changes: [{ field: 'plan', from: expect.stringMatching(/^An external review/), to: expect.stringMatching(/^An independent review/) }],
    });
    const saved = await repository.getAction('211');
    expect(saved).toMatchObject({
      version: 3,
      plan: expect.stringMatching(/^An independent review/),
      latestProgress: 'Processing times are now back to normal.',
      lastUpdatedAt: '2026-11-18T10:00:00.000Z',
      status: 'proposed-closure',
      createdAt: now.toISOString(),
      timescale: { target: '2027-01', originalTarget: '2027-01', revisions: [] },
    });
  });

  describe('a sheet whose Last Updated is the month of import', () => {
    const thisMonth = (plan: string) => plan.replace(/(Staffing will be reviewed again in the new year\.",)Sep-26/, '$1Nov-26');
    const first = thisMonth(new TextDecoder().decode(demoPlanCsv));
    const corrected = first.replace('Jan-27,Medium', 'Jun-27,Low').replace('Staffing will be reviewed again in the new year.', 'Staffing was reviewed in October.');
    const encode = (plan: string) => new TextEncoder().encode(plan);

    it('takes the corrections when the sheet is imported again that month, and keeps when it was first updated', async () => {
      const repository = new MemoryRepository();
      await importSpreadsheets(repository, { plan: encode(first), people: demoPeopleCsv }, { now });
      expect((await repository.getAction('211'))?.lastUpdatedAt).toBe(now.toISOString());
      const report = await importSpreadsheets(repository, { plan: encode(corrected) }, { now: later });
      expect(report.actions).toEqual({ created: 0, updated: 1, unchanged: 26 });
      expect(await repository.getAction('211')).toMatchObject({
        latestProgress: expect.stringMatching(/Staffing was reviewed in October\.$/),
        confidence: 'low',
        timescale: { target: '2027-06', originalTarget: '2027-01' },
        lastUpdatedAt: now.toISOString(),
      });
    });

    it('changes nothing when the same sheet is imported again next month', async () => {
      const repository = new MemoryRepository();
      await importSpreadsheets(repository, { plan: encode(first), people: demoPeopleCsv }, { now });
      const before = await repository.listActions();
      const report = await importSpreadsheets(repository, { plan: encode(first) }, { now: new Date('2026-12-14T09:00:00.000Z') });
      expect(report.actions).toEqual({ created: 0, updated: 0, unchanged: 27 });
      expect(await repository.listActions()).toEqual(before);
    });

    it("keeps an owner's update made since, in the same month", async () => {
      const repository = new MemoryRepository();
      await importSpreadsheets(repository, { plan: encode(first), people: demoPeopleCsv }, { now });
      await repository.saveUpdate({
        actionId: '211', version: 2, at: '2026-11-18T10:00:00.000Z', by: personId('gareth.pike'), onBehalfOf: null, via: 'link',
        patch: { latestProgress: 'Processing times are back to normal.' }, changes: [], countsAsProgress: true,
      });
      await importSpreadsheets(repository, { plan: encode(corrected) }, { now: later });
      expect(await repository.getAction('211')).toMatchObject({
        latestProgress: 'Processing times are back to normal.', confidence: 'medium', lastUpdatedAt: '2026-11-18T10:00:00.000Z', timescale: { target: '2027-01' },
      });
    });
  });

  it('records who imported, and a sheet’s newer Last Updated, in the history without counting the import as progress', async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, demo, { now });
    const before = (await repository.getAction('211'))!;
    const edited = new TextDecoder().decode(demoPlanCsv).replace(/(Staffing will be reviewed again in the new year\.",)Sep-26/, '$1Nov-26');
    await importSpreadsheets(repository, { plan: new TextEncoder().encode(edited) }, { now: later, by: 'admin@northshire.example' });
    const [entry] = await repository.listUpdates('211');
    expect(entry).toMatchObject({ by: 'admin@northshire.example', via: 'import', countsAsProgress: false });
    expect(entry!.changes).toContainEqual({ field: 'lastUpdatedAt', from: before.lastUpdatedAt, to: (await repository.getAction('211'))!.lastUpdatedAt });
    expect(before.lastUpdatedAt).toMatch(/^2026-09/);
  });

  it('records a target changed by a sheet newer than the stored update as a revision', async () => {
    const repository = new MemoryRepository();
    await importSpreadsheets(repository, demo, { now });
    const edited = new TextDecoder().decode(demoPlanCsv).replace('Jan-27,Medium', 'Mar-27,Medium').replace(/(Staffing will be reviewed again in the new year\.",)Sep-26/, '$1Nov-26');
    await importSpreadsheets(repository, { plan: new TextEncoder().encode(edited) }, { now: later });
    expect((await repository.getAction('211'))?.timescale).toEqual({
      text: 'Mar-27', target: '2027-03', originalTarget: '2027-01',
      revisions: [{ at: later.toISOString(), by: 'import', from: '2027-01', to: '2027-03', reason: 'The target was changed in the imported plan' }],
    });
  });

  it('validates everything before the first write', async () => {
    const repository = new MemoryRepository();
    const attempt = applyImport(
      repository,
      {
        people: [{ id: 'a.at.x', name: 'A', role: null, email: 'a@x.example', aliases: [], active: true, mailStatus: 'ok' }],
        actions: [
          { id: 'r1', kind: 'afi', area: '', ref: 'R1', evidence: null, text: 'Do it', accepted: { value: true, rationale: null }, sroId: null, ownerIds: ['a.at.x'], unmatchedNames: [], plan: null, timescale: { text: null, target: null, originalTarget: null, revisions: [] }, confidence: 'not-set', confidenceNarrative: null, latestProgress: null, lastUpdatedAt: null, reopenedAt: null, status: 'open', version: 1, createdAt: now.toISOString() },
          { id: 'r2', kind: 'afi', area: '', ref: 'R2', evidence: null, text: 'Do it', accepted: { value: true, rationale: null }, sroId: null, ownerIds: ['nobody.at.x'], unmatchedNames: [], plan: null, timescale: { text: null, target: null, originalTarget: null, revisions: [] }, confidence: 'not-set', confidenceNarrative: null, latestProgress: null, lastUpdatedAt: null, reopenedAt: null, status: 'open', version: 1, createdAt: now.toISOString() },
        ],
        problems: [],
      },
      { now },
    );
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(attempt).rejects.toThrow(/action R2: nobody\.at\.x is not in the directory/);
    expect(await repository.listPeople()).toEqual([]);
    expect(await repository.listActions()).toEqual([]);
  });
});
