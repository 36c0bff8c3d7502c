import { describe, expect, it } from 'vitest';
import { importPlan } from '../../functions/core/import/import-plan.js';
import { indexPeople, matchNames } from '../../functions/core/import/match-person.js';
import type { Person } from '../../functions/core/model/person.js';
import { now } from './fixtures.js';

const person = (name: string, local: string): Person => ({
  id: `${local}.at.force.example`, name, role: null, email: `${local}@force.example`, aliases: [], active: true, mailStatus: 'ok',
});

const marsh = person('DCC Marsh', 'marsh');
const amy = person('Amy Smith-Jones', 'amy.smith-jones');
const sean = person("Sean O'Brien", 'sean.obrien');
const tom = person('Tom Jones', 'tom.jones');

describe('matching a double-barrelled surname', () => {
  it('does not take half of it for a surname: "DS Jones" is not Amy Smith-Jones', () => {
    expect(matchNames('DS Jones', indexPeople([marsh, amy, sean]))).toMatchObject({ ids: [], unmatched: ['DS Jones'] });
  });

  it('matches a lone "Jones" to the only person whose surname is Jones, beside a Smith-Jones', () => {
    expect(matchNames('DS Jones', indexPeople([marsh, amy, sean, tom])).ids).toEqual([tom.id]);
  });

  it.each(['DS Smith-Jones', 'Smith Jones', 'A Smith-Jones', 'A Smith Jones', 'Amy Smith Jones', 'DS Amy Smith Jones (Custody)'])(
    'matches %j, with its hyphen or a space, to Amy Smith-Jones',
    (name) => {
      expect(matchNames(name, indexPeople([marsh, amy, sean, tom])).ids).toEqual([amy.id]);
    },
  );

  it('still checks the initial against the first name', () => {
    expect(matchNames('T Smith-Jones', indexPeople([amy, tom]))).toMatchObject({ ids: [], unmatched: ['T Smith-Jones'] });
  });

  it('still reads hyphenated initials as initials', () => {
    const jeanPierre = person('Jean-Pierre Martin', 'jp.martin');
    expect(matchNames('J-P Martin', indexPeople([jeanPierre, tom])).ids).toEqual([jeanPierre.id]);
    expect(matchNames('DS Martin', indexPeople([jeanPierre, tom])).ids).toEqual([jeanPierre.id]);
  });

  it('still ignores a rank written with a hyphen', () => {
    expect(matchNames('Ch-Supt Smith-Jones', indexPeople([amy, tom])).ids).toEqual([amy.id]);
    expect(matchNames('Det-Supt Jones', indexPeople([amy, tom])).ids).toEqual([tom.id]);
  });
});

describe('matching a surname with an apostrophe', () => {
  it.each(["Supt O'Brien", "O'Brien", 'OBrien', 'O’Brien', "S O'Brien", 'Sean O’Brien', 'DCI OBrien'])('matches %j to Sean O’Brien', (name) => {
    expect(matchNames(name, indexPeople([marsh, amy, sean, tom])).ids).toEqual([sean.id]);
  });

  // Plans and directories type the apostrophe as a space as often as they leave it out.
  it.each(['O Neill', "Supt O'Neill", 'Supt O Neill', 'Sean O Neill', 'ONeill'])('matches %j to Sean O’Neill, in the directory with its apostrophe', (name) => {
    expect(matchNames(name, indexPeople([marsh, person("Sean O'Neill", 'sean.oneill'), tom])).ids).toEqual(['sean.oneill.at.force.example']);
  });

  it.each(["O'Neill", 'Supt O’Neill', 'O Neill', 'ONeill'])('matches %j to Sean O Neill, in the directory with a space', (name) => {
    expect(matchNames(name, indexPeople([marsh, person('Sean O Neill', 'sean.oneill'), tom])).ids).toEqual(['sean.oneill.at.force.example']);
  });

  it.each(["D'Arcy", 'D Arcy', 'DArcy'])('matches %j to Kim D’Arcy', (name) => {
    expect(matchNames(name, indexPeople([marsh, person('Kim D’Arcy', 'kim.darcy'), tom])).ids).toEqual(['kim.darcy.at.force.example']);
  });

  it('does not take its first letter for an initial', () => {
    expect(matchNames("T O'Brien", indexPeople([sean, tom]))).toMatchObject({ ids: [], unmatched: ["T O'Brien"] });
  });
});

