import { plural } from '../words.js';
import type { Skip, SkipReason } from './reminder-plan.js';

/**
 * Why a person is passed over, in the console's reminders page and the command line's dry run alike.
 * The SRO is told of an owner who cannot be emailed only when the action has one who can be: when it
 * has not, the same action is listed again under "no-sro".
 */
export function skipWords(remindEveryDays: number): Record<SkipReason, string> {
  const toSro = 'their SRO is told, if the action has one who can be emailed';
  return {
    'not-working-day': 'not a working day',
    inactive: `not emailed: marked as having left; ${toSro}`,
    bounced: `not emailed: their address bounces; ${toSro}`,
    complained: `not emailed: they marked our email as spam; ${toSro}`,
    'no-address': `not emailed: the name matches nobody in the directory; ${toSro}`,
    'recently-reminded': `already reminded in the last ${plural(remindEveryDays, 'day')}, today included; reminded again once ${plural(remindEveryDays, 'day')} ${remindEveryDays === 1 ? 'has' : 'have'} passed`,
    'claimed-today': "not today: today's digest is being sent, or a run stopped while sending it; the next working day sends it again, in case it did not go",
    'failed-today': "not today: today's digest did not reach them (it failed, or bounced); the next working day tries again",
    'no-sro': 'nobody to escalate to: the action has no SRO who can be emailed',
    'sro-owns-it': 'not asked to sign off: the SRO owns the action too, so an admin signs it off (see the dashboard)',
    'sro-ignores-own': 'not escalated: they own it as well as being its SRO, so there is nobody above them to tell; they are still reminded as its owner',
  };
}

/**
 * Who a skip is about, with their address as `address` writes it: a skip with neither person nor name
 * is the escalations of actions with no SRO, in the console's reminders page and the dry run alike.
 */
export const skipWho = (skip: Skip, address: (email: string | null) => string): string =>
  skip.personId === null && skip.name === null ? 'Actions with no SRO' : `${skip.name ?? skip.personId}${address(skip.email)}`;
