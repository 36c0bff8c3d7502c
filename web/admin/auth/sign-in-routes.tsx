import { Hono } from 'hono';
import { checkSignInLink, consumeSignIn } from '../../../functions/core/admin/consume-sign-in.js';
import { requestSignIn, signInLinkPath } from '../../../functions/core/admin/request-sign-in.js';
import { signOut, signOutEverywhere } from '../../../functions/core/admin/resolve-session.js';
import type { AppEnv } from '../../app.js';
import { emailRequestMs, evenResponseTime } from '../../middleware/security.js';
import type { AdminEnv } from '../admin-env.js';
import { clientKey } from '../../middleware/client-key.js';
import { clearSessionCookie, returnPathForLink, takeReturnPath, writeSessionCookie } from './session-cookie.js';
import { CheckEmailPage, SignedOutPage, SignInLinkPage, SignInPage, SignInRefusedPage, TooManySignInsPage } from './sign-in-pages.js';

/** The console's only pages without a session: ask for a link, open it, press "Sign in". */
export function createSignInRoutes() {
  const signIn = new Hono<AppEnv>();

  signIn.get('/sign-in', (c) => c.html(<SignInPage forceName={c.get('deps').config.name} ended={c.req.query('ended') === '1'} />));

  signIn.post('/sign-in', evenResponseTime(emailRequestMs), async (c) => {
    const deps = c.get('deps');
    const body = await c.req.parseBody();
    const result = await requestSignIn(deps, body.email, clientKey(c), deps.clock.now(), returnPathForLink(c, deps.config.baseUrl));
    if (result.kind === 'invalid') return c.html(<SignInPage forceName={deps.config.name} email={result.email} error={result.message} />, 400);
    if (result.kind === 'rate-limited') return c.html(<TooManySignInsPage forceName={deps.config.name} />, 429);
    return c.html(<CheckEmailPage forceName={deps.config.name} />);
  });

  // GET (and HEAD) only look: the link is used by the POST of the page's button.
  signIn.get('/sign-in/:token', async (c) => {
    const deps = c.get('deps');
    const checked = await checkSignInLink(deps, c.req.param('token'), deps.clock.now());
    if (!checked.ok) return c.html(<SignInRefusedPage forceName={deps.config.name} />, 404);
    const next = c.req.query('next');
    return c.html(<SignInLinkPage forceName={deps.config.name} action={signInLinkPath(c.req.param('token'), next)} />);
  });

  signIn.post('/sign-in/:token', async (c) => {
    const deps = c.get('deps');
    const result = await consumeSignIn(deps, c.req.param('token'), deps.clock.now());
    if (!result.ok) return c.html(<SignInRefusedPage forceName={deps.config.name} />, 404);
    writeSessionCookie(c, deps.config.baseUrl, result.sessionToken);
    return c.redirect(takeReturnPath(c, deps.config.baseUrl, c.req.query('next')), 303);
  });

  return signIn;
}

/** Behind the session guard: ending this session, or every session of the signed-in address. */
export function createSignOutRoutes() {
  const signOutRoutes = new Hono<AdminEnv>();

  signOutRoutes.post('/', async (c) => {
    const deps = c.get('deps');
    await signOut(deps, c.get('session').sessionId);
    clearSessionCookie(c, deps.config.baseUrl);
    return c.html(<SignedOutPage forceName={deps.config.name} everywhere={false} />);
  });

  signOutRoutes.post('/everywhere', async (c) => {
    const deps = c.get('deps');
    const { email } = c.get('session');
    await signOutEverywhere(deps, email, email, deps.clock.now());
    clearSessionCookie(c, deps.config.baseUrl);
    return c.html(<SignedOutPage forceName={deps.config.name} everywhere={true} />);
  });

  return signOutRoutes;
}
