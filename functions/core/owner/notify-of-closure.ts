import type { ForceConfig } from '../config/force-config.js';
import { linkEmail, linkWorksUntil } from '../links/link-email.js';
import { signOffUrl, type IssuedLink } from '../links/links.js';
import { sendLinkNotice, type LinkNoticeDeps } from '../links/send-link-notice.js';
import { consumeLimits, dayMs, type RateLimitStore } from '../links/rate-limit.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { OutgoingEmail } from '../ports.js';
import { logSendFailure } from '../send-failure.js';
import { whyAdminSignsOff } from '../rules/decides-closure.js';
import { consoleActionPath, consoleChangeAnchor } from '../admin/console-paths.js';
import { normaliseEmail } from '../admin/roles.js';
import { withoutLeavers } from '../admin/find-person.js';

/**
 * Asks the SRO to sign off: the ref, who proposed it and their own link, opening on the action's
 * sign-off page, never the action's text. Returning it reopens it for every owner.
 */
/** Who proposed a closure, as its emails name them. */
type OwnerNamed = Pick<Person, 'id' | 'name'>;

export function closureProposedEmail(config: ForceConfig, sro: Person, owner: OwnerNamed, action: Pick<Action, 'id' | 'ref' | 'ownerIds'>, link: IssuedLink): OutgoingEmail {
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

/**
 * Asks the admins to sign off a closure its SRO cannot (`why`: they own it too, have left, or there is
 * none): the ref, who proposed it and the console's page for it, never the action's text. No personal
 * link: the console asks them to sign in.
 */
export function closureForAdminsEmail(config: ForceConfig, to: string[], owner: OwnerNamed, action: Pick<Action, 'id' | 'ref' | 'ownerIds'>, why: string): OutgoingEmail {
  const { ref } = action;
  return linkEmail({
    to,
    subject: `Action ${ref} is waiting for an admin to sign it off`,
    before: [
      `${owner.name} believes action ${ref} in ${config.name}'s inspection action plan is complete and has proposed it for closure.`,
      `An admin signs it off: ${why}. Please review it in the admin console and sign it off, or reopen it for ${action.ownerIds.length > 1 ? 'its owners' : owner.name} with your reason.`,
    ],
    link: { url: `${config.baseUrl}${consoleActionPath(action.id)}#${consoleChangeAnchor('sign-off')}`, textIntro: `Open action ${ref} in the admin console:`, label: `Review ${ref} in the admin console` },
    after: ['The console asks you to sign in first, with a link it emails to you.'],
    forceName: config.name,
  });
}

/**
 * Proposals of one action its SRO, or the admins, are emailed about in a day: ticking and unticking the
 * box cannot flood an inbox. A UTC day, not a London one: the cap is only a guard, which no page states.
 */
export const closureEmailsPerDay = 3;

/**
 * The config's admins but for the one who made the save, any who own the action and any who have left:
 * the console refuses an admin the sign-off of their own work, and a leaver any page, so an email
 * asking them for it would be no use.
 */
async function adminsWhoMaySignOff(deps: Pick<LinkNoticeDeps, 'config' | 'repository'>, action: Action, savedByAdmin: string | undefined): Promise<string[]> {
  const people = await deps.repository.listPeople();
  const owners = people.filter((person) => action.ownerIds.includes(person.id));
  const excluded = new Set([...owners.map((owner) => owner.email), ...(savedByAdmin ? [savedByAdmin] : [])].map(normaliseEmail));
  return withoutLeavers(people, deps.config.admins).filter((address) => !excluded.has(normaliseEmail(address)));
}

/**
 * Once a save moves an action to proposed-closure, emails whoever signs it off: its SRO, or the admins
 * when the SRO cannot (`whyAdminSignsOff`), but for the admin who made the save and any who own it. An SRO whose address
 * bounced is not emailed. Runs after the save: a failed email is logged and never undoes it, and the
 * closure still waits on the SRO's page and the console's dashboard. True when an email went.
 */
export async function notifyOfClosure(deps: LinkNoticeDeps & { rateLimits: RateLimitStore }, owner: OwnerNamed, before: Action, saved: Action, now: Date, savedByAdmin?: string): Promise<boolean> {
  if (before.status === 'proposed-closure' || saved.status !== 'proposed-closure') return false;
  const failure = { message: 'closure-proposed email failed', actionId: saved.id };
  let sro: Person | null;
  let why: string | null;
  let admins: string[] = [];
  try {
    sro = saved.sroId ? await deps.repository.getPerson(saved.sroId) : null;
    why = whyAdminSignsOff(saved, sro);
    if (why !== null) {
      admins = await adminsWhoMaySignOff(deps, saved, savedByAdmin);
      if (admins.length === 0) return false;
    }
    const key = `closure-email#${saved.id}#${why === null ? sro!.id : 'admins'}`;
    // One email per proposal, however often its form is sent (again after a save that failed before
    // its email, which asks here), counted in fixed 30-day windows rather than days: only a re-send
    // across a window's edge, once a month, could ask twice.
    const proposal = { key: `closure-email#${saved.id}#v${saved.version}`, limit: 1 };
    if (!(await consumeLimits(deps.rateLimits, [proposal], now, 30 * dayMs))) return false;
    if (!(await consumeLimits(deps.rateLimits, [{ key, limit: closureEmailsPerDay }], now, dayMs))) return false;
  } catch (error) {
    // The update is saved: a store that fails here must not answer the owner with an error page.
    logSendFailure(failure.message, error, { actionId: saved.id });
    return false;
  }
  if (why === null) return sendLinkNotice(deps, sro!, now, (link) => closureProposedEmail(deps.config, sro!, owner, saved, link), failure);
  try {
    await (await deps.getMailer()).send(closureForAdminsEmail(deps.config, admins, owner, saved, why));
    return true;
  } catch (error) {
    logSendFailure(failure.message, error, { actionId: saved.id });
    return false;
  }
}
