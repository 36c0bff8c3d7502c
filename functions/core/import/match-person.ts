import type { Person } from '../model/person.js';
import { normaliseWords } from './cells.js';
import { splitOwners } from './split-owners.js';

/** Rank and role words that plans put before names ("T/D/Ch/Supt", "A/FCFO", "C/I"). */
const rankWords = new Set(
  ('a t d c ch acting temporary det detective chief supt superintendent insp inspector sgt sergeant pc dc ps ds di dci dcs ' +
    'ci cc acc dcc aco dco fcfo cfo mr mrs ms miss dr head of').split(' '),
);

const withoutBrackets = (name: string) => name.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
const withoutRanks = (words: string) => words.split(' ').filter((word) => !rankWords.has(word)).join(' ');

export interface PersonIndex {
  find(name: string): Person | null;
}

/**
 * Looks names up by each person's name and aliases, loosely: first as written (ignoring case, spacing
 * and punctuation), then without bracketed roles, then without ranks, the last only when exactly one
 * person fits, so that "Bell" never picks one of two Bells.
 */
export function indexPeople(people: readonly Person[]): PersonIndex {
  const exact = new Map<string, Person | null>();
  const loose = new Map<string, Person | null>();
  const surnames = new Map<string, Person | null>();
  const remember = (map: Map<string, Person | null>, key: string, person: Person) => {
    if (!key) return;
    const known = map.get(key);
    map.set(key, known === undefined || known?.id === person.id ? person : null);
  };
  for (const person of people) {
    for (const name of [person.name, ...person.aliases]) {
      remember(exact, normaliseWords(name), person);
      remember(exact, normaliseWords(withoutBrackets(name)), person);
      const bare = withoutRanks(normaliseWords(withoutBrackets(name)));
      remember(loose, bare, person);
      remember(surnames, bare.split(' ').pop() ?? '', person);
    }
  }
  return {
    find(name) {
      const words = normaliseWords(name);
      const bare = normaliseWords(withoutBrackets(name));
      const rankless = withoutRanks(bare);
      // A lone surname ("Bell") is looked up among everyone's surnames, so two Bells make it ambiguous.
      const looseMatch = rankless.includes(' ') ? loose.get(rankless) : surnames.get(rankless);
      return exact.get(words) ?? exact.get(bare) ?? looseMatch ?? null;
    },
  };
}

export interface MatchedNames {
  /** Matched people in the order written, each once. */
  ids: string[];
  /** Names that matched nobody, as written. */
  unmatched: string[];
}

/** Matches a whole cell first (a name may contain "and"), then each of the names it splits into. */
export function matchNames(cell: string, index: PersonIndex): MatchedNames {
  const whole = cell.trim() ? index.find(cell) : null;
  const names = whole ? [cell] : splitOwners(cell);
  const ids: string[] = [];
  const unmatched: string[] = [];
  for (const name of names) {
    const person = whole ?? index.find(name);
    if (!person) unmatched.push(name.replace(/\s+/g, ' ').trim());
    else if (!ids.includes(person.id)) ids.push(person.id);
  }
  return { ids, unmatched };
}
