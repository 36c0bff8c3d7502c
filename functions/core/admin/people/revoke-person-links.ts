import { revokeLinks } from '../../links/links.js';
import type { Person } from '../../model/person.js';
import type { AdminActor } from '../actions/admin-change.js';
import { getPersonOrThrow, type PeopleAdminDeps } from './deactivate-person.js';

/** Every personal link the person holds stops working (a lost phone, a forwarded email); audited. */
export async function revokePersonLinks(deps: Pick<PeopleAdminDeps, 'repository' | 'audit' | 'linkTokens'>, actor: AdminActor, personId: string, now: Date): Promise<Person> {
  const person = await getPersonOrThrow(deps.repository, personId);
  await revokeLinks(deps, person.id, now);
  await deps.audit.record({ at: now.toISOString(), by: actor.email, change: 'revoke-links', target: { type: 'person', id: person.id }, before: null, after: { revokedBefore: now.toISOString() } });
  return person;
}
