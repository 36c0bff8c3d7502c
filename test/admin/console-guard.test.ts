import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createAdminRoutes } from '../../web/admin/admin-app.js';
import type { AppDeps } from '../../web/deps.js';
import { uploadPaths } from '../../web/middleware/security.js';
import { makeAction, makePerson, makeUpdate } from '../support/make-action.js';
import { adminEmail, boardEmail, consoleFixture } from './support/console-fixture.js';

/** Open without a session by design: asking for a sign-in link and using it. */
const isSignIn = (path: string) => path === '/admin/sign-in' || path.startsWith('/admin/sign-in/');
/** Ending one's own session is not a change to the plan: board members may do it. */
const isSignOut = (path: string) => path === '/admin/sign-out' || path.startsWith('/admin/sign-out/');
/** Downloads are POSTs only to be audited: board members may download the plan and the packs. */
const isDownload = (path: string) => path.endsWith('.xlsx');

/**
 * Every GET and POST route of the console as the app mounts it at /admin, from Hono's own route table
 * (the app loads the console on first use, so its own table holds only the catch-all).
 */
function consoleRoutes(): Array<{ method: 'GET' | 'POST'; path: string }> {
  const seen = new Set<string>();
  return new Hono().route('/admin', createAdminRoutes()).routes
    .filter((r): r is typeof r & { method: 'GET' | 'POST' } => (r.method === 'GET' || r.method === 'POST') && (r.path === '/admin' || r.path.startsWith('/admin/')))
    .filter((r) => !r.path.includes('*') && !isSignIn(r.path))
    .map((r) => ({ method: r.method, path: fillParams(r.path) }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

/** Params filled with ids that exist, so that an unguarded route would really act on something. */
function fillParams(path: string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, (_all, name: string) => (name === 'month' ? '2026-10' : name === 'file' ? 'board-pack.xlsx' : 'target'));
}

/** An action and a person both with the id "target", the action owned by that person, with history. */
async function seed(deps: AppDeps) {
  await deps.repository.putPerson(makePerson({ id: 'target', email: 'target@testshire.example' }));
  await deps.repository.putPerson(makePerson({ id: 'sro', email: 'sro@testshire.example', mailStatus: 'bounced' }));
  await deps.repository.putAction(makeAction({ id: 'target', ownerIds: ['target'], sroId: 'sro', status: 'proposed-closure' }), null);
  await deps.repository.saveUpdate(makeUpdate({ actionId: 'target', by: 'target' }));
}

/** Everything a change could write, as a deep copy; sessions and rate limits are left out (the request itself touches them). */
function stateOf(deps: AppDeps): unknown {
  const { config: _c, clock: _k, timer: _t, getMailer: _m, sessions: _s, rateLimits: _r, ...stores } = deps;
  return structuredClone(stores);
}

const plausibleForm = { confirm: 'yes', reason: 'Testing the guard', version: '2', email: 'someone@testshire.example', progress: 'x', ownerIds: 'sro' };

describe('the console guard', () => {
  it('finds the console routes to test in the built app', () => {
    const routes = consoleRoutes().map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining(['GET /admin', 'POST /admin/sign-out', 'POST /admin/sign-out/everywhere', 'GET /admin/summaries', 'GET /admin/summaries/2026-10']));
  });

  it('lets no route under /admin answer without a session: each goes to sign-in, and nothing is written', async () => {
    const { deps, request, sent } = consoleFixture();
    await seed(deps);
    const before = stateOf(deps);
    for (const { method, path } of consoleRoutes()) {
      for (const cookie of [undefined, '__Host-session=' + 'x'.repeat(43)]) {
        const response = await request(path, { method, ...(method === 'POST' ? { form: plausibleForm } : {}), ...(cookie ? { cookie } : {}) });
        if (method === 'POST' && !uploadPaths.includes(path)) {
          // No live session (ended, or its cookie cleared by a sign-out in another tab): the sign-in page at
          // once, with the typed reason to copy (an upload is not read).
          expect(response.status, `${method} ${path}`).toBe(403);
          expect(await response.text(), `${method} ${path}`).toContain('What you typed was not saved');
          continue;
        }
        expect(response.status, `${method} ${path}`).toBe(303);
        expect(response.headers.get('location'), `${method} ${path}`).toMatch(/^\/admin\/sign-in(\?ended=1)?$/);
      }
      // HEAD is served by the GET handler: it must be guarded alike.
      if (method === 'GET') expect((await request(path, { method: 'HEAD' })).status, `HEAD ${path}`).toBe(303);
    }
    expect(stateOf(deps)).toEqual(before);
    expect(sent).toEqual([]);
  });

  it('refuses every admin change to a board member (403) and writes nothing', async () => {
    const { deps, request, signIn, sent } = consoleFixture();
    await seed(deps);
    const cookie = await signIn(boardEmail);
    const mailBefore = sent.length;
    const before = stateOf(deps);
    const posts = consoleRoutes().filter((r) => r.method === 'POST' && !isSignOut(r.path) && !isDownload(r.path));
    expect(posts.map((r) => r.path)).toEqual(expect.arrayContaining(['/admin/people/target/deactivate', '/admin/people/target/revoke-links', '/admin/people/target/mail-ok']));
    for (const { path } of posts) {
      const response = await request(path, { form: plausibleForm, cookie });
      expect(response.status, `POST ${path}`).toBe(403);
      expect(await response.text(), `POST ${path}`).toContain('Only admins can do this');
    }
    expect(stateOf(deps)).toEqual(before);
    expect(sent).toHaveLength(mailBefore);
    // The same session still reads the dashboard and the summaries, and downloads the plan, which is audited.
    expect((await request('/admin', { cookie })).status).toBe(200);
    expect((await request('/admin/summaries', { cookie })).status).toBe(200);
    const download = await request('/admin/export/action-plan.xlsx', { method: 'POST', cookie });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="action-plan-/);
    const exports = (await deps.audit.listRecent(50)).entries.filter((e) => e.change === 'export-plan');
    expect(exports).toEqual([expect.objectContaining({ by: boardEmail, target: { type: 'plan', id: deps.config.id } })]);
  });

  it('sends a cross-site POST away before the guard or any route sees it, even with a session', async () => {
    const { app, signIn, sessions } = consoleFixture();
    const cookie = await signIn(adminEmail);
    const response = await app.request('/admin/sign-out/everywhere', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(response.status).toBe(403);
    expect(sessions.sessions.size).toBe(1);
  });
});
