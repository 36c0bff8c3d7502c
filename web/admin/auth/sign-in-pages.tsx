import { EmailLinkForm, ErrorSummary } from '../../owner/components.js';
import { Layout } from '../../views/layout.js';

export interface SignInFormProps {
  forceName: string;
  email?: string;
  error?: string;
  /** The session ended (idle, expired or signed out elsewhere) and the guard sent the person here. */
  ended?: boolean;
  /** What the person typed into a form they sent after their session ended: shown to copy, never saved. */
  unsaved?: UnsavedText[];
}

export interface UnsavedText {
  label: string;
  value: string;
}

export function SignInPage({ forceName, email, error, ended, unsaved = [] }: SignInFormProps) {
  return (
    <Layout title="Sign in to the admin console" forceName={forceName} hasErrors={Boolean(error)}>
      <ErrorSummary errors={error ? [{ field: 'email', message: error }] : []} />
      {ended && !error && (
        <div class="inset-text">
          <p>You have been signed out. Sessions end after 30 minutes without use, and 12 hours after signing in.</p>
        </div>
      )}
      {unsaved.length > 0 && (
        <section aria-labelledby="unsaved-title">
          <h2 id="unsaved-title">What you typed was not saved</h2>
          <p>Copy it before you sign in again, then send it again from the same page.</p>
          {unsaved.map((text, i) => (
            <div class="form-group">
              <label class="label" for={`unsaved-${i}`}>
                {text.label}
              </label>
              <textarea class="textarea" id={`unsaved-${i}`} rows={Math.min(10, text.value.split('\n').length + 1)} readonly>
                {text.value}
              </textarea>
            </div>
          ))}
        </section>
      )}
      <h1>Sign in to the admin console</h1>
      <p>For the force's plan administrators and board members. Enter your work email address and we will email you a link to sign in.</p>
      <EmailLinkForm action="/admin/sign-in" label="Work email address" button="Email me a sign-in link" email={email} error={error} />
      <p>Plan owners do not sign in here: use the personal link in your email, or <a href="/u/new-link">get a new link</a>.</p>
    </Layout>
  );
}

/** The same page whether or not the address may sign in: nothing here says which. */
export function CheckEmailPage({ forceName }: { forceName: string }) {
  return (
    <Layout title="Check your email" forceName={forceName}>
      <h1>Check your email</h1>
      <p>If that address can sign in to the admin console, we have sent it a sign-in link. It can take a few minutes to arrive.</p>
      <p>The link works once, for 15 minutes.</p>
      <p>
        <a href="/admin/sign-in">Ask for another link</a>
      </p>
    </Layout>
  );
}

export function TooManySignInsPage({ forceName }: { forceName: string }) {
  return (
    <Layout title="Too many requests to sign in" forceName={forceName}>
      <h1>Too many requests to sign in</h1>
      <p>Several sign-in links have been asked for recently. Wait an hour and try again, or use the newest link you were sent.</p>
    </Layout>
  );
}

/** What the emailed link opens: a button, because mail scanners follow links and only the POST signs in. */
export function SignInLinkPage({ forceName, action }: { forceName: string; action: string }) {
  return (
    <Layout title="Sign in" forceName={forceName}>
      <h1>Sign in to the admin console</h1>
      <form method="post" action={action}>
        <button type="submit" class="button">
          Sign in
        </button>
      </form>
    </Layout>
  );
}

export function SignInRefusedPage({ forceName }: { forceName: string }) {
  return (
    <Layout title="This sign-in link has expired or has been used" forceName={forceName}>
      <h1>This sign-in link has expired or has been used</h1>
      <p>Each sign-in link works once, for 15 minutes.</p>
      <p>
        <a href="/admin/sign-in">Get a new sign-in link</a>
      </p>
    </Layout>
  );
}

export function SignedOutPage({ forceName, everywhere }: { forceName: string; everywhere: boolean }) {
  const title = everywhere ? 'You have signed out everywhere' : 'You have signed out';
  return (
    <Layout title={title} forceName={forceName}>
      <h1>{title}</h1>
      {everywhere && <p>Every session you had open, on any device, has ended, and any sign-in link you had not used no longer works.</p>}
      <p>
        <a href="/admin/sign-in">Sign in again</a>
      </p>
    </Layout>
  );
}
