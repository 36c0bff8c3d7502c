import { formatDay } from '../calendar/format-day.js';
import { escapeHtml } from '../escape-html.js';
import type { OutgoingEmail } from '../ports.js';

export interface LinkEmailParts {
  to: string;
  subject: string;
  /** Paragraphs before the link. */
  before: string[];
  /** The plain text's line above the address, and the HTML link's words. */
  link: { url: string; textIntro: string; label: string };
  /** Short lines after the link: how long it works, what to do if unexpected. */
  after: string[];
  forceName: string;
}

/**
 * A short email around one link, its plain text and its HTML made from the same words so that the two
 * never say different things, every part escaped here once. OFFICIAL-SENSITIVE: callers put refs,
 * counts and names in it, never an action's text.
 */
export function linkEmail(parts: LinkEmailParts): OutgoingEmail {
  const signature = `${parts.forceName} – Action Plan Tracker`;
  const text = [...parts.before.flatMap((p) => [p, '']), parts.link.textIntro, parts.link.url, '', ...parts.after, '', signature].join('\n');
  const html = [
    ...parts.before.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(parts.link.url)}">${escapeHtml(parts.link.label)}</a></p>`,
    `<p>${parts.after.map(escapeHtml).join('<br>')}</p>`,
    `<p>${escapeHtml(signature)}</p>`,
  ].join('\n');
  return { to: [parts.to], subject: parts.subject, text, html };
}

/** How long a personal link works, in the same words in every email that carries one. */
export function linkWorksUntil(expiresAt: string, timeZone: string): string {
  return `The link works until ${formatDay(expiresAt, timeZone)}.`;
}
