import type { ForceConfig } from '../../config/force-config.js';
import { linkEmail, linkWorksUntil } from '../../links/link-email.js';
import type { IssuedLink } from '../../links/links.js';
import type { Person } from '../../model/person.js';
import type { OutgoingEmail } from '../../ports.js';
import { listWords } from '../../words.js';


/** What a person has become for some actions: an owner, or their senior responsible officer. */
export type ActionRole = 'owner' | 'sro';

/** The refs of the actions a person has just been given, by role, in plan order: one email tells of both. */
export type GainedActions = Record<ActionRole, readonly string[]>;

const roleWords: Record<ActionRole, { subject: string; body: string }> = {
  owner: { subject: 'an owner', body: 'an owner' },
  sro: { subject: 'the SRO', body: 'the senior responsible officer (SRO)' },
};

const countOf = (refs: readonly string[]) => (refs.length === 1 ? `action ${refs[0]!}` : `${refs.length} actions`);
const refsOf = (refs: readonly string[]) => (refs.length === 1 ? `action ${refs[0]!}` : `actions ${listWords(refs)}`);

function linkIntro({ owner, sro: sponsored }: GainedActions): string {
  // An SRO who owns the action too does not sign it off (an admin does): only the others are theirs to.
  const sro = sponsored.filter((ref) => !owner.includes(ref));
  if (sro.length === 0) return `Open your personal link to see ${owner.length === 1 ? 'the action' : 'them'} and give an update:`;
  if (owner.length === 0) return 'Open your personal link to see your portfolio and sign off closures:';
  return 'Open your personal link to see your actions, give an update and sign off closures:';
}

/** Tells a person which actions they now own or sponsor: the refs, why when it is not plain, and their personal link. */
export function ownerAssignedEmail(config: ForceConfig, person: Person, gained: GainedActions, link: IssuedLink, why?: string): OutgoingEmail {
  const roles = (['owner', 'sro'] as const).filter((role) => gained[role].length > 0);
  const sameRefs = gained.owner.join('\n') === gained.sro.join('\n');
  const described = (words: 'subject' | 'body', refs: (refs: readonly string[]) => string) =>
    sameRefs
      ? `${roles.map((role) => roleWords[role][words]).join(' and ')} of ${refs(gained.owner)}`
      : roles.map((role) => `${roleWords[role][words]} of ${refs(gained[role])}`).join(' and ');
  return linkEmail({
    to: person.email,
    subject: `You are now ${described('subject', countOf)}`,
    before: [`Dear ${person.name},`, `You are now ${described('body', refsOf)} in ${config.name}'s inspection action plan.`, ...(why ? [why] : [])],
    link: { url: link.url, textIntro: linkIntro(gained), label: 'Open your actions' },
    after: [`${linkWorksUntil(link.expiresAt, config.timeZone)} Do not forward it: anyone with it can update your actions.`],
    forceName: config.name,
  });
}
