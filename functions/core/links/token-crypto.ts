import { createHash, randomBytes } from 'node:crypto';

/**
 * Randomness and hashing from Node's crypto (built into Node and Lambda; no AWS, no framework), so the
 * core can mint and check tokens itself. Hashing is synchronous: it runs on every token page, and a
 * 43-character SHA-256 is faster inline than a round trip through Web Crypto's promise.
 */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 as lower-case hex: what the store keys tokens by. */
export async function hashToken(token: string): Promise<string> {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
