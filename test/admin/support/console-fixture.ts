import { MemoryRepository } from '../../../functions/adapters/memory/memory-repository.js';
import { MemoryAuditLog } from '../../../functions/adapters/memory/memory-audit-log.js';
import { MemoryLinkTokenStore } from '../../../functions/adapters/memory/memory-link-token-store.js';
import { MemorySessionStore, MemorySignInLinkStore } from '../../../functions/adapters/memory/memory-session-store.js';
import { parseForceConfig } from '../../../functions/core/config/force-config.js';
import type { OutgoingEmail } from '../../../functions/core/ports.js';
import { createApp } from '../../../web/app.js';
import type { AppDeps } from '../../../web/deps.js';
import { memoryDeps } from '../../support/memory-deps.js';

export const baseUrl = 'https://actions.testshire.example';
export const adminEmail = 'admin@testshire.example';
export const boardEmail = 'board@testshire.example';

export const consoleConfig = parseForceConfig(
  { id: 'test', name: 'Testshire Police', baseUrl, sender: 'plan@testshire.example', admins: [adminEmail], board: [boardEmail] },
  'test',
);

/**
 * The whole app (createApp) on memory fakes with a clock the test moves and a mailer that keeps what it
 * sends, plus helpers to sign in as a person would: ask, open the emailed link, press "Sign in".
 */
export function consoleFixture(overrides: Partial<AppDeps> = {}) {
  let now = new Date('2026-11-27T10:00:00Z');
  const sent: OutgoingEmail[] = [];
  const repository = new MemoryRepository();
  const sessions = new MemorySessionStore();
  const signInLinks = new MemorySignInLinkStore();
  const audit = new MemoryAuditLog();
  const linkTokens = new MemoryLinkTokenStore();
  const deps: AppDeps = memoryDeps({
    config: consoleConfig,
    repository,
    sessions,
    signInLinks,
    audit,
    linkTokens,
    clock: { now: () => now },
    getMailer: async () => ({
      send: async (email) => {
        sent.push(email);
        return { messageId: `m-${sent.length}` };
      },
    }),
    ...overrides,
  });
  const app = createApp(deps);

  /** A browser's request: same-origin, optionally with the session cookie, from one client address. */
  const request = (path: string, init: { method?: string; form?: Record<string, string>; cookie?: string; client?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (init.cookie) headers.Cookie = init.cookie;
    const method = init.method ?? (init.form ? 'POST' : 'GET');
    if (method === 'POST') {
      headers.Origin = new URL(deps.config.baseUrl).origin;
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    const env = { requestContext: { http: { sourceIp: init.client ?? '192.0.2.1' } } };
    return app.request(path, { method, headers, ...(method === 'POST' ? { body: new URLSearchParams(init.form ?? {}).toString() } : {}) }, env);
  };

  const linkIn = (email: OutgoingEmail): string => {
    const match = /https?:\/\/\S+\/admin\/sign-in\/([A-Za-z0-9_-]{43})/.exec(email.text);
    if (!match) throw new Error(`No sign-in link in "${email.subject}"`);
    return new URL(match[0]).pathname;
  };

  /** Asks for a link for the address and returns its path (/admin/sign-in/<token>). */
  const askForLink = async (address: string, client?: string): Promise<string> => {
    const before = sent.length;
    const response = await request('/admin/sign-in', { form: { email: address }, ...(client ? { client } : {}) });
    if (response.status !== 200) throw new Error(`Asking for a link answered ${response.status}`);
    const email = sent.slice(before).find((e) => e.to.includes(address));
    if (!email) throw new Error(`No sign-in email for ${address}`);
    return linkIn(email);
  };

  /** Presses "Sign in" on a link's page; returns the Cookie header value for later requests. */
  const pressSignIn = async (path: string): Promise<string> => {
    const response = await request(path, { form: {} });
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (response.status !== 303 || !cookie) throw new Error(`Signing in answered ${response.status}`);
    return cookie;
  };

  return {
    app,
    deps,
    repository,
    sessions,
    signInLinks,
    audit,
    linkTokens,
    sent,
    request,
    askForLink,
    pressSignIn,
    signIn: async (address: string) => pressSignIn(await askForLink(address)),
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}
