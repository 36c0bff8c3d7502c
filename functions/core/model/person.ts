import * as z from '../zod.js';

export const mailStatuses = ['ok', 'bounced', 'complained'] as const;
export const MailStatus = z.enum(mailStatuses);
export type MailStatus = z.infer<typeof MailStatus>;

export const PersonId = z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{0,99}$/, 'must be lower-case letters, digits, dots and hyphens'));

export const Person = z.object({
  id: PersonId,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  role: z.nullable(z.string().check(z.maxLength(200))),
  email: z.email(),
  /** Other ways the plan writes this person ("DCS Bell (Head of Crime)"). */
  aliases: z.array(z.string().check(z.minLength(1), z.maxLength(200))),
  active: z.boolean(),
  mailStatus: MailStatus,
});
export type Person = z.infer<typeof Person>;

/**
 * What the console changes of a person in place: not their id, nor their address and its mail status.
 * The repositories parse it before writing, which drops any other key a caller spread in.
 */
export const PersonFields = z.partial(z.pick(Person, { name: true, role: true, aliases: true, active: true }));
export type PersonFields = z.infer<typeof PersonFields>;
/** A new address for someone, checked as the repositories write it. */
export const PersonEmail = z.pick(Person, { email: true });

/**
 * Ids are derived from the email address so that re-importing a directory finds the same people.
 * Characters an id cannot hold ("_", "+", "'"), and a first character it cannot start with ("-"), are
 * written as their bytes in hex, each followed by "..", which no email address contains: so "jo_bloggs"
 * and "jo-bloggs" get ids of their own, every address gets an id PersonId accepts, and other addresses
 * keep the ids they always had, which stored actions refer to.
 */
export function personIdFromEmail(email: string): string {
  return email.trim().toLowerCase().replace(/@/, '.at.').replace(/^[^a-z0-9]|[^a-z0-9.-]/gu, inHex).slice(0, 100);
}

const inHex = (char: string) => [...new TextEncoder().encode(char)].map((byte) => `${byte.toString(16).padStart(2, '0')}..`).join('');
