import * as z from '../zod.js';
import { IsoInstant } from '../model/action.js';
import { adminRoles } from './roles.js';

/** How long a console sign-in link and a session last; expiry is always checked in code, never by TTL. */
export const sessionTimes = {
  signInLinkMs: 15 * 60_000,
  /** Signed out after this long without a request. */
  idleMs: 30 * 60_000,
  /** Signed out this long after signing in, however busy. */
  absoluteMs: 12 * 3_600_000,
  /** lastSeenAt is written at most this often, so that reading pages does not write on every request. */
  touchEveryMs: 60_000,
} as const;

const Hash = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** A console session as stored: keyed by the SHA-256 of the cookie's value, never the value itself. */
export const SessionRecord = z.object({
  hash: Hash,
  email: z.string().check(z.minLength(1)),
  /** The directory's name; null for someone not in it, whose address is then no name to show others. */
  name: z.nullable(z.string().check(z.minLength(1))),
  personId: z.nullable(z.string()),
  /** The role when signed in; the config's current lists still decide on every request. */
  role: z.enum(adminRoles),
  createdAt: IsoInstant,
  lastSeenAt: IsoInstant,
  /** createdAt plus the absolute lifetime. */
  expiresAt: IsoInstant,
});
export type SessionRecord = z.infer<typeof SessionRecord>;

export interface SessionStore {
  /** Stores a new session; throws if the hash exists already (it never should). */
  create(record: SessionRecord): Promise<void>;
  get(hash: string): Promise<SessionRecord | null>;
  /** Moves lastSeenAt forward (never back); does nothing for a session already deleted. */
  touch(hash: string, at: string): Promise<void>;
  delete(hash: string): Promise<void>;
  /** Sessions (and sign-in links) created at or before this instant no longer count: "sign out everywhere". */
  getRevokedBefore(email: string): Promise<string | null>;
  /** Moves the address's revocation instant forward (never back). */
  revokeBefore(email: string, at: string): Promise<void>;
}

/** A single-use sign-in link as stored: the token's hash, the address it was sent to, and whether it was used. */
export const SignInLinkRecord = z.object({
  hash: Hash,
  email: z.string().check(z.minLength(1)),
  issuedAt: IsoInstant,
  expiresAt: IsoInstant,
  usedAt: z.nullable(IsoInstant),
});
export type SignInLinkRecord = z.infer<typeof SignInLinkRecord>;

export interface SignInLinkStore {
  putLink(record: SignInLinkRecord): Promise<void>;
  getLink(hash: string): Promise<SignInLinkRecord | null>;
  /** Marks the link used unless it was already: false then, so that only one POST ever signs in with it. */
  markUsed(hash: string, at: string): Promise<boolean>;
}
