import type { ForceConfig } from '../config/force-config.js';
import { linkEmail, linkWorksUntil } from '../links/link-email.js';
import { signOffUrl, type IssuedLink } from '../links/links.js';
import { sendLinkNotice, type LinkNoticeDeps } from '../links/send-link-notice.js';
import { consumeLimits, dayMs, type RateLimitStore } from '../links/rate-limit.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { OutgoingEmail } from '../ports.js';
import { logSendFailure } from '../send-failure.js';
import { decidesClosureAsSro } from '../rules/decides-closure.js';

/**
 * Asks the SRO to sign off: the ref, who proposed it and their own link, opening on the action's
 * sign-off page, never the action's text. Returning it reopens it for every owner.
 */
export function closureProposedEmail(config: ForceConfig, sro: Person, owner: Person, action: Pick<Action, 'id' | 'ref' | 'ownerIds'>, link: IssuedLink): OutgoingEmail {
  const { ref } = action;
  const returnTo = action.ownerIds.length > 1 ? 'its owners' : owner.name;
  return linkEmail({
    to: sro.email,
    subject: `Action ${ref} is ready for your sign-off`,
    before: [
      `Dear ${sro.name},`,
      `${owner.name} believes action ${ref} in ${config.name}'s inspection action plan is complete and has proposed it for closure. As its senior responsible officer, please review it and sign it off.`,
    ],
    link: { url: signOffUrl(link, action.id), textIntro: `Open your personal link to review action ${ref} and sign it off:`, label: `Review and sign off ${ref}` },
    after: [
      `${linkWorksUntil(link.expiresAt, config.timeZone)} Do not forward it: anyone with it can act for you.`,
      `If it is not complete, return it to ${returnTo} from the same page, with your reason.`,
    ],
    forceName: config.name,
  });
}

/** Proposals of one action its SRO is emailed about in a day: ticking and unticking the box cannot flood their inbox. */
export const closureEmailsPerDay = 3;

/**
 * Once an owner's save moves an action to proposed-closure, emails its SRO (unless the SRO also owns it,
 * which makes it an admin's to sign off, or has left, or their address bounced). Runs after the save: a
 * failed email is logged and never undoes it, and the SRO still finds the closure on their page. True
 * when an email went.
 */
export async function notifySroOfClosure(deps: LinkNoticeDeps & { rateLimits: RateLimitStore }, owner: Person, before: Action, saved: Action, now: Date): Promise<boolean> {
  if (before.status === 'proposed-closure' || saved.status !== 'proposed-closure' || !saved.sroId || !decidesClosureAsSro(saved, saved.sroId)) return false;
  const failure = { message: 'closure-proposed email failed', actionId: saved.id };
  let sro: Person | null;
  try {
    sro = await deps.repository.getPerson(saved.sroId);
    if (sro && !(await consumeLimits(deps.rateLimits, [{ key: `closure-email#${saved.id}#${sro.id}`, limit: closureEmailsPerDay }], now, dayMs))) return false;
  } catch (error) {
    // The update is saved: a store that fails here must not answer the owner with an error page.
    logSendFailure(failure.message, error, { actionId: saved.id });
    return false;
  }
  if (!sro) return false;
  return sendLinkNotice(deps, sro, now, (link) => closureProposedEmail(deps.config, sro, owner, saved, link), failure);
}
