import * as z from '../zod.js';
import { normaliseEmail } from '../admin/roles.js';
import { hashToken } from './token-crypto.js';

/** What an "email me a link" form shows when the address is not one: with what was typed, kept. */
export interface AddressProblem {
  kind: 'invalid';
  message: string;
  email: string;
}

const EmailInput = z.email();

/**
 * The address typed into an "email me a link" form (the owner's fresh link, the console's sign-in),
 * trimmed and lower-cased; or the problem to show, keeping what was typed (cut to 300 characters).
 */
export function readRequestedAddress(raw: unknown): { email: string } | AddressProblem {
  const email = typeof raw === 'string' ? normaliseEmail(raw) : '';
  if (EmailInput.safeParse(email).success && email.length <= 254) return { email };
  const message = email === '' ? 'Enter your email address' : 'Enter an email address in the correct format, like name@example.com';
  return { kind: 'invalid', message, email: typeof raw === 'string' ? raw.slice(0, 300) : '' };
}

/** Per hour, for one kind of link request: from one client, for one address from that client, and for one address from all. */
export interface LinkRequestLimits {
  perClient: number;
  perAddressFromClient: number;
  perAddress: number;
}

/**
 * The hourly limits a link request takes a hit from, keyed by hashes. An address's own limit counts per
 * client, so that one machine elsewhere cannot use up its owner's; many together can (`perAddress`),
 * each request that counted then sending the owner a working link.
 */
export async function linkRequestLimits(kind: string, email: string, clientKey: string, limits: LinkRequestLimits): Promise<{ key: string; limit: number }[]> {
  const [client, address] = await Promise.all([hashToken(clientKey), hashToken(email)]);
  return [
    { key: `${kind}#client#${client}`, limit: limits.perClient },
    { key: `${kind}#address#${address}#client#${client}`, limit: limits.perAddressFromClient },
    { key: `${kind}#address#${address}`, limit: limits.perAddress },
  ];
}
