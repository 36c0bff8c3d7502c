/**
 * Randomness and hashing from Web Crypto (`globalThis.crypto`, built into Node 20 and Lambda): no AWS,
 * no framework, so the core can mint and check tokens itself.
 */
export function generateToken(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

/** SHA-256 as lower-case hex: what the store keys tokens by. */
export async function hashToken(token: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Buffer.from(digest).toString('hex');
}
