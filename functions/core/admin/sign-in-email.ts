import type { ForceConfig } from '../config/force-config.js';
import { linkEmail } from '../links/link-email.js';
import type { OutgoingEmail } from '../ports.js';

/** The console sign-in email: the link and how long it lasts, nothing about the plan. */
export function signInEmail(config: Pick<ForceConfig, 'name'>, to: string, url: string, minutes: number): OutgoingEmail {
  return linkEmail({
    to,
    subject: 'Sign in to the Action Plan Tracker',
    before: [`Someone asked to sign in to the ${config.name} Action Plan Tracker admin console with this address.`],
    link: { url, textIntro: 'Open this link to sign in:', label: 'Sign in to the admin console' },
    after: [`The link works once, for ${minutes} minutes. Do not forward it.`, 'If you did not ask to sign in, you can ignore this email.'],
    forceName: config.name,
  });
}
