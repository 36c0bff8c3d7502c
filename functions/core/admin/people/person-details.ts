import * as z from '../../zod.js';
import { personIdFromEmail, type Person } from '../../model/person.js';
import { namesIn } from '../../import/import-people.js';
import { normaliseEmail } from '../roles.js';
import type { FieldError } from '../actions/admin-change.js';

const text = (max: number, tooLong: string) => z.string().check(z.trim(), z.maxLength(max, tooLong));

/** What a form about one person answers: the person as saved, or as they were with the form's problems. */
export type PersonFormResult = { ok: true; person: Person } | { ok: false; person: Person; errors: FieldError[] };

/** The fields an admin types for a person, other than the address, with GOV.UK messages. */
export const detailsFields = {
  name: text(200, 'Name must be 200 characters or fewer').check(z.minLength(1, 'Enter their name, with their rank as the plan writes it')),
  role: text(200, 'Job title must be 200 characters or fewer'),
  aliases: text(2000, 'Other names must be 2,000 characters or fewer in all').check(
    z.refine((value) => namesIn(value).every((alias) => alias.length <= 200), 'Each other name must be 200 characters or fewer'),
  ),
};

/**
 * An address an admin types for someone: trimmed, lower-case, a real one, and whatever else the form
 * asks (`checks`: not taken by anyone else, not the same as before).
 */
export function addressField(whenEmpty: string, ...checks: Array<z.core.$ZodCheck<string>>) {
  return z.pipe(
    z.string().check(z.trim(), z.toLowerCase(), z.minLength(1, whenEmpty)),
    z.email('Enter an email address in the correct format, like name@example.com').check(z.maxLength(254, 'Email address must be 254 characters or fewer'), ...checks),
  );
}

/**
 * No one else in the directory has the address (reminders and links find people by it), nor the id a
 * new person would be given from it.
 */
export function notTaken(people: readonly Person[], exceptId: string | null = null) {
  const holderOf = (address: string) => people.find((p) => p.id !== exceptId && (normaliseEmail(p.email) === address || p.id === personIdFromEmail(address)));
  return z.refine<string>((address) => !holderOf(address), { error: (issue) => `${holderOf(String(issue.input))?.name} already has this address: each person needs their own` });
}

/** The details as stored: spaces tidied, no job title as null, other names as a list. */
export function detailsOf(form: { name: string; role: string; aliases: string }): Pick<Person, 'name' | 'role' | 'aliases'> {
  return { name: form.name.replace(/\s+/g, ' '), role: form.role.replace(/\s+/g, ' ') || null, aliases: namesIn(form.aliases) };
}

/** The details as the form shows them, to correct. */
export const detailsValues = (person: Person): Record<string, string> => ({ name: person.name, role: person.role ?? '', aliases: person.aliases.join('; ') });
