import type { DigestEmailInput } from '../../functions/core/reminders/deliver-digest.js';
import type { EscalationDigest, ReminderDigest } from '../../functions/core/reminders/reminder-plan.js';
import { DigestTable } from './digest-table.js';
import {
  ageText,
  escalationSubject,
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

/** The reminder or escalation email for a digest: an HTML part that Outlook renders, and plain text. */
export async function renderDigestEmail(input: DigestEmailInput): Promise<RenderedEmail> {
  const link = safeLink(input.linkUrl);
  return input.digest.kind === 'reminder' ? renderReminder(input, input.digest, link) : renderEscalation(input, input.digest, link);
}

async function renderReminder(input: DigestEmailInput, digest: ReminderDigest, link: string): Promise<RenderedEmail> {
  const subject = reminderSubject(digest);
  const intro = reminderIntro(digest, input.staleAfterDays);
  const html = await toHtml(
    <EmailLayout title={subject} forceName={input.forceName} footer={footer(input.forceName)}>
      <p style={styles.p}>Dear {digest.person.name},</p>
      <p style={styles.p}>{intro}</p>
      <DigestTable lines={digest.lines} />
      <EmailButton href={link} label="Update your actions" />
      <p style={styles.p}>{linkAdvice}</p>
    </EmailLayout>,
  );
  const text = [
    `Dear ${digest.person.name},`,
    '',
    intro,
    '',
    ...digest.lines.map((line) => `- ${line.ref}: ${ageText(line)}`),
    '',
    'Update your actions:',
    link,
    '',
    linkAdvice,
    '',
    footer(input.forceName),
  ].join('\n');
  return { subject, html, text };
}

async function renderEscalation(input: DigestEmailInput, digest: EscalationDigest, link: string): Promise<RenderedEmail> {
  const subject = escalationSubject(digest);
  const intro = 'As senior responsible officer, you are told when actions in your portfolio go without an update and their owners cannot be reached or have not answered their reminders.';
  const html = await toHtml(
    <EmailLayout title={subject} forceName={input.forceName} footer={footer(input.forceName)}>
      <p style={styles.p}>Dear {digest.person.name},</p>
      <p style={styles.p}>{intro}</p>
      {digest.groups.map((group) => (
        <>
          <h2 style={styles.h2}>{groupHeading(group)}</h2>
          <p style={styles.p}>{groupReason(group)}</p>
          <DigestTable lines={group.lines} />
        </>
      ))}
      <EmailButton href={link} label="Open the Action Plan Tracker" />
      <p style={styles.p}>{linkAdvice}</p>
    </EmailLayout>,
  );
  const text = [
    `Dear ${digest.person.name},`,
    '',
    intro,
    ...digest.groups.flatMap((group) => ['', `${groupHeading(group)}.`, groupReason(group), ...group.lines.map((line) => `- ${line.ref}: ${ageText(line)}`)]),
    '',
    'Open the Action Plan Tracker:',
    link,
    '',
    linkAdvice,
    '',
    footer(input.forceName),
  ].join('\n');
  return { subject, html, text };
}

async function toHtml(element: unknown): Promise<string> {
  return `<!DOCTYPE html>${String(await element)}`;
}
