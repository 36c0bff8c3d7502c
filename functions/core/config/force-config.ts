import * as z from '../zod.js';
import { englandAndWalesBankHolidays } from '../calendar/bank-holidays.js';
import { daysInMonth } from '../calendar/local-date.js';
import { checkBoardSummarySchedule, checkRemindersSchedule } from './cron-expression.js';
import { parseOrThrow } from '../validation.js';
import { isKnownZone } from '../calendar/wall-clock.js';

const wholeNumber = (what: string, min: number, max: number, fallback: number) =>
  z._default(
    z
      // "28" in quotes is text to JSON, though it reads as a number to whoever typed it.
      .number({ error: (issue) => (typeof issue.input === 'string' && /^\s*\d+\s*$/.test(issue.input) ? `must be written without quotes, like ${issue.input.trim()}` : `must be a number of ${what} from ${min} to ${max}`) })
      .check(
        z.int(`must be a whole number of ${what}`),
        z.minimum(min, `must be from ${min} to ${max} ${what}`),
        z.maximum(max, `must be from ${min} to ${max} ${what}`),
      ),
    fallback,
  );

const email = z.email({
  error: (issue) => (issue.input === undefined ? 'is missing: add an email address like name@force.police.uk' : `must be an email address like name@force.police.uk (got ${JSON.stringify(issue.input)})`),
});

/** A list of addresses: one written on its own is shown back as a list, which JSON spells with brackets. */
const emailList = z.array(email, {
  error: (issue) =>
    issue.input === undefined ? undefined : `must be a list of email addresses in square brackets, like ${JSON.stringify(typeof issue.input === 'string' ? issue.input.split(/[\s,;]+/).filter(Boolean) : ['name@force.police.uk'])}`,
});

