import type { Person } from '../model/person.js';
import { normaliseName } from './cells.js';
import { splitOwners } from './split-owners.js';

/** Rank and role words that plans put before names. */
const rankWords = new Set(
  ('ch acting temporary det detective chief supt superintendent insp inspector sgt sergeant pc dc ps ds di dci dcs ' +
    'ci cc acc dcc aco dco fcfo cfo mr mrs ms miss dr head of').split(' '),
);

const withoutBrackets = (name: string) => name.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
/** "T/D/Ch/Supt", "A/FCFO", "C/I": ranks joined by slashes, their letters (T, D, A, C, I) included. */
const withoutSlashedRanks = (name: string) =>
  name.replace(/\b[a-z]{1,5}(?:\/[a-z]{1,5})+\b/gi, (joined) => (joined.split('/').every((part) => part.length === 1 || rankWords.has(part.toLowerCase())) ? ' ' : joined));

/** "Ch-Supt" is a rank as much as "Ch Supt" is. */
const isRank = (word: string) => word.split('-').every((part) => rankWords.has(part));

/**
 * A name's words without ranks or brackets, a double-barrelled surname one word ("smith-jones").
 * Letters on their own are initials: a slashed rank's went with it.
 */
const nameTokens = (name: string): string[] =>
  normaliseName(withoutSlashedRanks(withoutBrackets(name)))
    .split(' ')
    .filter((word) => word && !isRank(word));

