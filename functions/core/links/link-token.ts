import * as z from '../zod.js';
import { IsoInstant } from '../model/action.js';

/**
 * What is stored for a personal link: only the SHA-256 hash of the token, never the token itself,
 * so a leaked table gives nobody a working link.
 */
export const LinkTokenRecord = z.object({
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  personId: z.string().check(z.minLength(1)),
  issuedAt: IsoInstant,
  expiresAt: IsoInstant,
});
export type LinkTokenRecord = z.infer<typeof LinkTokenRecord>;

/** Tokens are 32 random bytes written as unpadded base64url: exactly 43 characters. */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** Where link tokens live; expiry and revocation are checked in code, never left to a TTL. */
export interface LinkTokenStore {
  /** Stores a new token; throws if the hash exists already (it never should). */
  putToken(record: LinkTokenRecord): Promise<void>;
  getToken(hash: string): Promise<LinkTokenRecord | null>;
  /** Links issued before this instant no longer open (an admin revoked them, or the person left). */
  getRevokedBefore(personId: string): Promise<string | null>;
  /** Moves the person's revocation instant forward (never back). */
  revokeBefore(personId: string, at: string): Promise<void>;
}

/** Revoking at an instant ends every link or session issued at or before it, so one made in the same millisecond too. */
export const isRevoked = (issuedAt: string, revokedBefore: string | null): boolean => revokedBefore !== null && Date.parse(issuedAt) <= Date.parse(revokedBefore);