describe('a cell naming two people whose surnames make a double-barrelled one', () => {
  const paul = person('DS Paul Smith', 'paul.smith');
  const carl = person('DI Carl Jones', 'carl.jones');
  it.each(['DS Smith & DI Jones', 'Smith, Jones', 'Smith and Jones'])('reads %j as the two of them, not as Amy Smith-Jones', (cell) => {
    expect(matchNames(cell, indexPeople([paul, carl, amy])).ids).toEqual([paul.id, carl.id]);
  });

  it('reads a directory\'s "Surname, Forename" as one person, and "Surname, Surname" as two', () => {
    const index = indexPeople([paul, carl, amy]);
    expect(matchNames('Smith, Paul', index)).toMatchObject({ ids: [paul.id], unmatched: [] });
    expect(matchNames('Smith, Jones', index)).toMatchObject({ ids: [paul.id, carl.id], unmatched: [] });
  });

  // A slash without spaces is kept whole for ranks ("C/Supt"), so the cell is one name, which no one has.
  it('leaves "Smith/Jones" for an admin to resolve, not given to Amy Smith-Jones', () => {
    expect(matchNames('Smith/Jones', indexPeople([paul, carl, amy]))).toMatchObject({ ids: [], unmatched: ['Smith/Jones'] });
  });
});

describe('a plan row whose owner is half of a double-barrelled surname', () => {
  it('warns that the owner matches nobody, rather than giving the action to Amy Smith-Jones', () => {
    const plan = importPlan([['Ref', 'Recommendation', 'SRO', 'Plan Owner'], ['R1', 'Review custody', 'DCC Marsh', 'DS Jones']], [marsh, amy, sean], now);
    expect(plan.actions[0]).toMatchObject({ sroId: marsh.id, ownerIds: [], unmatchedNames: ['DS Jones'] });
    expect(plan.problems).toEqual([expect.objectContaining({ row: 2, column: 'Plan Owner', severity: 'warning', message: expect.stringMatching(/^"DS Jones" matches nobody/) })]);
  });
});

describe('a name that two people could be', () => {
  const rowena = person('ACC Rowena Blake', 'rowena.blake');
  const rowenaAgain = { ...person('ACC Rowena Blake', 'rowena.blake2'), id: 'rowena2' };
  const dan = person('DS Dan Blake', 'dan.blake');

  it('says who it could be, rather than that it matches nobody', () => {
    const plan = importPlan([['Ref', 'Recommendation', 'Plan Owner'], ['R1', 'Review custody', 'ACC Blake']], [rowena, rowenaAgain, marsh], now);
    expect(plan.actions[0]).toMatchObject({ ownerIds: [], unmatchedNames: ['ACC Blake'] });
    // Left for applyImport to give, unless the stored action has one of them (keepNamesakes).
    expect([...plan.problems, ...plan.outcomeWarnings.map((w) => w.problem)]).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          '"ACC Blake" could be any of ACC Rowena Blake (rowena.blake@force.example), ACC Rowena Blake (rowena.blake2@force.example); choose who it is on the console\'s import preview, write the name in full, or add this spelling as an alias of the right one in the people file, or accept to keep the name for an admin to resolve',
      }),
    ]);
  });

  it('counts only those whose first name has the initial given', () => {
    const index = indexPeople([rowena, rowenaAgain, dan]);
    expect(index.alike('R Blake')).toEqual([rowena, rowenaAgain]);
    expect(index.alike('D Blake')).toEqual([]);
    expect(index.alike('Jones')).toEqual([]);
  });
});

describe('a name the admin settled on the preview', () => {
  const dan = person('DS Dan Smith', 'dan.smith');
  const jo = person('DI Jo Jones', 'jo.jones');
  const leila = person('Leila Osei', 'leila.osei');
  const twice = person('Leila Osei', 'leila.osei2');

  it('is the chosen person, even where two people have it', () => {
    expect(matchNames('Leila Osei', indexPeople([leila, twice])).ids).toEqual([]);
    expect(matchNames('leila  OSEI', indexPeople([leila, twice], [{ name: 'Leila Osei', personId: leila.id }])).ids).toEqual([leila.id]);
  });

  it('does not take over a cell naming two people whose key reads the same', () => {
    const index = indexPeople([dan, jo, amy], [{ name: 'Smith Jones', personId: amy.id }]);
    expect(matchNames('Smith Jones', index).ids).toEqual([amy.id]);
    for (const cell of ['Smith & Jones', 'Smith; Jones', 'Smith and Jones']) expect(matchNames(cell, index).ids).toEqual([dan.id, jo.id]);
  });
});
