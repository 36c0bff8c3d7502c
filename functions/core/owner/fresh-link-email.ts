import type { ForceConfig } from '../config/force-config.js';
import { linkEmail, linkWorksUntil } from '../links/link-email.js';
import type { IssuedLink } from '../links/links.js';
import type { Person } from '../model/person.js';
import { describeAttention, type AttentionCounts } from './list-my-actions.js';
import type { OutgoingEmail } from '../ports.js';
import { plural } from '../words.js';

export interface FreshLinkEmailInput {
  config: ForceConfig;
  person: Person;
  link: IssuedLink;
  refs: string[];
  attention: AttentionCounts;
  /** As SRO: how many live actions others own for them, and how many of those await their sign-off. */
  portfolio: { total: number; awaitingSignOff: number };
  /** The person, on the new-link page, or an admin on their behalf from the console. */
  askedBy: LinkAskedBy;
}

export type LinkAskedBy = 'themselves' | 'admin';

/** The link an owner asked for, with the refs of their open actions and what they need; for an SRO, their portfolio's counts. */
export function freshLinkEmail({ config, person, link, refs, attention, portfolio, askedBy }: FreshLinkEmailInput): OutgoingEmail {
  const count = plural(refs.length, 'action');
  const summary =
    refs.length === 0
      ? 'You have no open actions at the moment.'
      : `You have ${count} (${refs.join(', ')}); ${describeAttention(attention)}.`;
  // An SRO who owns nothing opens the link for their portfolio, with nothing of their own to update.
  const portfolioOnly = refs.length === 0 && portfolio.total > 0;
  const { awaitingSignOff } = portfolio;
  const awaiting = awaitingSignOff === 0 ? 'none awaits your sign-off' : `${awaitingSignOff} await${awaitingSignOff === 1 ? 's' : ''} your sign-off`;
  return linkEmail({
    to: person.email,
    subject: portfolioOnly ? 'Your link to your portfolio' : 'Your link to update your actions',
    before: [
      `Dear ${person.name},`,
      summary,
      ...(portfolio.total === 0
        ? []
        : [`As senior responsible officer, you have ${plural(portfolio.total, 'action')} owned by others in your portfolio; ${awaiting}.`]),
    ],
    link: portfolioOnly
      ? { url: link.url, textIntro: 'Open your personal link to see your portfolio:', label: 'Open your portfolio' }
      : { url: link.url, textIntro: 'Open your personal link to see and update your actions:', label: 'Open your actions' },
    after: [
      `${linkWorksUntil(link.expiresAt, config.timeZone)} Do not forward it: anyone with it can update your actions.`,
      askedBy === 'admin'
        ? 'An administrator of the Action Plan Tracker sent you this link.'
        : 'If you did not ask for a link, you can ignore this email.',
    ],
    forceName: config.name,
  });
}
