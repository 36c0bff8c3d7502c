import { describe, expect, it } from 'vitest';
import { maxFormBytes } from '../../web/middleware/security.js';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import type { Mailer } from '../../functions/core/ports.js';
import { createApp } from '../../web/app.js';
import type { AppDeps } from '../../web/deps.js';
import { memoryDeps } from '../support/memory-deps.js';
import { makeAction, makePerson } from '../support/make-action.js';

const config = parseForceConfig(
  { id: 'test', name: 'Testshire Police', baseUrl: 'https://actions.testshire.example', sender: 's@t.example', admins: ['a@t.example'] },
  'test',
);

async function appWith(options: Partial<AppDeps> = {}) {
  const repository = new MemoryRepository();
  await repository.putPerson(makePerson({ id: 'okoro', name: 'Supt Okoro' }));
  await repository.putAction(makeAction({ id: '101', ref: '101', ownerIds: ['okoro'], text: 'SECRET recommendation text' }), null);
  const mailer: Mailer = { send: async () => ({ messageId: 'x' }) };
  const deps: AppDeps = { ...memoryDeps({ config, repository, clock: { now: () => new Date('2026-11-27T10:00:00Z') }, getMailer: async () => mailer }), ...options };
  return createApp(deps);
}

describe('the web app shell', () => {
  it('answers /healthz', async () => {
    const response = await (await appWith()).request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });

  it('lets no cache keep a page, error pages included, but the stylesheet', async () => {
    const app = await appWith();
    for (const path of ['/', '/no-such-page', '/healthz']) expect((await app.request(path)).headers.get('cache-control'), path).toBe('no-store');
    expect((await app.request('/assets/app.css')).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('sends a strict CSP and the other security headers on every page', async () => {
    const app = await appWith();
    for (const path of ['/', '/no-such-page']) {
      const response = await app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      // No page has a script: none may run, from anywhere.
      expect(csp).not.toContain('script-src');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('shows a plain page with no plan content to someone without a link', async () => {
    const response = await (await appWith()).request('/');
    const html = await response.text();
    expect(html).toContain('Testshire Police');
    expect(html).not.toContain('SECRET');
    expect(html).toContain('<html lang="en-GB">');
  });

  it('answers an unknown path with a 404 page that says what to do', async () => {
    const response = await (await appWith()).request('/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('use the link in your latest email');
  });

  it('refuses a cross-site POST before any route sees it', async () => {
    const response = await (await appWith()).request('/', {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(response.status).toBe(403);
  });

  it('refuses an oversized body with a clear message', async () => {
    const response = await (await appWith()).request('/', {
      method: 'POST',
      headers: { Origin: 'https://actions.testshire.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `a=${'x'.repeat(maxFormBytes)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('Keep it under 640 kB');
  });

  it('shows the plan only behind the admin console sign-in: no /preview, and /admin sends a stranger to sign in', async () => {
    const app = await appWith();
    expect((await app.request('/preview')).status).toBe(404);
    const admin = await app.request('/admin');
    expect(admin.status).toBe(303);
    expect(admin.headers.get('location')).toBe('/admin/sign-in');
    const signIn = await app.request('/admin/sign-in');
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).not.toContain('SECRET');
  });
});
