import type { AppEnv } from '../app.js';

export const adminRoles = ['admin', 'board'] as const;
/** `admin` may change everything; `board` reads the dashboard, summaries and packs only. */
export type AdminRole = (typeof adminRoles)[number];

/** Who is signed in, set by the session guard on every /admin request. */
export interface AdminSession {
  /** The stored session's id hash, for sign-out; never the cookie value itself. */
  sessionId: string;
  email: string;
  /** Null when not in the people directory: the console shows the address, emails to others say "An administrator". */
  name: string | null;
  /** Null for an admin or board member listed in the config but not in the people directory. */
  personId: string | null;
  role: AdminRole;
}

export type AdminEnv = { Variables: AppEnv['Variables'] & { session: AdminSession } };
