import { describe, expect, it } from 'vitest';
import { importSpreadsheets } from '../../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { previewImport } from '../../../web/admin/import/run-import.js';
import { adminEmail, consoleFixture } from '../support/console-fixture.js';
import { demoPeopleCsv, demoPlanCsv, now, personId } from './import-fixture.js';

const mercer = personId('daniel.mercer');
const newAddress = 'dan.mercer@northshire.police.example';
/** The demo directory with Supt Daniel Mercer's address corrected. */
const correctedPeople = new TextEncoder().encode(new TextDecoder().decode(demoPeopleCsv).replace('daniel.mercer@', 'dan.mercer@'));

/** The demo plan and directory imported, and an admin signed in to the console. */
async function setUp() {
  const fixture = consoleFixture();
  await importSpreadsheets(fixture.repository, { plan: demoPlanCsv, people: demoPeopleCsv }, { now });
  return { ...fixture, cookie: await fixture.signIn(adminEmail) };
}

describe('importing people after an address was changed on the person page', () => {
  it('finds the person by their new address: no duplicate, same id, nothing to change', async () => {
    const { request, cookie, repository } = await setUp();
    expect((await request(`/admin/people/${mercer}/email`, { form: { email: newAddress }, cookie })).status).toBe(303);

    const report = await importSpreadsheets(repository, { people: correctedPeople }, { now });
    expect(report).toMatchObject({ outcome: 'written', people: { created: 0, updated: 0, unchanged: 13 }, problems: [] });
    expect(await repository.listPeople()).toHaveLength(13);
    expect((await repository.getPerson(mercer))?.email).toBe(newAddress);
  });

  it('matches the plan’s owners to them when the plan comes with the corrected directory, in the console’s preview too', async () => {
    const { request, cookie, repository } = await setUp();
    await request(`/admin/people/${mercer}/email`, { form: { email: newAddress }, cookie });
    const report = await importSpreadsheets(repository, { plan: demoPlanCsv, people: correctedPeople }, { now });
    expect(report).toMatchObject({ outcome: 'written', problems: [], actions: { created: 0, updated: 0 } });
    const preview = await previewImport(repository, { plan: demoPlanCsv, people: correctedPeople }, now);
    expect(preview.choices.filter((p) => p.name === 'Supt Daniel Mercer')).toHaveLength(1);
  });

  it('keeps the new address over an older file’s, with a warning', async () => {
    const { request, cookie, repository } = await setUp();
    await request(`/admin/people/${mercer}/email`, { form: { email: newAddress }, cookie });

    const report = await importSpreadsheets(repository, { people: demoPeopleCsv }, { now, acceptWarnings: true });
    expect(report.problems).toEqual([
      {
        file: 'people',
        row: 0,
        severity: 'warning',
        message: `kept ${newAddress} as Supt Daniel Mercer’s address; the file has daniel.mercer@northshire.police.example. If that is their address now, use “Change email address” on their People page`,
      },
    ]);
    expect((await repository.getPerson(mercer))?.email).toBe(newAddress);
    expect(await repository.listPeople()).toHaveLength(13);
  });
});

describe('importing a new person with a stored person’s name', () => {
  it('warns that it may be a changed address, pointing to the person page, and writes nothing unless accepted', async () => {
    const { repository } = await setUp();
    const report = await importSpreadsheets(repository, { people: correctedPeople }, { now });
    expect(report).toMatchObject({ outcome: 'blocked', warnings: 1, people: { created: 1, updated: 0, unchanged: 12 } });
    expect(report.problems).toEqual([
      {
        file: 'people',
        row: 0,
        severity: 'warning',
        message: `${newAddress} would add a second Supt Daniel Mercer: the directory already has Supt Daniel Mercer at daniel.mercer@northshire.police.example. If this is their new address, use “Change email address” on their People page instead; if not, the plan cannot tell them apart by name`,
      },
    ]);
    expect(await repository.listPeople()).toHaveLength(13);
  });
});
