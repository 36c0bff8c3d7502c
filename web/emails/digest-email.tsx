import type { Child } from 'hono/jsx';
import type { DigestEmailInput } from '../../functions/core/reminders/deliver-digest.js';
import { partsOf, type DigestLine, type EscalationDigest, type ReminderDigest } from '../../functions/core/reminders/reminder-plan.js';
import { DigestTable } from './digest-table.js';
import { ageText } from '../../functions/core/reminders/line-words.js';
import {
  escalationSubject,
  joinClauses,
  footer,
  groupHeading,
  groupReason,
  linkAdvice,
  reminderIntro,
  reminderSubject,
  safeLink,
} from './digest-wording.js';
import { EmailButton, EmailLayout, styles } from './email-layout.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** What tells a reminder from an escalation; the greeting, button, link advice and footer are shared. */
interface DigestParts {
  /** The subject's clauses, joined with those of the email's other part. */
  subject: string[];
  intro: string;
  /** The button's label, and the line above the link in plain text. */
  action: string;
  body: Child;
  bodyText: string[];
}

/**
 * A person's digest for one run, in one email: an HTML part that Outlook renders, and plain text. Their
 * reminder comes first when they are sent both, and its call to update their actions is the button.
 */
export async function renderDigestEmail(input: DigestEmailInput): Promise<RenderedEmail> {
  const { person } = input.digest;
  const parts = partsOf(input.digest).map((part) => (part.kind === 'reminder' ? reminderParts(part, input.staleAfterDays) : escalationParts(part, input.adminContact)));
  const [first] = parts;
  if (!first) throw new Error(`Nothing to send ${person.id}: a digest needs a reminder or an escalation`);
  const subject = joinClauses(parts.flatMap((p) => p.subject));
  const link = safeLink(input.link.url);
  const advice = linkAdvice(input.link.expiresAt, input.timeZone);
  const html = await toHtml(
    <EmailLayout title={subject} forceName={input.forceName} footer={footer(input.forceName)}>
      <p style={styles.p}>Dear {person.name},</p>
      {parts.map((part) => (
        <>
          <p style={styles.p}>{part.intro}</p>
          {part.body}
        </>
      ))}
      <EmailButton href={link} label={first.action} />
      <p style={styles.p}>{advice}</p>
    </EmailLayout>,
  );
  const body = parts.flatMap((part, i) => [...(i > 0 ? [''] : []), part.intro, ...part.bodyText]);
  const text = [`Dear ${person.name},`, '', ...body, '', `${first.action}:`, link, '', advice, '', footer(input.forceName)].join('\n');
  return { subject, html, text };
}

function reminderParts(digest: ReminderDigest, staleAfterDays: number): DigestParts {
  return {
    subject: [reminderSubject(digest)],
    intro: reminderIntro(digest, staleAfterDays),
    action: 'Update your actions',
    body: <DigestTable lines={digest.lines} />,
    bodyText: ['', ...digest.lines.map((line) => lineText(line))],
  };
}

function escalationParts(digest: EscalationDigest, adminContact: string | null): DigestParts {
  return {
    subject: escalationSubject(digest),
    intro:
      'As senior responsible officer, you are told when closures in your portfolio wait for your sign-off, and when actions go without an update and their owners cannot be reached or have not answered their reminders.',
    action: 'Open the Action Plan Tracker',
    body: digest.groups.map((group) => (
      <>
        <h2 style={styles.h2}>{groupHeading(group)}</h2>
        <p style={styles.p}>{groupReason(group, adminContact)}</p>
        <DigestTable lines={group.lines} waitingSignOff={group.flag === 'awaiting-sign-off'} />
      </>
    )),
    bodyText: digest.groups.flatMap((group) => ['', `${groupHeading(group)}.`, groupReason(group, adminContact), ...group.lines.map((line) => lineText(line, group.flag === 'awaiting-sign-off'))]),
  };
}

const lineText = (line: DigestLine, waitingSignOff = false): string => `- ${line.ref}: ${ageText(line, waitingSignOff)}`;

async function toHtml(element: unknown): Promise<string> {
  return `<!DOCTYPE html>${String(await element)}`;
}
