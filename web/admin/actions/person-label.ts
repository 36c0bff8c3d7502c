import { nameOnOwnerPages } from '../../../functions/core/model/owner-names.js';
import type { Person } from '../../../functions/core/model/person.js';

/**
 * Someone an action names, as the console's pages and forms show them now: marked when they have left,
 * and by the id the action keeps when the directory does not hold them. The history names people plainly:
 * it records what was, not who has left since.
 */
export function personLabel(id: string, directory: ReadonlyMap<string, Person>): string {
  const person = directory.get(id);
  // An admin may see the id an owner's page never shows: it tells them whom to look for.
  return person ? nameOnOwnerPages(person) : `${id} (not in the people directory)`;
}