/** A string, with a default, that `problemOf` finds nothing wrong with; its answer is the message. */
const checkedString = (problemOf: (value: string) => string | null, fallback: string) =>
  z._default(
    z.string().check(
      z.superRefine((value, ctx) => {
        const problem = problemOf(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
    fallback,
  );

/** Five-field cron ("minute hour day month weekday"), the form people know; the deploy converts it. */
const defaultSchedules = { reminders: '0 9 * * 1-5', boardSummary: '30 7 1-7 * *' };

/**
 * What is wrong with the zone, if anything. The ones wall-clock.ts knows need no asking: the first Intl
 * call in a process starts ICU (about 12 ms), and each Lambda validates its config at start. Others
 * must be spelt as the IANA database spells them: Intl takes "europe/london" or "GB", but the deploy's
 * scheduler may not.
 */
function timeZoneProblem(value: string): string | null {
  if (isKnownZone(value)) return null;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-GB', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return 'must be an IANA time zone such as "Europe/London"';
  }
  if (canonical === value) return null;
  // Intl reads an abbreviation as some zone ("BST" as Asia/Dhaka, "GMT" as UTC, an hour out in summer): not worth echoing.
  return /^[A-Z]{3,5}$/.test(value)
    ? 'must be an IANA time zone such as "Europe/London" (not an abbreviation like "BST" or "GMT")'
    : `must be spelt as the IANA time zone database spells it: write "${canonical}"`;
}

const timeZone = checkedString(timeZoneProblem, 'Europe/London');

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
/** "2026-12-52", a transposed Christmas, would leave the real one a working day. */
// By arithmetic, not Date: each Lambda checks the whole list at start-up.
const isCalendarDate = (value: string) => {
  const [year = 0, month = 0, day = 0] = value.split('-').map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};
const localDate = z.string().check(
  z.regex(datePattern, 'must be a date written YYYY-MM-DD'),
  z.superRefine((value, ctx) => {
    if (datePattern.test(value) && !isCalendarDate(value)) ctx.addIssue({ code: 'custom', message: `"${value}" is not a date in the calendar; check the month and day` });
  }),
);

/**
 * A list that skips a whole year is a mistyped year ("2208-12-25" for "2028-12-25"): the jobs would
 * run on every bank holiday of the years left out, and the dashboard, reading the list as reaching
 * far ahead, would never say it is running out.
 */
function checkYearsListed(days: string[], ctx: z.core.$RefinementCtx<string[]>): void {
  const years = [...new Set(days.filter((day) => datePattern.test(day)).map((day) => Number(day.slice(0, 4))))].sort((a, b) => a - b);
  const gap = years.findIndex((year, i) => i > 0 && year > years[i - 1]! + 1);
  if (gap === -1) return;
  const [before, after] = [years[gap - 1]!, years[gap]!];
  const skipped = after - before === 2 ? `${before + 1}` : `${before + 1} to ${after - 1}`;
  ctx.addIssue({
    code: 'custom',
    message: `lists days in ${before} and ${after} but none in ${skipped}: check for a mistyped year (such as ${after} for ${before + 1}), and list every bank holiday of each year`,
  });
}

const domainPattern = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const domainName = (example: string) =>
  z.string({ error: `must be a domain name like ${example}` }).check(z.regex(domainPattern, `must be a domain name in lower case, like ${example}`));

/**
 * Where and how the force's stack is deployed. Only `cdk synth`/`cdk deploy` need it (the stack
 * requires it); the local runner and the Lambdas ignore it.
 */
export const DeployConfig = z
  .strictObject(
    {
      account: z
        .string({ error: 'must be the 12-digit AWS account id in quotes, like "123456789012"' })
        .check(z.regex(/^\d{12}$/, 'must be the 12-digit AWS account id in quotes, like "123456789012"')),
      region: z._default(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region like "eu-west-2" (London)')), 'eu-west-2'),
      domainName: z.optional(domainName('actions.northshire.police.uk')),
      certificateArn: z.optional(
        z
          .string()
          .check(
            z.regex(
              /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/,
              'must be the ARN of an ACM certificate, like arn:aws:acm:eu-west-2:123456789012:certificate/…',
            ),
          ),
      ),
      senderDomain: domainName('northshire.police.uk'),
      alarmEmail: email,
    },
    { error: 'must be an object with account, region, senderDomain and alarmEmail, like the one in infra/forces/demo.json' },
  )
  .check(
    z.superRefine((deploy, ctx) => {
      if (deploy.domainName && !deploy.certificateArn) {
        ctx.addIssue({ code: 'custom', path: ['certificateArn'], message: `is needed with domainName: the ARN of an ACM certificate for ${deploy.domainName} in ${deploy.region}` });
      }
      if (deploy.certificateArn && !deploy.domainName) {
        ctx.addIssue({ code: 'custom', path: ['domainName'], message: 'is needed with certificateArn: the domain name the certificate is for' });
      }
      const certificateRegion = deploy.certificateArn?.split(':')[3];
      if (certificateRegion && certificateRegion !== deploy.region) {
        ctx.addIssue({
          code: 'custom',
          path: ['certificateArn'],
          message: `must be a certificate in ${deploy.region}, the deploy region (the API uses a regional certificate), not ${certificateRegion}`,
        });
      }
    }),
  );
export type DeployConfig = z.infer<typeof DeployConfig>;

export const ForceConfig = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,30}$/, 'must be 2 to 31 lower-case letters, digits or hyphens, starting with a letter')),
    name: z.string({ error: 'must be the force name, like "Northshire Police"' }).check(z.minLength(2, 'must be the force name, like "Northshire Police"')),
    baseUrl: z.pipe(
      z
        .url({ protocol: /^https?$/, error: 'must be the address people open, like https://actions.northshire.police.uk' })
        // zod runs this check after a failed z.url too, so it must not throw on what is not a URL.
        .check(z.refine((value) => !URL.canParse(value) || (!new URL(value).search && !new URL(value).hash), 'must not contain a query (?) or fragment (#)')),
      z.transform((value) => value.replace(/\/+$/, '')),
    ),
    sender: email,
    admins: emailList.check(z.minLength(1, 'must list at least one admin email address')),
    board: z._default(emailList, []),
    staleAfterDays: wholeNumber('days', 1, 365, 28),
    remindEveryDays: wholeNumber('days', 1, 90, 7),
    escalateAfterReminders: wholeNumber('reminders', 1, 20, 2),
    linkExpiryDays: wholeNumber('days', 1, 90, 21),
    sendRatePerSecond: wholeNumber('emails per second', 1, 1000, 10),
    schedules: z._default(
      z.strictObject({
        reminders: checkedString(checkRemindersSchedule, defaultSchedules.reminders),
        boardSummary: checkedString(checkBoardSummarySchedule, defaultSchedules.boardSummary),
      }),
      defaultSchedules,
    ),
    /** Attach the board pack (XLSX) to the board summary email; off by default: the pack holds the item text. */
    attachBoardPack: z._default(z.boolean({ error: 'must be true or false' }), false),
    timeZone,
    bankHolidays: z._default(z.array(localDate).check(z.superRefine(checkYearsListed)), [...englandAndWalesBankHolidays]),
    deploy: z.optional(DeployConfig),
  })
  .check(
    z.superRefine((config, ctx) => {
      // Checked here because they tie deploy fields to fields outside the deploy section.
      // Zod runs refinements on fields that already failed: compare only well-formed values.
      if (!config.deploy) return;
      const senderDomain = config.sender.split('@')[1]?.toLowerCase();
      // A sender that is not a plain address has its own message: no domain to compare.
      if (domainPattern.test(config.deploy.senderDomain) && senderDomain && domainPattern.test(senderDomain) && senderDomain !== config.deploy.senderDomain) {
        ctx.addIssue({ code: 'custom', path: ['deploy', 'senderDomain'], message: `must be the domain of sender (${senderDomain}): SES sends as ${config.sender}` });
      }
      const domain = config.deploy.domainName;
      if (domain && domainPattern.test(domain) && URL.canParse(config.baseUrl) && new URL(config.baseUrl).origin !== `https://${domain}`) {
        ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: `must be https://${domain}, the deploy domainName, so that links in emails open the deployed app` });
      }
    }),
  );
export type ForceConfig = z.infer<typeof ForceConfig>;

/** What each function is handed: the config without its deploy section, which only `cdk` reads. */
export function runtimeConfigOf(config: ForceConfig): Omit<ForceConfig, 'deploy'> {
  const { deploy: _deploy, ...runtime } = config;
  return runtime;
}

/** Validates a force config; the error names each bad field and what to write instead. */
export function parseForceConfig(input: unknown, source: string): ForceConfig {
  return parseOrThrow(ForceConfig, input, `Force config ${source} is not valid`);
}
