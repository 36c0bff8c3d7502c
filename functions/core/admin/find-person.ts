import { personIdFromEmail, type Person } from '../model/person.js';
import type { Repository } from '../ports.js';
import { normaliseEmail } from './roles.js';

/** The directory entry for an address: ids derive from addresses, so usually one read; else the listing. */
export async function findPersonByEmail(repository: Repository, email: string): Promise<Person | null> {
  const address = normaliseEmail(email);
  const direct = await repository.getPerson(personIdFromEmail(address));
  if (direct && normaliseEmail(direct.email) === address) return direct;
  return (await repository.listPeople()).find((p) => normaliseEmail(p.email) === address) ?? null;
}

/**
 * Whether the address belongs to someone who has left: its directory entry, or the entry first made
 * for it (ids derive from first addresses), since corrected to another address. Console access is
 * granted by address, so a leaver whose address was changed must not sign in with the old one.
 */
export async function addressHasLeft(repository: Repository, email: string): Promise<boolean> {
  const person = await findPersonByEmail(repository, email);
  if (person && !person.active) return true;
  return (await repository.getPerson(personIdFromEmail(normaliseEmail(email))))?.active === false;
}
