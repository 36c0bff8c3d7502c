import type { ForceConfig } from '../config/force-config.js';
import type { OutgoingEmail } from '../ports.js';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** The console sign-in email: the link and how long it lasts, nothing about the plan. */
export function signInEmail(config: Pick<ForceConfig, 'name'>, to: string, url: string, minutes: number): OutgoingEmail {
  const lines = [
    `Someone asked to sign in to the ${config.name} Action Plan Tracker admin console with this address.`,
    '',
    'Open this link to sign in:',
    url,
    '',
    `The link works once, for ${minutes} minutes. Do not forward it.`,
    'If you did not ask to sign in, you can ignore this email.',
    '',
    `${config.name} – Action Plan Tracker`,
  ];
  const html = [
    `<p>Someone asked to sign in to the ${escapeHtml(config.name)} Action Plan Tracker admin console with this address.</p>`,
    `<p><a href="${escapeHtml(url)}">Sign in to the admin console</a></p>`,
    `<p>The link works once, for ${minutes} minutes. Do not forward it.<br>If you did not ask to sign in, you can ignore this email.</p>`,
    `<p>${escapeHtml(config.name)} – Action Plan Tracker</p>`,
  ].join('\n');
  return { to: [to], subject: 'Sign in to the Action Plan Tracker', text: lines.join('\n'), html };
}
