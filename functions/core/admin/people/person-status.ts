import type { Person } from '../../model/person.js';
import type { AdminActor } from '../actions/admin-change.js';
import { getPersonOrThrow, type PeopleAdminDeps } from './deactivate-person.js';

type StatusDeps = Pick<PeopleAdminDeps, 'repository' | 'audit'>;

/**
 * Sets one of a person's states and audits it; writes nothing when it is already so (a form sent twice).
 * `write` sets that one field alone, so that a bounce the mail-events function records meanwhile is not
 * overwritten by this copy of the person; when it finds the person changed, the page shows them as they are.
 */
async function setPersonState<K extends 'mailStatus' | 'active'>(
  deps: StatusDeps,
  actor: AdminActor,
  personId: string,
  change: string,
  key: K,
  value: Person[K],
  write: (person: Person) => Promise<boolean>,
  now: Date,
): Promise<Person> {
  const person = await getPersonOrThrow(deps.repository, personId);
  if (person[key] === value) return person;
  if (!(await write(person))) return getPersonOrThrow(deps.repository, personId);
  await deps.audit.record({ at: now.toISOString(), by: actor.email, change, target: { type: 'person', id: person.id }, before: { [key]: person[key] }, after: { [key]: value } });
  return { ...person, [key]: value };
}

/**
 * After a bounce or complaint the reminder job skips the address; once the mailbox is fixed (or the
 * complaint withdrawn) an admin marks it working again.
 */
export const markMailOk = (deps: StatusDeps, actor: AdminActor, personId: string, now: Date): Promise<Person> =>
  setPersonState(deps, actor, personId, 'mark-mail-ok', 'mailStatus', 'ok', (p) => deps.repository.markMailStatus(p.id, p.email, 'ok', [p.mailStatus]), now);

/**
 * Someone deactivated by mistake, or back from leave: they can be given actions and sent reminders
 * again. What moved when they left stays where it went, since others may have updated it since: the
 * admin gives back what should come back, action by action, and whoever gains one is emailed then.
 */
export const reactivatePerson = (deps: StatusDeps, actor: AdminActor, personId: string, now: Date): Promise<Person> =>
  setPersonState(deps, actor, personId, 'reactivate-person', 'active', true, (p) => deps.repository.updatePerson(p.id, { active: true }), now);
