import type { ForceConfig } from '../config/force-config.js';
import type { Person } from '../model/person.js';
import type { Repository } from '../ports.js';
import { isRevoked, tokenPattern, type LinkTokenStore } from './link-token.js';
import { generateToken, hashToken } from './token-crypto.js';

const dayMs = 86_400_000;

export interface LinkDeps {
  config: ForceConfig;
  repository: Repository;
  linkTokens: LinkTokenStore;
}

export interface IssuedLink {
  token: string;
  /** Built from the configured base URL, never from a request's Host header. */
  url: string;
  expiresAt: string;
}

/** Mints a personal link for one person; only the token's hash is stored. */
export async function issueLink(deps: LinkDeps, person: Person, now: Date): Promise<IssuedLink> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + deps.config.linkExpiryDays * dayMs).toISOString();
  await deps.linkTokens.putToken({ hash: await hashToken(token), personId: person.id, issuedAt: now.toISOString(), expiresAt });
  return { token, url: linkUrl(deps.config, token), expiresAt };
}

export function linkUrl(config: ForceConfig, token: string): string {
  return `${config.baseUrl}/u/${token}`;
}

/** A personal link that opens straight on one closure's sign-off page (the owner pages' route). */
export const signOffUrl = (link: IssuedLink, actionId: string): string => `${link.url}/sign-off/${encodeURIComponent(actionId)}`;

export type LinkRefusal = 'malformed' | 'unknown' | 'expired' | 'revoked' | 'inactive';
export type ResolvedLink = { ok: true; person: Person } | { ok: false; reason: LinkRefusal };

/**
 * The person a token belongs to, if it is well formed, known, unexpired, not revoked and the person is
 * still active. Reads only: mail scanners open links before people do.
 */
export async function resolveLink(deps: LinkDeps, token: string, now: Date): Promise<ResolvedLink> {
  if (!tokenPattern.test(token)) return { ok: false, reason: 'malformed' };
  const record = await deps.linkTokens.getToken(await hashToken(token));
  if (!record) return { ok: false, reason: 'unknown' };
  if (now.getTime() >= Date.parse(record.expiresAt)) return { ok: false, reason: 'expired' };
  const [revokedBefore, person] = await Promise.all([deps.linkTokens.getRevokedBefore(record.personId), deps.repository.getPerson(record.personId)]);
  if (isRevoked(record.issuedAt, revokedBefore)) return { ok: false, reason: 'revoked' };
  if (!person || !person.active) return { ok: false, reason: 'inactive' };
  return { ok: true, person };
}

/** Every link the person holds stops working (admin action, or the person is deactivated). */
export async function revokeLinks(deps: Pick<LinkDeps, 'linkTokens'>, personId: string, now: Date): Promise<void> {
  await deps.linkTokens.revokeBefore(personId, now.toISOString());
}
