import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { importSpreadsheets } from '../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { Person, PersonId, personIdFromEmail } from '../../functions/core/model/person.js';
import { now } from './fixtures.js';

const enc = (text: string) => new TextEncoder().encode(text);

describe('personIdFromEmail', () => {
  it.each([
    ['gareth.pike@northshire.example', 'gareth.pike.at.northshire.example'],
    [' Daniel.Mercer@Northshire.Police.Example ', 'daniel.mercer.at.northshire.police.example'],
    ['amy.smith-jones@force.example', 'amy.smith-jones.at.force.example'],
    ['crime-ops2@north-shire.police.example', 'crime-ops2.at.north-shire.police.example'],
  ])('keeps the id %s always had', (email, id) => {
    expect(personIdFromEmail(email)).toBe(id);
  });

  it('gives addresses that differ only in "_", "+", "\'" or "-" different ids', () => {
    const addresses = ['jo_bloggs@x.example', 'jo-bloggs@x.example', 'jo+bloggs@x.example', "jo'bloggs@x.example", 'jo_-bloggs@x.example', 'jo-_bloggs@x.example'];
    expect(new Set(addresses.map(personIdFromEmail)).size).toBe(addresses.length);
  });

  it.each(['_jo@force.example', '-jo@force.example', "'jo@force.example", '+jo@force.example', 'jo_@force.example', 'jo_.x_@force.example', `${'a_'.repeat(60)}@force.example`])(
    'gives %s an id the id schema accepts',
    (email) => {
      expect(Person.safeParse({ id: personIdFromEmail(email), name: 'Jo', role: null, email, aliases: [], active: true, mailStatus: 'ok' }).success).toBe(true);
      expect(PersonId.safeParse(personIdFromEmail(email)).success).toBe(true);
    },
  );
});

describe('importing people whose addresses have characters an id cannot hold', () => {
  it('keeps two people whose addresses differ only by "_" and "-" apart', async () => {
    const repository = new MemoryRepository();
    const report = await importSpreadsheets(repository, { people: enc('name,email\nJo Bloggs,jo_bloggs@force.example\nJoe Bloggs,jo-bloggs@force.example\n') }, { now });
    expect(report).toMatchObject({ outcome: 'written', problems: [], people: { created: 2 } });
    expect((await repository.listPeople()).map((p) => p.email).sort()).toEqual(['jo-bloggs@force.example', 'jo_bloggs@force.example']);
    expect((await repository.getPerson('jo-bloggs.at.force.example'))?.name).toBe('Joe Bloggs');
  });

  it('imports an address that starts with "_" without a message about an id', async () => {
    const repository = new MemoryRepository();
    const report = await importSpreadsheets(repository, { people: enc('name,email\nJo,_jo@force.example\n') }, { now });
    expect(report).toMatchObject({ outcome: 'written', problems: [], people: { created: 1 } });
  });

  it('never takes a newcomer for someone stored under the id their address gives, when that person is in the file too', async () => {
    const repository = new MemoryRepository();
    await repository.putPerson({ id: 'jo-bloggs.at.force.example', name: 'Jo Bloggs', role: null, email: 'jo_bloggs@force.example', aliases: [], active: true, mailStatus: 'ok' });
    const people = enc('name,email\nJo Bloggs,jo_bloggs@force.example\nJoe Other,jo-bloggs@force.example\n');
    const report = await importSpreadsheets(repository, { people }, { now });
    expect(report).toMatchObject({ outcome: 'blocked', errors: 1 });
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^jo-bloggs@force\.example cannot be added: the tracker cannot tell this address apart from Jo Bloggs’s \(jo_bloggs@force\.example\)/) }));
    expect(await repository.listPeople()).toEqual([expect.objectContaining({ name: 'Jo Bloggs', email: 'jo_bloggs@force.example' })]);
  });

  it('finds a person stored under their address’s old id by the address, and keeps that id', async () => {
    const repository = new MemoryRepository();
    const oldId = 'jo-bloggs.at.force.example';
    await repository.putPerson({ id: oldId, name: 'Jo Bloggs', role: null, email: 'jo_bloggs@force.example', aliases: [], active: true, mailStatus: 'ok' });
    const files = { people: enc('name,email\nJo Bloggs,jo_bloggs@force.example\n'), plan: enc('Ref Number,Recommendation,Plan Owner\nR1,Review custody,Jo Bloggs\n') };
    const report = await importSpreadsheets(repository, files, { now });
    expect(report).toMatchObject({ outcome: 'written', problems: [], people: { created: 0, updated: 0, unchanged: 1 } });
    expect((await repository.listPeople()).map((p) => p.id)).toEqual([oldId]);
    expect((await repository.listActions())[0]?.ownerIds).toEqual([oldId]);
  });
});
