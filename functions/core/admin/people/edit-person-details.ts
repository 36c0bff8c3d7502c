import * as z from '../../zod.js';
import { NotFoundError } from '../../errors.js';
import type { Person } from '../../model/person.js';
import type { AdminActor } from '../actions/admin-change.js';
import { readForm } from '../actions/form-fields.js';
import { getPersonOrThrow, type PeopleAdminDeps } from './deactivate-person.js';
import { detailsFields, detailsOf, type PersonFormResult } from './person-details.js';

const detailsSchema = z.object(detailsFields);

/**
 * Corrects a person's name, job title or other names: a name written wrongly, or another name matched to
 * the wrong person on an import, which would otherwise give them that name's actions in every later
 * file. Their id and history stay; pages show the new name from now on.
 */
export async function editPersonDetails(
  deps: Pick<PeopleAdminDeps, 'repository' | 'audit'>,
  actor: AdminActor,
  personId: string,
  body: Record<string, unknown>,
  now: Date,
): Promise<PersonFormResult> {
  const person = await getPersonOrThrow(deps.repository, personId);
  const form = readForm(detailsSchema, body);
  if (!form.ok) return { ...form, person };
  const details = detailsOf(form.data);
  const after: Person = { ...person, ...details };
  // These fields alone: a bounce the mail events record meanwhile must stand.
  if (!(await deps.repository.updatePerson(person.id, details))) throw new NotFoundError(`Person ${person.id}`);
  const before = { name: person.name, role: person.role, aliases: person.aliases };
  await deps.audit.record({ at: now.toISOString(), by: actor.email, change: 'edit-person', target: { type: 'person', id: person.id }, before, after: details });
  return { ok: true, person: after };
}
