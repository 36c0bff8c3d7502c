import * as z from '../../zod.js';
import { Person, personIdFromEmail } from '../../model/person.js';
import type { AdminActor, FieldError } from '../actions/admin-change.js';
import { readForm } from '../actions/form-fields.js';
import { addressField, detailsFields, detailsOf, notTaken } from './person-details.js';
import type { PeopleAdminDeps } from './deactivate-person.js';

/** Name and address required, the address nobody's yet (reminders and links find people by it). */
function newPersonSchema(people: readonly Person[]) {
  return z.object({
    name: detailsFields.name,
    role: detailsFields.role,
    email: addressField('Enter their email address', notTaken(people)),
    aliases: detailsFields.aliases,
  });
}

/**
 * Adds someone to the directory from the console, so that an action can be given to a new owner or SRO
 * without uploading the people file (and the whole plan with it). Other names are separated by ";", as
 * in the people file.
 */
export async function addPerson(
  deps: Pick<PeopleAdminDeps, 'repository' | 'audit'>,
  actor: AdminActor,
  body: Record<string, unknown>,
  now: Date,
): Promise<{ ok: true; person: Person } | { ok: false; errors: FieldError[] }> {
  const form = readForm(newPersonSchema(await deps.repository.listPeople()), body);
  if (!form.ok) return form;
  const { email } = form.data;
  const person: Person = { id: personIdFromEmail(email), ...detailsOf(form.data), email, active: true, mailStatus: 'ok' };
  await deps.repository.putPerson(Person.parse(person));
  await deps.audit.record({ at: now.toISOString(), by: actor.email, change: 'add-person', target: { type: 'person', id: person.id }, before: null, after: person });
  return { ok: true, person };
}
