import { Cron } from 'croner';
import { z } from 'zod';
import { englandAndWalesBankHolidays } from '../calendar/bank-holidays.js';
import { parseOrThrow } from '../validation.js';

const wholeNumber = (what: string, min: number, max: number, fallback: number) =>
  z
    .number({ error: `must be a number of ${what} from ${min} to ${max}` })
    .int(`must be a whole number of ${what}`)
    .min(min, `must be from ${min} to ${max} ${what}`)
    .max(max, `must be from ${min} to ${max} ${what}`)
    .default(fallback);

const email = z.email({ error: (issue) => `must be an email address like name@force.police.uk (got ${JSON.stringify(issue.input)})` });

/** Five-field cron ("minute hour day month weekday"), the form people know; the deploy converts it. */
const cronExpression = (fallback: string) =>
  z
    .string()
    .superRefine((value, ctx) => {
      if (value.trim().split(/\s+/).length !== 5) {
        ctx.addIssue({ code: 'custom', message: 'must be a cron expression with five fields, like "0 9 * * 1-5"' });
        return;
      }
      try {
        new Cron(value, { paused: true });
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not a cron expression that can be read: check each of its five fields' });
      }
    })
    .default(fallback);

const timeZone = z
  .string()
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as "Europe/London"')
  .default('Europe/London');

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const ForceConfig = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, 'must be 2 to 31 lower-case letters, digits or hyphens, starting with a letter'),
  name: z.string({ error: 'must be the force name, like "Northshire Police"' }).min(2, 'must be the force name, like "Northshire Police"'),
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be the address people open, like https://actions.northshire.police.uk' })
    .refine((value) => !new URL(value).search && !new URL(value).hash, 'must not contain a query (?) or fragment (#)')
    .transform((value) => value.replace(/\/+$/, '')),
  sender: email,
  admins: z.array(email).min(1, 'must list at least one admin email address'),
  board: z.array(email).default([]),
  staleAfterDays: wholeNumber('days', 1, 365, 28),
  remindEveryDays: wholeNumber('days', 1, 90, 7),
  escalateAfterReminders: wholeNumber('reminders', 1, 20, 2),
  linkExpiryDays: wholeNumber('days', 1, 90, 21),
  sendRatePerSecond: wholeNumber('emails per second', 1, 1000, 10),
  schedules: z
    .strictObject({
      reminders: cronExpression('0 9 * * 1-5'),
      boardSummary: cronExpression('30 7 1-7 * *'),
    })
    .default({ reminders: '0 9 * * 1-5', boardSummary: '30 7 1-7 * *' }),
  timeZone,
  bankHolidays: z.array(localDate).default([...englandAndWalesBankHolidays]),
});
export type ForceConfig = z.infer<typeof ForceConfig>;

/** Validates a force config; the error names each bad field and what to write instead. */
export function parseForceConfig(input: unknown, source: string): ForceConfig {
  return parseOrThrow(ForceConfig, input, `Force config ${source} is not valid`);
}
