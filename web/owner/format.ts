import { monthNames } from '../../functions/core/calendar/month-names.js';
import { knownDayAndTime } from '../../functions/core/calendar/wall-clock.js';
import { tokenPattern } from '../../functions/core/links/link-token.js';
import type { Action } from '../../functions/core/model/action.js';

export { monthNames };

/** "March 2027", "31 March 2027", or the free text the importer kept. */
export function formatTarget(timescale: Action['timescale']): string {
  const target = timescale.target;
  if (target === null) return timescale.text?.trim() || 'Not set';
  const [year, month, day] = target.split('-');
  const name = monthNames[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

export function formatTargetValue(target: string | null): string {
  return formatTarget({ target, text: null, originalTarget: null, revisions: [] });
}

export function formatDaysAgo(days: number | null): string {
  if (days === null) return 'Never updated';
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return `${days} days ago`;
}


export const statusLabels: Record<Action['status'], string> = {
  open: 'Open',
  'proposed-closure': 'Proposed for closure (awaiting sign-off)',
  closed: 'Closed',
  'not-accepted': 'Not accepted',
  superseded: 'Superseded',
};

/** "31 October 2026 at 09:05" in the force's time zone. */
export function formatInstant(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  return knownDayAndTime(instant, timeZone) ?? new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(instant);
}

/** Long text on the list is cut at a word so the page stays short; the form shows it whole. */
export function shorten(text: string, max = 280): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))}…`;
}

/** When a change's page was sent to: the page confirms it only soon after (see confirmationWindowMs). */
const issuedAt = (at: Date) => `&at=${at.getTime()}`;

export const ownerPaths = {
  list: (token: string) => `/u/${token}`,
  saved: (token: string, actionId: string, at: Date) => `/u/${token}?saved=${encodeURIComponent(actionId)}${issuedAt(at)}`,
  action: (token: string, actionId: string) => `/u/${token}/actions/${encodeURIComponent(actionId)}`,
  signOff: (token: string, actionId: string) => `/u/${token}/sign-off/${encodeURIComponent(actionId)}`,
  signedOff: (token: string, actionId: string, at: Date) => `/u/${token}?signed-off=${encodeURIComponent(actionId)}${issuedAt(at)}`,
  returnClosure: (token: string, actionId: string) => `/u/${token}/sign-off/${encodeURIComponent(actionId)}/return`,
  returned: (token: string, actionId: string, at: Date) => `/u/${token}?returned=${encodeURIComponent(actionId)}${issuedAt(at)}`,
  newLink: '/u/new-link',
};

/**
 * The token of a path under a personal link (/u/<token>/…), or null: pages that cannot show what was
 * asked for send the person back to their list with it. Only the token's shape is checked: a dead one
 * gets the page that offers a fresh link.
 */
export function tokenInPath(path: string): string | null {
  const token = /^\/u\/([^/]+)/.exec(path)?.[1] ?? '';
  return tokenPattern.test(token) ? token : null;
}
