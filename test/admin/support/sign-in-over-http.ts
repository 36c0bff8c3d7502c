interface StoredEmail {
  destination: { to: string[] };
  body: { text?: string };
}

/** The newest link under `path` (a console sign-in, or an owner's personal link) that the local SES stand-in holds for an address. */
export async function latestEmailedLink(mailUrl: string, email: string, path: '/admin/sign-in' | '/u'): Promise<string> {
  const { emails } = (await (await fetch(`${mailUrl}/store`)).json()) as { emails: StoredEmail[] };
  const text = emails.filter((e) => e.destination.to.includes(email)).at(-1)?.body.text ?? '';
  const link = new RegExp(`(https?://\\S+${path}/[A-Za-z0-9_-]{43})`).exec(text)?.[1];
  if (!link) throw new Error(`No ${path} link emailed to ${email}`);
  return link;
}

export const latestSignInLink = (mailUrl: string, email: string): Promise<string> => latestEmailedLink(mailUrl, email, '/admin/sign-in');

/**
 * Signs in to a running app (the local runner) as a person would, without a browser: asks for a link,
 * takes it from the local mail store, presses "Sign in". Returns the Cookie header for later requests.
 */
export async function signInOverHttp(appUrl: string, mailUrl: string, email: string): Promise<string> {
  const form = { Origin: new URL(appUrl).origin, 'Content-Type': 'application/x-www-form-urlencoded' };
  const asked = await fetch(`${appUrl}/admin/sign-in`, { method: 'POST', headers: form, body: new URLSearchParams({ email }) });
  if (asked.status !== 200) throw new Error(`Asking for a sign-in link answered ${asked.status}`);
  const link = await latestSignInLink(mailUrl, email);
  const signedIn = await fetch(link, { method: 'POST', headers: form, body: '', redirect: 'manual' });
  const cookie = signedIn.headers.get('set-cookie')?.split(';')[0];
  if (signedIn.status !== 303 || !cookie) throw new Error(`Signing in answered ${signedIn.status} without a session cookie`);
  return cookie;
}
