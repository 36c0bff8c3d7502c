import * as z from '../../zod.js';
import { revokeLinks } from '../../links/links.js';
import type { Person } from '../../model/person.js';
import type { AdminActor, FieldError } from '../actions/admin-change.js';
import { readForm } from '../actions/form-fields.js';
import { normaliseEmail } from '../roles.js';
import { getPersonOrThrow, type PeopleAdminDeps } from './deactivate-person.js';

/** The new address: a real one, not theirs already, and nobody else's (reminders and links find people by address). */
function emailFormSchema(person: Person, people: readonly Person[]) {
  const holderOf = (address: string) => people.find((p) => p.id !== person.id && normaliseEmail(p.email) === address);
  return z.object({
    email: z.pipe(
      z.string().check(z.trim(), z.toLowerCase(), z.minLength(1, 'Enter their new email address')),
      z.email('Enter an email address in the correct format, like name@example.com').check(
        z.maxLength(254, 'Email address must be 254 characters or fewer'),
        z.refine((address) => address !== normaliseEmail(person.email), `${person.name} already has this address: enter the new one`),
        z.refine((address) => !holderOf(address), { error: (issue) => `${holderOf(String(issue.input))?.name} already has this address: each person needs their own` }),
      ),
    ),
  });
}

/**
 * Corrects a wrong or bounced address. The id stays (actions refer to it, though it was derived from the
 * old address); the mail status starts again as working, since the bounce was the old address's. Links
 * already sent went to the old address, which may be someone else's, so they stop working first, and
 * console sessions started with it end.
 */
export async function changePersonEmail(
  deps: Pick<PeopleAdminDeps, 'repository' | 'audit' | 'linkTokens' | 'sessions'>,
  actor: AdminActor,
  personId: string,
  body: Record<string, unknown>,
  now: Date,
): Promise<{ ok: true; person: Person } | { ok: false; person: Person; errors: FieldError[] }> {
  const person = await getPersonOrThrow(deps.repository, personId);
  const form = readForm(emailFormSchema(person, await deps.repository.listPeople()), body);
  if (!form.ok) return { ...form, person };
  await revokeLinks(deps, person.id, now);
  // Console sessions belong to an address: those started with the old one end with it.
  await deps.sessions.revokeBefore(person.email, now.toISOString());
  const after: Person = { ...person, email: form.data.email, mailStatus: 'ok' };
  await deps.repository.putPerson(after);
  await deps.audit.record({
    at: now.toISOString(),
    by: actor.email,
    change: 'change-person-email',
    target: { type: 'person', id: person.id },
    before: { email: person.email, mailStatus: person.mailStatus },
    after: { email: after.email, mailStatus: after.mailStatus },
  });
  return { ok: true, person: after };
}