/** Letters, and what a name's words are parted by: spaces, hyphens, apostrophes and the dots of initials. */
const surnameLike = /^[\p{L}\p{M}\s'‘’ʼ.-]*$/u;

/**
 * "O Neill", "D Arcy": an apostrophe typed as a space, which leaves its letter to be read as an initial.
 * Names are looked up as written first, so "D Smith" is still an initial and a surname.
 */
const closeApostropheGap = (name: string) => name.replace(/(?<!\p{L})([od])\s+(?=\p{L}{2})/giu, '$1');

/** Words as looked up: plans spell "Smith-Jones" as "Smith Jones" too. */
const keyOf = (words: readonly string[]) => words.join(' ').replace(/-/g, ' ');
const writtenKey = (name: string) => keyOf([normaliseName(name)]);

/**
 * The keys a name is found by as written (case, spacing, punctuation and bracketed roles aside, an
 * apostrophe typed as a space closed): two people who share one cannot be told apart by that name.
 */
export function writtenKeys(name: string): string[] {
  return [...new Set([name, closeApostropheGap(name)].flatMap((n) => [writtenKey(n), writtenKey(withoutBrackets(n))]))].filter(Boolean);
}

/** The initials in a name ("D Smith") apart from its other words. */
function nameParts(name: string): { initials: string[]; words: string[] } {
  const tokens = nameTokens(name);
  return { initials: tokens.filter((word) => word.length === 1), words: tokens.filter((word) => word.length > 1) };
}

/** A name as the plan writes it and the person an admin said it is (the console's import preview). */
export interface SettledName {
  name: string;
  personId: string;
}

export interface PersonIndex {
  /**
   * `cell`: the name is a whole cell, which may hold several people's names: its words are never taken
   * for one double-barrelled surname ("DS Smith & DI Jones" is not Amy Smith-Jones).
   */
  find(name: string, as?: 'name' | 'cell'): Person | null;
  /** Who a name that found nobody could be, when more than one person has its surname (and initial): none otherwise. */
  alike(name: string): Person[];
  /**
   * Who has a name that found nobody, when two or more people do (namesakes, or someone added twice):
   * those it would find were each the only one in the directory. None otherwise.
   */
  namesakes(name: string): Person[];
}

/**
 * Looks names up by each person's email, name and aliases, loosely: first as written (ignoring case,
 * spacing and punctuation), then without bracketed roles, then without ranks and initials, the last
 * only when exactly one person fits, so that "Bell" never picks one of two Bells, and a surname with
 * an initial ("D Smith") only someone whose first name has it. A double-barrelled surname is looked up
 * whole: "Jones" is not Amy Smith-Jones.
 */
export function indexPeople(people: readonly Person[], settled: readonly SettledName[] = []): PersonIndex {
  const emails = new Map(people.map((person) => [person.email.toLowerCase(), person]));
  const exact = new Map<string, Person | null>();
  const loose = new Map<string, Person | null>();
  const surnames = new Map<string, Person | null>();
  const everyoneBySurname = new Map<string, Person[]>();
  const remember = (map: Map<string, Person | null>, key: string, person: Person) => {
    if (!key) return;
    const known = map.get(key);
    map.set(key, known === undefined || known?.id === person.id ? person : null);
  };
  for (const person of people) {
    for (const name of new Set([person.name, ...person.aliases].flatMap((n) => [n, closeApostropheGap(n)]))) {
      remember(exact, writtenKey(name), person);
      remember(exact, writtenKey(withoutBrackets(name)), person);
      const { words } = nameParts(name);
      remember(loose, keyOf(words), person);
      remember(surnames, keyOf(words.slice(-1)), person);
      const sharing = everyoneBySurname.get(keyOf(words.slice(-1))) ?? [];
      if (!sharing.includes(person)) everyoneBySurname.set(keyOf(words.slice(-1)), [...sharing, person]);
    }
  }
  // A name the admin matched on the preview is that person's even where two people share it (namesakes,
  // or someone added twice), which their other names alone would leave shared.
  const byId = new Map(people.map((person) => [person.id, person]));
  const chosen = new Map(settled.flatMap(({ name, personId }) => (byId.has(personId) ? [[writtenKey(name), byId.get(personId)!] as const] : [])));
  const firstInitial = (person: Person) => nameTokens(person.name)[0]?.[0];
  // Each person's own index, built when first asked for: whom a name would find, were they alone.
  const indexOfOne = new Map<Person, PersonIndex>();
  const alone = (person: Person) => indexOfOne.get(person) ?? indexOfOne.set(person, indexPeople([person])).get(person)!;
  const lookUp = (name: string, as: 'name' | 'cell'): Person | null => {
    const asWritten = exact.get(writtenKey(name)) ?? exact.get(writtenKey(withoutBrackets(name)));
    if (asWritten) return asWritten;
    const { initials, words } = nameParts(name);
    // Words parted by anything but spaces and hyphens ("Smith/Jones") are no one surname.
    if (words.length > 1 && (loose.has(keyOf(words)) || as === 'cell' || !surnameLike.test(withoutSlashedRanks(withoutBrackets(name))))) return loose.get(keyOf(words)) ?? null;
    // A lone surname, or a double-barrelled one written with a space ("Smith Jones"), is looked up
    // among everyone's surnames, so two Bells make it ambiguous.
    const bySurname = surnames.get(keyOf(words)) ?? null;
    return bySurname && (initials.length === 0 || firstInitial(bySurname) === initials[0]) ? bySurname : null;
  };
  return {
    find(name, as = 'name') {
      if (name.includes('@')) return emails.get(name.trim().toLowerCase()) ?? null;
      // Not for a cell of several names: its key drops the "&" or ";" between them ("Smith & Jones").
      const settledAs = (as === 'name' || splitOwners(name).length < 2) && chosen.get(writtenKey(name));
      if (settledAs) return settledAs;
      const closed = closeApostropheGap(name);
      return lookUp(name, as) ?? (closed === name ? null : lookUp(closed, as));
    },
    alike(name) {
      const { initials, words } = nameParts(name);
      const fits = (everyoneBySurname.get(keyOf(words.slice(-1))) ?? []).filter((person) => initials.length === 0 || firstInitial(person) === initials[0]);
      return fits.length > 1 ? fits : [];
    },
    namesakes(name) {
      // Whoever a name finds has its last word as a surname, or all its words (a double-barrelled one
      // written with a space): only they are tried, each as the directory would find them.
      const surnames = [name, closeApostropheGap(name)].flatMap((n) => {
        const { words } = nameParts(n);
        return [keyOf(words.slice(-1)), keyOf(words)];
      });
      const tried = new Set(surnames.flatMap((surname) => everyoneBySurname.get(surname) ?? []));
      const having = [...tried].filter((person) => alone(person).find(name));
      return having.length > 1 ? having : [];
    },
  };
}

export interface MatchedNames {
  /** Matched people in the order written, each once. */
  ids: string[];
  /** Names that matched nobody, as written. */
  unmatched: string[];
  /** Those of `unmatched` that two or more people have, with who they could be. */
  shared: SharedName[];
}

/** A name two or more people have, which a stored action holding one of them settles (keepNamesakes). */
export interface SharedName {
  name: string;
  /** Who it could be. */
  ids: string[];
  /** How many of the cell's matched people come before it: where it stands among `ids` once settled. */
  at: number;
}

/** Who a name could be, for a message: "ACC Rowena Blake (rowena.blake@…)", each with the address that tells them apart. */
export const describeAlike = (people: readonly Person[]): string => people.map((person) => `${person.name} (${person.email})`).join(', ');

/** "Smith, Paul", as directories and HR exports write a name. */
const surnameFirst = /^([^,]+),([^,]+)$/;

/**
 * Matches a whole cell first (a name may contain "and"; "Smith, Paul" is one person when someone is
 * called Paul Smith, and one name, "Paul Smith", to ask about when two people are), then each of the
 * names it splits into.
 */
export function matchNames(cell: string, index: PersonIndex): MatchedNames {
  const reversed = surnameFirst.exec(cell);
  const turned = reversed ? `${reversed[2]} ${reversed[1]}` : null;
  const whole = cell.trim() ? (index.find(cell, 'cell') ?? (turned ? index.find(turned, 'cell') : null)) : null;
  const split = splitOwners(cell);
  // Split, "Evans, Chris" would be asked about as an Evans and a Chris, and the answers kept as aliases.
  // A cell whose names all match is those people: namesakes, slower to look for, are not looked for.
  const names = whole ? [cell] : turned && split.some((name) => !index.find(name)) && index.namesakes(turned).length > 0 ? [turned] : split;
  const ids: string[] = [];
  const unmatched: string[] = [];
  const shared: SharedName[] = [];
  for (const name of names) {
    const person = whole ?? index.find(name);
    if (person) {
      if (!ids.includes(person.id)) ids.push(person.id);
      continue;
    }
    const written = name.replace(/\s+/g, ' ').trim();
    const namesakes = index.namesakes(name);
    unmatched.push(written);
    if (namesakes.length > 0) shared.push({ name: written, ids: namesakes.map((p) => p.id), at: ids.length });
  }
  return { ids, unmatched, shared };
}
