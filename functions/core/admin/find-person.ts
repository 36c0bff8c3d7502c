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
