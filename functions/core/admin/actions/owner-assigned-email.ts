import type { ForceConfig } from '../../config/force-config.js';
import { linkEmail, linkWorksUntil } from '../../links/link-email.js';
import type { IssuedLink } from '../../links/links.js';
import type { Person } from '../../model/person.js';
import type { OutgoingEmail } from '../../ports.js';

const listOf = (refs: readonly string[]) => (refs.length === 1 ? refs[0]! : `${refs.slice(0, -1).join(', ')} and ${refs.at(-1)!}`);

/** What a person has become for some actions: an owner, or their senior responsible officer. */
export type ActionRole = 'owner' | 'sro';

const roleWords: Record<ActionRole, { subject: string; body: string; link: (count: number) => string }> = {
  owner: { subject: 'an owner', body: 'an owner', link: (count) => `Open your personal link to see ${count === 1 ? 'the action' : 'them'} and give an update:` },
  sro: { subject: 'the SRO', body: 'the senior responsible officer (SRO)', link: () => 'Open your personal link to see your portfolio and sign off closures:' },
};

/** Tells a person which actions they now own or sponsor: the refs and their personal link. */
export function ownerAssignedEmail(config: ForceConfig, person: Person, refs: readonly string[], link: IssuedLink, role: ActionRole = 'owner'): OutgoingEmail {
  const what = refs.length === 1 ? `action ${refs[0]!}` : `${refs.length} actions`;
  const words = roleWords[role];
  return linkEmail({
    to: person.email,
    subject: `You are now ${words.subject} of ${what}`,
    before: [`Dear ${person.name},`, `You are now ${words.body} of ${refs.length === 1 ? what : `actions ${listOf(refs)}`} in ${config.name}'s inspection action plan.`],
    link: { url: link.url, textIntro: words.link(refs.length), label: 'Open your actions' },
    after: [`${linkWorksUntil(link.expiresAt, config.timeZone)} Do not forward it: anyone with it can update your actions.`],
    forceName: config.name,
  });
}
