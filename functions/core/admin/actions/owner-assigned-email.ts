import type { ForceConfig } from '../../config/force-config.js';
import { formatDay } from '../../calendar/format-day.js';
import { linkEmail } from '../../links/link-email.js';
import type { IssuedLink } from '../../links/links.js';
import type { Person } from '../../model/person.js';
import type { OutgoingEmail } from '../../ports.js';

const listOf = (refs: readonly string[]) => (refs.length === 1 ? refs[0]! : `${refs.slice(0, -1).join(', ')} and ${refs.at(-1)!}`);

/** Tells a new owner which actions are now theirs: the refs and their personal link. */
export function ownerAssignedEmail(config: ForceConfig, person: Person, refs: readonly string[], link: IssuedLink): OutgoingEmail {
  const what = refs.length === 1 ? `action ${refs[0]!}` : `${refs.length} actions`;
  return linkEmail({
    to: person.email,
    subject: `You are now an owner of ${what}`,
    before: [`Dear ${person.name},`, `You are now an owner of ${refs.length === 1 ? what : `actions ${listOf(refs)}`} in ${config.name}'s inspection action plan.`],
    link: { url: link.url, textIntro: 'Open your personal link to see the action and give an update:', label: 'Open your actions' },
    after: [`The link works until ${formatDay(link.expiresAt, config.timeZone)}. Do not forward it: anyone with it can update your actions.`],
    forceName: config.name,
  });
}
