import * as z from '../zod.js';
import { normaliseEmail } from '../admin/roles.js';

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
