import * as z from 'zod';

export const mailStatuses = ['ok', 'bounced', 'complained'] as const;
export const MailStatus = z.enum(mailStatuses);
export type MailStatus = z.infer<typeof MailStatus>;

export const PersonId = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,99}$/, 'must be lower-case letters, digits, dots and hyphens');

export const Person = z.object({
  id: PersonId,
  name: z.string().min(1).max(200),
  role: z.string().max(200).nullable(),
  email: z.email(),
  /** Other ways the plan writes this person ("DCS Bell (Head of Crime)"). */
  aliases: z.array(z.string().min(1).max(200)),
  active: z.boolean(),
  mailStatus: MailStatus,
});
export type Person = z.infer<typeof Person>;

/** Ids are derived from the email address so that re-importing a directory finds the same people. */
export function personIdFromEmail(email: string): string {
  return email.trim().toLowerCase().replace(/@/, '.at.').replace(/[^a-z0-9.-]/g, '-').slice(0, 100);
}
