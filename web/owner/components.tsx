import type { Child } from 'hono/jsx';

/**
 * What a change did (GOV.UK's notification banner): green for a confirmation, blue ("important") when
 * part of it failed, so that a partial failure never looks like a plain success. Focused on load like
 * the error summary, so that a screen reader reads it on the page the change led to, and Tab goes on
 * from it. Beside an error summary, which takes the focus, it is only a status.
 */
export function NotificationBanner({
  title,
  level: Heading = 'h2',
  focus = true,
  tone = 'success',
  children,
}: {
  title: Child;
  level?: 'h1' | 'h2';
  focus?: boolean;
  tone?: 'success' | 'important';
  children?: Child;
}) {
  const focused = focus ? ({ role: 'alert', tabindex: -1, autofocus: true } as const) : ({ role: 'status' } as const);
  return (
    <div class={`notification-${tone}`} aria-labelledby="notification-title" {...focused}>
      <Heading id="notification-title" class="notification-title">
        {title}
      </Heading>
      {children}
    </div>
  );
}

/** GOV.UK error summary: first on the page, focused on load (autofocus works without script). */
export function ErrorSummary({ errors }: { errors: Array<{ field: string; message: string }> }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title" class="error-summary-title">
        There is a problem
      </h2>
      <ul class="error-summary-list">
        {errors.map((error) => (
          <li>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function errorFor(errors: ReadonlyArray<{ field: string; message: string }>, field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="error-message">
      <span class="visually-hidden">Error:</span> {message}
    </p>
  );
}

/** A form group that turns red with its message beside the field. */
export function FormGroup({ error, children }: { error: string | undefined; children: Child }) {
  return <div class={error ? 'form-group form-group-error' : 'form-group'}>{children}</div>;
}

export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

/** Text typed into a form that could not be saved, labelled when the form had more than one such field. */
export interface TypedText {
  label?: string;
  value: string;
}

/** What the person typed when it could not be saved, for them to copy before leaving the page (inside a warning). */
export function UnsavedText({ texts, lead = 'What you wrote was not saved.' }: { texts: TypedText[]; lead?: string }) {
  return (
    <>
      <p>
        {lead} Copy {texts.length === 1 ? 'it' : 'what you wrote'} from below before you leave this page:
      </p>
      {texts.map(({ label, value }) => (
        <>
          {label && (
            <p>
              <strong>{label}</strong>
            </p>
          )}
          <p class="prose unsaved">{value}</p>
        </>
      ))}
    </>
  );
}

/** UnsavedText as a warning of its own, for a page that has no other; nothing when nothing was typed. */
export function UnsavedWarning({ texts, lead }: { texts: TypedText[]; lead?: string }) {
  if (texts.length === 0) return null;
  return (
    <div class="warning-text">
      <UnsavedText texts={texts} {...(lead ? { lead } : {})} />
    </div>
  );
}

/** Text that keeps the writer's line breaks (rendered escaped, never as markup or links). */
export function Prose({ text }: { text: string | null }) {
  return text ? <p class="prose">{text}</p> : <p class="hint">None recorded.</p>;
}

/**
 * The one field of an "email me a link" form: the owner's fresh link and the console's sign-in.
 * Either answers the same for a known and an unknown address.
 */
export function EmailLinkForm({ action, label, button, email, error }: { action: string; label: string; button: string; email?: string | undefined; error?: string | undefined }) {
  return (
    <form method="post" action={action} novalidate>
      <FormGroup error={error}>
        <label class="label label-bold" for="email">
          {label}
        </label>
        <ErrorMessage id="email-error" message={error} />
        <input class={error ? 'input input-error' : 'input'} id="email" name="email" type="email" autocomplete="email" spellcheck={false} value={email ?? ''} aria-describedby={error ? 'email-error' : undefined} />
      </FormGroup>
      <button type="submit" class="button">
        {button}
      </button>
    </form>
  );
}
