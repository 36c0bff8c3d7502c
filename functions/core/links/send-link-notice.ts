import type { Person } from '../model/person.js';
import type { Mailer, OutgoingEmail } from '../ports.js';
import { logSendFailure } from '../send-failure.js';
import { issueLink, type IssuedLink, type LinkDeps } from './links.js';

export interface LinkNoticeDeps extends LinkDeps {
  getMailer: () => Promise<Mailer>;
}

/**
 * Tells a person of a change that concerns them, with a fresh personal link in the email `compose`
 * writes around it. Runs after the change is saved: nobody is emailed who has left or whose address
 * bounced or complained, and a failed send is logged, never thrown, so it cannot undo the change.
 * True when the email went.
 */
export async function sendLinkNotice(
  deps: LinkNoticeDeps,
  person: Person,
  now: Date,
  compose: (link: IssuedLink) => OutgoingEmail,
  { message, ...fields }: { message: string; actionId?: string },
): Promise<boolean> {
  if (!person.active || person.mailStatus !== 'ok') return false;
  try {
    const link = await issueLink(deps, person, now);
    await (await deps.getMailer()).send(compose(link));
    return true;
  } catch (error) {
    logSendFailure(message, error, fields);
    return false;
  }
}
