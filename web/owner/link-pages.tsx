import { Layout } from '../views/layout.js';
import { EmailLinkForm, ErrorSummary, UnsavedWarning, type TypedText } from './components.js';
import { ownerPaths } from './format.js';

export interface FreshLinkFormProps {
  email?: string;
  error?: string;
}

function FreshLinkForm({ email, error }: FreshLinkFormProps) {
  return <EmailLinkForm action={ownerPaths.newLink} label="Your work email address" button="Email me a new link" email={email} error={error} />;
}

/** An expired, revoked, unknown or mistyped link: one page for all, with a way to get a fresh link. */
export function LinkRefusedPage({ forceName, linkExpiryDays, unsaved = [] }: { forceName: string; linkExpiryDays: number; unsaved?: TypedText[] }) {
  return (
    <Layout title="This link has expired or is not valid" forceName={forceName}>
      <h1>This link has expired or is not valid</h1>
      <UnsavedWarning texts={unsaved} />
      <p>Links work for {linkExpiryDays} days, and stop working if an administrator withdraws them.</p>
      <p>Enter your email address and we will send you a new link.</p>
      <FreshLinkForm />
    </Layout>
  );
}

/** An owner cannot sign off or return their own action; an SRO deciding in two tabs can. */
const whyNotOpen = {
  owner: 'It may have been closed (signed off as complete, or set aside by an administrator), or given to someone else.',
  sro: 'It may have been signed off or returned (perhaps by you, in another tab or from an earlier email), or given to someone else.',
};

/**
 * An action the person no longer works on: closed, or given to someone else, since their link or form
 * showed it (or never theirs: the same page, so that it tells a guesser nothing). After a POST it
 * keeps what they typed.
 */
export function ActionNotOpenPage({ forceName, token, unsaved = [], as }: { forceName: string; token: string; unsaved?: TypedText[]; as: 'owner' | 'sro' }) {
  return (
    <Layout title="This action is no longer open to you" forceName={forceName}>
      <h1>This action is no longer open to you</h1>
      <UnsavedWarning texts={unsaved} />
      <p>{whyNotOpen[as]}</p>
      <p>
        <a href={ownerPaths.list(token)}>Go to your actions</a>
      </p>
    </Layout>
  );
}

export function FreshLinkPage({ forceName, email, error }: { forceName: string } & FreshLinkFormProps) {
  return (
    <Layout title="Get a new link" forceName={forceName} hasErrors={Boolean(error)}>
      <ErrorSummary errors={error ? [{ field: 'email', message: error }] : []} />
      <h1>Get a new link</h1>
      <p>Enter your email address and we will send you a link to your actions.</p>
      <FreshLinkForm email={email} error={error} />
    </Layout>
  );
}

export function LinkRequestedPage({ forceName }: { forceName: string }) {
  return (
    <Layout title="Check your email" forceName={forceName}>
      <h1>Check your email</h1>
      <p>If we have that address for someone working on the action plan, we have sent a new link to it. It can take a few minutes to arrive.</p>
      <p>The email comes from the Action Plan Tracker and holds no details of your actions, only a link to them.</p>
      <p>
        Nothing after a few minutes? Check your junk folder, or <a href="/u/new-link">ask again with another address</a> you use at work.
      </p>
    </Layout>
  );
}

export function TooManyRequestsPage({ forceName }: { forceName: string }) {
  return (
    <Layout title="Too many requests for a link" forceName={forceName}>
      <h1>Too many requests for a link</h1>
      <p>A few links have been asked for recently. Wait an hour and try again, or use the newest link you were sent.</p>
    </Layout>
  );
}
