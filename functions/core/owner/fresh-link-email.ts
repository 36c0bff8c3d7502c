import type { ForceConfig } from '../config/force-config.js';
import { formatDay } from '../calendar/format-day.js';
import { linkEmail } from '../links/link-email.js';
import type { IssuedLink } from '../links/links.js';
import type { Person } from '../model/person.js';
import type { OutgoingEmail } from '../ports.js';

export interface FreshLinkEmailInput {
  config: ForceConfig;
  person: Person;
  link: IssuedLink;
  refs: string[];
  needingUpdate: number;
}

/** The link an owner asked for, with the refs of their open actions and how many need an update. */
export function freshLinkEmail({ config, person, link, refs, needingUpdate }: FreshLinkEmailInput): OutgoingEmail {
  const count = refs.length === 1 ? '1 action' : `${refs.length} actions`;
  const summary =
    refs.length === 0
      ? 'You have no open actions at the moment.'
      : `You have ${count} (${refs.join(', ')}); ${needingUpdate} need${needingUpdate === 1 ? 's' : ''} an update.`;
  return linkEmail({
    to: person.email,
    subject: 'Your link to update your actions',
    before: [`Dear ${person.name},`, summary],
    link: { url: link.url, textIntro: 'Open your personal link to see and update your actions:', label: 'Open your actions' },
    after: [
      `The link works until ${formatDay(link.expiresAt, config.timeZone)}. Do not forward it: anyone with it can update your actions.`,
      'If you did not ask for a link, you can ignore this email.',
    ],
    forceName: config.name,
  });
}
