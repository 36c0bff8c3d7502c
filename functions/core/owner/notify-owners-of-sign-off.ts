import type { ForceConfig } from '../config/force-config.js';
import { linkEmail, linkWorksUntil } from '../links/link-email.js';
import type { IssuedLink } from '../links/links.js';
import { sendLinkNotice, type LinkNoticeDeps } from '../links/send-link-notice.js';
import type { Action } from '../model/action.js';
import { unlistedAdminName } from '../model/owner-names.js';
import type { Person } from '../model/person.js';
import type { OutgoingEmail } from '../ports.js';

/** Who decided: the SRO from their link, or an admin recording the sign-off in the console. */
export interface SignedOffBy {
  /** Their id in the directory, so that they are not told of their own decision; null for an admin the directory does not hold. */
  personId: string | null;
  /** Null for an admin not in the directory: owners are never shown an address in place of a name. */
  name: string | null;
}

/** What became of a proposed closure: signed off, or returned to its owners as not complete yet. */
export type SignOffDecision = 'closed' | 'returned';

/** What owners are told of: a decision on their closure, or an admin opening a decided action again. */
export type OwnersNotice = SignOffDecision | 'reopened';

// Every owner is told, and a co-owner may not be the one who proposed the closure: say what happened, not who did it.
const wording: Record<OwnersNotice, (by: string, ref: string, plan: string) => { subject: string; body: string; linkIntro: string }> = {
  closed: (by, ref, plan) => ({
    subject: `Action ${ref} is signed off and closed`,
    body: `${by} has signed off action ${ref} in ${plan}, which was proposed for closure. It is now closed, and nobody will ask you for updates on it.`,
    linkIntro: 'Your personal link shows any other actions you have:',
  }),
  returned: (by, ref, plan) => ({
    subject: `Action ${ref} is not signed off: it is open again`,
    body: `${by} has not signed off action ${ref} in ${plan}, which was proposed for closure, and has returned it to you: it is open again. Their reason is on the action's page.`,
    linkIntro: 'Open your personal link to read it and update the action:',
  }),
  reopened: (by, ref, plan) => ({
    subject: `Action ${ref} is open again`,
    body: `${by} has reopened action ${ref} in ${plan}: it is open again, and you will be asked for updates on it as before. The reason is on the action's page.`,
    linkIntro: 'Open your personal link to read it and update the action:',
  }),
};

/** Tells an owner what became of their closure: the ref and who decided, never the action's text or the reason. */
export function signOffDecisionEmail(config: ForceConfig, owner: Person, by: SignedOffBy, ref: string, decision: OwnersNotice, link: IssuedLink): OutgoingEmail {
  const words = wording[decision](by.name ?? unlistedAdminName, ref, `${config.name}'s inspection action plan`);
  return linkEmail({
    to: owner.email,
    subject: words.subject,
    before: [`Dear ${owner.name},`, words.body],
    link: { url: link.url, textIntro: words.linkIntro, label: 'Open your actions' },
    after: [`${linkWorksUntil(link.expiresAt, config.timeZone)} Do not forward it: anyone with it can act for you.`],
    forceName: config.name,
  });
}

/**
 * Once a proposed closure is signed off or returned, tells each of its owners (but the one who decided),
 * so that nobody learns of it only when it changes on their page. Runs after the save: a failed email
 * is logged and never undoes it.
 */
export async function notifyOwnersOfSignOff(deps: LinkNoticeDeps, action: Action, by: SignedOffBy, decision: OwnersNotice, now: Date): Promise<void> {
  for (const ownerId of action.ownerIds) {
    if (ownerId === by.personId) continue;
    const owner = await deps.repository.getPerson(ownerId);
    if (owner) {
      await sendLinkNotice(deps, owner, now, (link) => signOffDecisionEmail(deps.config, owner, by, action.ref, decision, link), { message: `${decision} email failed`, actionId: action.id });
    }
  }
}
