import * as z from '../../zod.js';
import { Person, personIdFromEmail } from '../../model/person.js';
import type { AdminActor, FieldError } from '../actions/admin-change.js';
import { readForm } from '../actions/form-fields.js';
import { normaliseEmail } from '../roles.js';
import type { PeopleAdminDeps } from './deactivate-person.js';

const namesIn = (value: string) => [...new Set(value.split(/[;\n]/).map((name) => name.replace(/\s+/g, ' ').trim()).filter((name) => name !== ''))];
const text = (max: number, tooLong: string) => z.string().check(z.trim(), z.maxLength(max, tooLong));

/** Name and address required, the address nobody's yet (reminders and links find people by it). */
function newPersonSchema(people: readonly Person[]) {
  const holderOf = (address: string) => people.find((p) => normaliseEmail(p.email) === address || p.id === personIdFromEmail(address));
  return z.object({
    name: text(200, 'Name must be 200 characters or fewer').check(z.minLength(1, 'Enter their name, with their rank as the plan writes it')),
    role: text(200, 'Job title must be 200 characters or fewer'),
    email: z.pipe(
      z.string().check(z.trim(), z.toLowerCase(), z.minLength(1, 'Enter their email address')),
      z.email('Enter an email address in the correct format, like name@example.com').check(
        z.maxLength(254, 'Email address must be 254 characters or fewer'),
        z.refine((address) => !holderOf(address), { error: (issue) => `${holderOf(String(issue.input))?.name} already has this address: each person needs their own` }),
      ),
    ),
    aliases: text(2000, 'Other names must be 2,000 characters or fewer in all').check(
      z.refine((value) => namesIn(value).every((alias) => alias.length <= 200), 'Each other name must be 200 characters or fewer'),
    ),
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
  const { name, role, email, aliases } = form.data;
  const person: Person = {
    id: personIdFromEmail(email),
    name: name.replace(/\s+/g, ' '),
    role: role.replace(/\s+/g, ' ') || null,
    email,
    aliases: namesIn(aliases),
    active: true,
    mailStatus: 'ok',
  };
  await deps.repository.putPerson(Person.parse(person));
  await deps.audit.record({ at: now.toISOString(), by: actor.email, change: 'add-person', target: { type: 'person', id: person.id }, before: null, after: person });
  return { ok: true, person };
}
