import { describe, expect, it } from 'vitest';
import { findSharedNames } from '../../../functions/core/admin/people/shared-names.js';
import { indexPeople } from '../../../functions/core/import/match-person.js';
import { makePerson } from '../../support/make-action.js';

const ann = makePerson({ id: 'ann', name: 'DCS Ann Bell', email: 'ann.bell@force.example' });
const crime = makePerson({ id: 'crime', name: 'Head of Crime', email: 'crime@force.example', aliases: ['DCS Ann Bell (Head of Crime)'] });
const sean = makePerson({ id: 'sean', name: "Sean O'Neill", email: 'sean@force.example' });
const other = makePerson({ id: 'other', name: 'Sean O Neill', email: 'sean2@force.example' });
const jo = makePerson({ id: 'jo', name: 'PC Jo Bell', email: 'jo@force.example' });
const people = [ann, crime, sean, other, jo];

describe('names two people share, as the importer reads them', () => {
  it('finds a name shared as written: bracketed roles and an apostrophe typed as a space aside', () => {
    expect(findSharedNames(ann, people)).toEqual([{ name: 'DCS Ann Bell', others: [crime] }]);
    expect(findSharedNames(crime, people)).toEqual([{ name: 'DCS Ann Bell (Head of Crime)', others: [ann] }]);
    expect(findSharedNames(sean, people)).toEqual([{ name: "Sean O'Neill", others: [other] }]);
    expect(findSharedNames(jo, people)).toEqual([]);
  });

  it('reports every name of theirs the importer does not find them by', () => {
    const index = indexPeople(people);
    const missed = people.flatMap((person) => [person.name, ...person.aliases].filter((name) => index.find(name)?.id !== person.id).map((name) => `${person.id}: ${name}`));
    // Written in full, "DCS Ann Bell (Head of Crime)" and "Sean O Neill" still find theirs.
    expect(missed).toEqual(['ann: DCS Ann Bell', "sean: Sean O'Neill"]);
    const reported = people.flatMap((person) => findSharedNames(person, people).map(({ name }) => `${person.id}: ${name}`));
    for (const name of missed) expect(reported).toContain(name);
  });
});
