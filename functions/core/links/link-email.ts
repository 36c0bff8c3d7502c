import { formatDay } from '../calendar/format-day.js';
import { escapeHtml } from '../escape-html.js';
import type { OutgoingEmail } from '../ports.js';

export interface LinkEmailParts {
  /** One address, or several for an email the admins share. */
  to: string | string[];
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
 * The digests' fonts and colours, inline (mail clients drop style sheets), without their layout tables:
 * a short email reads the same in a phone's mail app, and without them it showed in a serif font.
 */
const style = {
  body: 'margin:0;padding:0;background-color:#ffffff;',
  content: 'max-width:600px;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#0b0c0c;',
  p: 'margin:0 0 16px 0;',
  link: 'color:#1d70b8;font-weight:bold;',
  small: 'margin:0;font-size:13px;line-height:20px;color:#505a5f;',
};

/**
 * A short email around one link, its plain text and its HTML made from the same words so that the two
 * never say different things, every part escaped here once. OFFICIAL-SENSITIVE: callers put refs,
 * counts and names in it, never an action's text.
 */
export function linkEmail(parts: LinkEmailParts): OutgoingEmail {
  const signature = `${parts.forceName} – Action Plan Tracker`;
  const text = [...parts.before.flatMap((p) => [p, '']), parts.link.textIntro, parts.link.url, '', ...parts.after, '', signature].join('\n');
  const html = [
    `<!DOCTYPE html><html lang="en-GB"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(parts.subject)}</title></head>`,
    `<body style="${style.body}"><div style="${style.content}">`,
    ...parts.before.map((p) => `<p style="${style.p}">${escapeHtml(p)}</p>`),
    `<p style="${style.p}"><a href="${escapeHtml(parts.link.url)}" style="${style.link}">${escapeHtml(parts.link.label)}</a></p>`,
    `<p style="${style.p}">${parts.after.map(escapeHtml).join('<br>')}</p>`,
    `<p style="${style.small}">${escapeHtml(signature)}</p>`,
    '</div></body></html>',
  ].join('\n');
  return { to: [parts.to].flat(), subject: parts.subject, text, html };
}

/** How long a personal link works, in the same words in every email that carries one. */
export function linkWorksUntil(expiresAt: string, timeZone: string): string {
  return `The link works until ${formatDay(expiresAt, timeZone)}.`;
}
