import { personIdFromEmail, type Person } from '../model/person.js';
import type { Repository } from '../ports.js';
import { normaliseEmail } from './roles.js';

/**
 * What the directory holds for an address: `current`, the entry with that address now; and `first`,
 * the entry first made for it (ids derive from first addresses), whatever its address is now. Usually
 * one read: the listing only when the address is not the one its entry was made with.
 */
async function directoryEntriesFor(repository: Repository, email: string): Promise<{ current: Person | null; first: Person | null }> {
  const address = normaliseEmail(email);
  const first = await repository.getPerson(personIdFromEmail(address));
  if (first && normaliseEmail(first.email) === address) return { current: first, first };
  return { current: personWithAddress(await repository.listPeople(), address), first };
}

/** The entries in a listing of the directory that have this address now: one, unless a leaver's entry kept it. */
export function peopleWithAddress(people: readonly Person[], email: string): Person[] {
  const address = normaliseEmail(email);
  return people.filter((p) => normaliseEmail(p.email) === address);
}

/** The entry in a listing of the directory that has this address now, an active one first. */
export function personWithAddress(people: readonly Person[], email: string): Person | null {
  const holders = peopleWithAddress(people, email);
  return holders.find((p) => p.active) ?? holders[0] ?? null;
}

/** The directory entry for an address. */
export async function findPersonByEmail(repository: Repository, email: string): Promise<Person | null> {
  return (await directoryEntriesFor(repository, email)).current;
}

/**
 * Whether an address belongs to someone who has left: its entry, or the entry first made for it, since
 * corrected to another address. Console access is granted by address, so a leaver whose address was
 * changed must not sign in with the old one.
 */
const leftBy = ({ current, first }: { current: Person | null; first: Person | null }) => current?.active === false || first?.active === false;

/** The entry for an address, and whether it belongs to someone who has left (`leftBy`). */
export async function findSignInPerson(repository: Repository, email: string): Promise<{ person: Person | null; hasLeft: boolean }> {
  const entries = await directoryEntriesFor(repository, email);
  return { person: entries.current, hasLeft: leftBy(entries) };
}

/**
 * The config's addresses (admins, board) but for those of people who have left, as the directory
 * says (`leftBy`): the console refuses them, and nothing more is emailed to them.
 */
export function withoutLeavers(people: readonly Person[], addresses: readonly string[]): string[] {
  return addresses.filter((address) => !leftBy({ current: personWithAddress(people, address), first: people.find((p) => p.id === personIdFromEmail(normaliseEmail(address))) ?? null }));
}
