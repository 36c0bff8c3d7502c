import { formatDay } from '../calendar/format-day.js';
import type { ForceConfig } from '../config/force-config.js';
import { linkEmail } from '../links/link-email.js';
import type { IssuedLink } from '../links/links.js';
import { sendLinkNotice, type LinkNoticeDeps } from '../links/send-link-notice.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { OutgoingEmail } from '../ports.js';

/** Who closed it: the SRO from their link, or an admin recording the sign-off in the console. */
export interface SignedOffBy {
  /** Their id in the directory, so that they are not told of their own sign-off; null for an admin. */
  personId: string | null;
  name: string;
}

/** Tells an owner their closure was accepted: the ref and who signed it off, never the action's text. */
export function signedOffEmail(config: ForceConfig, owner: Person, by: SignedOffBy, ref: string, link: IssuedLink): OutgoingEmail {
  return linkEmail({
    to: owner.email,
    subject: `Action ${ref} is signed off and closed`,
    before: [
      `Dear ${owner.name},`,
      `${by.name} has signed off action ${ref} in ${config.name}'s inspection action plan, which you proposed for closure. It is now closed, and nobody will ask you for updates on it.`,
    ],
    link: { url: link.url, textIntro: 'Your other actions, if you have any, are on your personal link:', label: 'Open your actions' },
    after: [`The link works until ${formatDay(link.expiresAt, config.timeZone)}. Do not forward it: anyone with it can act for you.`],
    forceName: config.name,
  });
}

/**
 * Once a proposed closure is signed off, tells each of its owners (but the one who signed it off), so
 * that nobody learns of it only when it drops off their page. Runs after the save: a failed email is
 * logged and never undoes it.
 */
export async function notifyOwnersOfSignOff(deps: LinkNoticeDeps, closed: Action, by: SignedOffBy, now: Date): Promise<void> {
  for (const ownerId of closed.ownerIds) {
    if (ownerId === by.personId) continue;
    const owner = await deps.repository.getPerson(ownerId);
    if (owner) await sendLinkNotice(deps, owner, now, (link) => signedOffEmail(deps.config, owner, by, closed.ref, link), { message: 'signed-off email failed', actionId: closed.id });
  }
}
