import type { Person } from '../../model/person.js';
import { writtenKeys } from '../../import/match-person.js';

export interface SharedName {
  /** One of the person's names, as they have it. */
  name: string;
  /** Everyone else in the directory, active or not, known by it too. */
  others: Person[];
}

/**
 * The person's names (their name and other names) that someone else in the directory is also known by
 * as written, which is how the importer first looks a name up: a plan that writes one cannot say which
 * of them it means, and the import leaves it unmatched until an admin chooses on its preview.
 */
export function findSharedNames(person: Person, people: readonly Person[]): SharedName[] {
  const keysOf = (someone: Person) => new Set([someone.name, ...someone.aliases].flatMap(writtenKeys));
  const others = people.filter((other) => other.id !== person.id).map((other) => ({ other, keys: keysOf(other) }));
  return [...new Set([person.name, ...person.aliases])].flatMap((name) => {
    const keys = writtenKeys(name);
    const sharing = others.filter(({ keys: theirs }) => keys.some((key) => theirs.has(key))).map(({ other }) => other);
    return sharing.length > 0 ? [{ name, others: sharing }] : [];
  });
}
