import * as z from '../../zod.js';
import { NotFoundError } from '../../errors.js';
import { revokeLinks } from '../../links/links.js';
import type { Person } from '../../model/person.js';
import type { AdminActor } from '../actions/admin-change.js';
import { readForm } from '../actions/form-fields.js';
import { normaliseEmail } from '../roles.js';
import { getPersonOrThrow, type PeopleAdminDeps } from './deactivate-person.js';
import { addressField, notTaken, type PersonFormResult } from './person-details.js';

/** The new address: a real one, not theirs already, and nobody else's (reminders and links find people by address). */
function emailFormSchema(person: Person, people: readonly Person[]) {
  return z.object({
    email: addressField(
      'Enter their new email address',
      z.refine((address) => address !== normaliseEmail(person.email), `${person.name} already has this address: enter the new one`),
      notTaken(people, person.id),
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
): Promise<PersonFormResult> {
  const person = await getPersonOrThrow(deps.repository, personId);
  const form = readForm(emailFormSchema(person, await deps.repository.listPeople()), body);
  if (!form.ok) return { ...form, person };
  await revokeLinks(deps, person.id, now);
  // Console sessions belong to an address: those started with the old one end with it.
  await deps.sessions.revokeBefore(person.email, now.toISOString());
  // The address alone: a deactivation or an edit another admin saved meanwhile stands.
  if (!(await deps.repository.setEmail(person.id, form.data.email))) throw new NotFoundError(`Person ${person.id}`);
  const after = await getPersonOrThrow(deps.repository, person.id);
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
