import type { ForceConfig } from '../config/force-config.js';
import type { IssuedLink } from '../links/links.js';
import type { Person } from '../model/person.js';
import type { OutgoingEmail } from '../ports.js';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

export interface FreshLinkEmailInput {
  config: ForceConfig;
  person: Person;
  link: IssuedLink;
  refs: string[];
  needingUpdate: number;
}

/**
 * The link email. Action plans are OFFICIAL-SENSITIVE: the email carries refs, counts and the link,
 * never the text of an action.
 */
export function freshLinkEmail({ config, person, link, refs, needingUpdate }: FreshLinkEmailInput): OutgoingEmail {
  const until = new Intl.DateTimeFormat('en-GB', { timeZone: config.timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(link.expiresAt));
  const count = refs.length === 1 ? '1 action' : `${refs.length} actions`;
  const summary =
    refs.length === 0
      ? 'You have no open actions at the moment.'
      : `You have ${count} (${refs.join(', ')}); ${needingUpdate} need${needingUpdate === 1 ? 's' : ''} an update.`;
  const lines = [
    `Dear ${person.name},`,
    '',
    summary,
    '',
    'Open your personal link to see and update your actions:',
    link.url,
    '',
    `The link works until ${until}. Do not forward it: anyone with it can update your actions.`,
    'If you did not ask for a link, you can ignore this email.',
    '',
    `${config.name} – Action Plan Tracker`,
  ];
  const html = [
    `<p>Dear ${escapeHtml(person.name)},</p>`,
    `<p>${escapeHtml(summary)}</p>`,
    `<p><a href="${escapeHtml(link.url)}">Open your actions</a></p>`,
    `<p>The link works until ${escapeHtml(until)}. Do not forward it: anyone with it can update your actions.<br>If you did not ask for a link, you can ignore this email.</p>`,
    `<p>${escapeHtml(config.name)} – Action Plan Tracker</p>`,
  ].join('\n');
  return { to: [person.email], subject: 'Your link to update your actions', text: lines.join('\n'), html };
}
