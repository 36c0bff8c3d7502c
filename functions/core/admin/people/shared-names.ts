import type { Person } from '../../model/person.js';
import { writtenKey } from '../../import/match-person.js';

export interface SharedName {
  /** One of the person's names, as they have it. */
  name: string;
  /** Everyone else in the directory, active or not, known by it too. */
  others: Person[];
}

/**
 * The person's names (their name and other names) that someone else in the directory is also known by,
 * as the importer reads names: a plan that writes one cannot say which of them it means, and the
 * import leaves it unmatched until an admin chooses on its preview.
 */
export function findSharedNames(person: Person, people: readonly Person[]): SharedName[] {
  const others = people.filter((other) => other.id !== person.id);
  const keysOf = new Map(others.map((other) => [other.id, new Set([other.name, ...other.aliases].map(writtenKey))]));
  return [...new Set([person.name, ...person.aliases])].flatMap((name) => {
    const key = writtenKey(name);
    const sharing = others.filter((other) => keysOf.get(other.id)!.has(key));
    return sharing.length > 0 ? [{ name, others: sharing }] : [];
  });
}
