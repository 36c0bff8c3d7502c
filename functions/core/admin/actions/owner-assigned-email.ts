import type { ForceConfig } from '../../config/force-config.js';
import type { IssuedLink } from '../../links/links.js';
import type { Person } from '../../model/person.js';
import type { OutgoingEmail } from '../../ports.js';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const listOf = (refs: readonly string[]) => (refs.length === 1 ? refs[0]! : `${refs.slice(0, -1).join(', ')} and ${refs.at(-1)!}`);

/**
 * Tells a new owner which actions are now theirs. OFFICIAL-SENSITIVE: the refs and their personal
 * link only, never the actions' text.
 */
export function ownerAssignedEmail(config: ForceConfig, person: Person, refs: readonly string[], link: IssuedLink): OutgoingEmail {
  const until = new Intl.DateTimeFormat('en-GB', { timeZone: config.timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(link.expiresAt));
  const what = refs.length === 1 ? `action ${refs[0]!}` : `${refs.length} actions`;
  const news = `You are now an owner of ${refs.length === 1 ? what : `actions ${listOf(refs)}`} in ${config.name}'s inspection action plan.`;
  const text = [
    `Dear ${person.name},`,
    '',
    news,
    '',
    'Open your personal link to see the action and give an update:',
    link.url,
    '',
    `The link works until ${until}. Do not forward it: anyone with it can update your actions.`,
    '',
    `${config.name} – Action Plan Tracker`,
  ].join('\n');
  const html = [
    `<p>Dear ${escapeHtml(person.name)},</p>`,
    `<p>${escapeHtml(news)}</p>`,
    `<p><a href="${escapeHtml(link.url)}">Open your actions</a></p>`,
    `<p>The link works until ${escapeHtml(until)}. Do not forward it: anyone with it can update your actions.</p>`,
    `<p>${escapeHtml(config.name)} – Action Plan Tracker</p>`,
  ].join('\n');
  return { to: [person.email], subject: `You are now an owner of ${what}`, text, html };
}
