import { describe, expect, it } from 'vitest';
import { indexPeople, matchNames } from '../../functions/core/import/match-person.js';
import { splitOwners } from '../../functions/core/import/split-owners.js';
import type { Person } from '../../functions/core/model/person.js';

describe('splitOwners', () => {
  it.each([
    ['D/Supt Cole & Priya Nair', ['D/Supt Cole', 'Priya Nair']],
    ['D/Supt Cole&Priya Nair', ['D/Supt Cole', 'Priya Nair']],
    ['Supt Okafor and Dana Whitfield', ['Supt Okafor', 'Dana Whitfield']],
    ['Supt Okafor, Dana Whitfield', ['Supt Okafor', 'Dana Whitfield']],
    ['Supt Okafor; Dana Whitfield', ['Supt Okafor', 'Dana Whitfield']],
    ['Supt Okafor\nDana Whitfield', ['Supt Okafor', 'Dana Whitfield']],
    ['T/D/Ch/Supt Bell / Supt Idris Vaughan', ['T/D/Ch/Supt Bell', 'Supt Idris Vaughan']],
    ['T/D/Ch/Supt Bell', ['T/D/Ch/Supt Bell']],
    ['C/I Ruth Ambler', ['C/I Ruth Ambler']],
    ['DCS Bell (Head of Crime, Ops) & Supt Lennox', ['DCS Bell (Head of Crime, Ops)', 'Supt Lennox']],
    ['  A/FCFO Tom   Greer  ', ['A/FCFO Tom Greer']],
    ['', []],
  ])('splits %j', (cell, names) => {
    expect(splitOwners(cell)).toEqual(names);
  });
});

const person = (name: string, email: string, aliases: string[] = []): Person => ({
  id: email.replace('@', '.at.'), name, role: null, email, aliases, active: true, mailStatus: 'ok',
});

describe('matchNames', () => {
  const bell = person('C/Supt Bell', 'csupt.bell@force.example', ['DCS Bell (Head of Crime)', 'T/D/Ch/Supt Bell']);
  const vaughan = person('Supt Idris Vaughan', 'idris.vaughan@force.example');
  const learning = person('Head of Learning and Development', 'learning@force.example');
  const people = indexPeople([bell, vaughan, learning, person('PC Jo Bell', 'jo.bell@force.example')]);

  it('matches a person by name or alias, ignoring case, spacing and punctuation', () => {
    expect(matchNames('c/supt  BELL', people)).toMatchObject({ ids: [bell.id], unmatched: [] });
    expect(matchNames('DCS Bell (Head of Crime)', people)).toMatchObject({ ids: [bell.id], unmatched: [] });
    expect(matchNames('DCS Bell', people)).toMatchObject({ ids: [bell.id], unmatched: [] });
    expect(matchNames('Idris Vaughan', people)).toMatchObject({ ids: [vaughan.id], unmatched: [] });
  });

  it('matches both owners of a spaced-slash cell and keeps the rank slashes', () => {
    expect(matchNames('T/D/Ch/Supt Bell / Supt Idris Vaughan', people)).toMatchObject({ ids: [bell.id, vaughan.id], unmatched: [] });
  });

  it('lists one person written two ways once', () => {
    expect(matchNames('DCS Bell (Head of Crime) & T/D/Ch/Supt Bell', people).ids).toEqual([bell.id]);
  });

  it('matches a whole name that contains "and" before splitting', () => {
    expect(matchNames('Head of Learning and Development', people).ids).toEqual([learning.id]);
  });

  it('matches a lone surname with an initial only to someone whose first name has that initial', () => {
    const smith = person('Supt John Smith', 'john.smith@force.example');
    const index = indexPeople([smith, vaughan]);
    expect(matchNames('J Smith', index).ids).toEqual([smith.id]);
    expect(matchNames('Insp J. Smith', index).ids).toEqual([smith.id]);
    expect(matchNames('D Smith', index)).toMatchObject({ ids: [], unmatched: ['D Smith'] });
    expect(matchNames('C Smith', index)).toMatchObject({ ids: [], unmatched: ['C Smith'] });
    // A slashed rank's letters are the rank's, not initials.
    expect(matchNames('T/D/Supt Smith', index).ids).toEqual([smith.id]);
  });

  it('matches a name written with or without its accents', () => {
    const sian = person('Supt Siân Ellis-Prydderch', 'sian.ellis@force.example');
    const index = indexPeople([sian, vaughan]);
    expect(matchNames('Sian Ellis-Prydderch', index).ids).toEqual([sian.id]);
    expect(matchNames('Supt Siân Ellis-Prydderch', index).ids).toEqual([sian.id]);
  });

  it('matches an email address written in the cell', () => {
    expect(matchNames('Idris.Vaughan@force.example', people).ids).toEqual([vaughan.id]);
    expect(matchNames('nobody@force.example', people)).toMatchObject({ ids: [], unmatched: ['nobody@force.example'] });
  });

  it('keeps names that match nobody, never inventing a person, and never guesses between two Bells', () => {
    expect(matchNames('Supt Nobody & Supt Idris Vaughan', people)).toMatchObject({ ids: [vaughan.id], unmatched: ['Supt Nobody'] });
    expect(matchNames('Bell', people)).toMatchObject({ ids: [], unmatched: ['Bell'] });
  });
});
