import type { ForceConfig } from '../config/force-config.js';

export const adminRoles = ['admin', 'board'] as const;
/** `admin` may change everything; `board` reads the dashboard, summaries and packs only. */
export type AdminRole = (typeof adminRoles)[number];

/**
 * Roles come from the config's lists only, so that granting or withdrawing console access is a
 * deploy-reviewed change; the people directory supplies names, never roles. Admin wins over board.
 */
export function roleFor(config: Pick<ForceConfig, 'admins' | 'board'>, email: string): AdminRole | null {
  const address = normaliseEmail(email);
  if (config.admins.some((a) => normaliseEmail(a) === address)) return 'admin';
  if (config.board.some((b) => normaliseEmail(b) === address)) return 'board';
  return null;
}

/** Addresses compare without case or surrounding space, however the config or a person typed them. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
