import type { Action } from '../../functions/core/model/action.js';
import type { Update } from '../../functions/core/model/update.js';
import type { OwnerFormValues } from '../../functions/core/owner/owner-update-form.js';
import { Layout } from '../views/layout.js';
import { UpdateEntry } from './action-summary.js';
import { NotificationBanner, Prose } from './components.js';
import { ownerPaths } from './format.js';
import { UpdateForm } from './update-form.js';

export interface ConflictPageProps {
  forceName: string;
  timeZone: string;
  token: string;
  /** The action as someone else saved it. */
  action: Action;
  newerUpdates: Update[];
  names: Record<string, string>;
  /** What the person typed, carried onto the saved action (rebaseForm), at its version so that a resubmit goes through. */
  values: OwnerFormValues;
  whyAdminSignsOff: string | null;
  /** "YYYY-MM-DD" in the force's time zone. */
  overdue: boolean;
}

/** Someone saved the action while the person was writing: nothing was overwritten; compare and resubmit. */
export function ConflictPage(props: ConflictPageProps) {
  const { action, token, values } = props;
  return (
    // "Not saved" first, as "Error:" leads a form's errors: a screen reader hears it before anything else.
    <Layout title={`Not saved: ${action.ref} was updated while you were writing`} forceName={props.forceName}>
      <a class="back-link" href={ownerPaths.list(token)}>
        Back to your actions
      </a>
      {/* Focused on load, as the error summary is, so that the page says first that nothing was saved. */}
      <NotificationBanner title="Your update has not been saved" tone="important">
        <p>Nothing was overwritten. Compare the two updates, change yours if you need to, then save it.</p>
        <p>
          The form below holds your update. Where you changed the confidence, its reason, the target date or the closure tick, it keeps your choice. Where you did not,
          it now shows the other update’s. Check them before you save.
        </p>
      </NotificationBanner>
      <span class="caption">{action.area}</span>
      <h1>{action.ref} was updated while you were writing</h1>
      <div class="compare">
        <section class="compare-column" aria-labelledby="their-update">
          <h2 id="their-update">The other update</h2>
          {props.newerUpdates.length === 0 ? (
            <p class="hint">The action changed after your page was opened, but its history records nothing newer: reload it to see where it stands.</p>
          ) : (
            props.newerUpdates.map((update) => <UpdateEntry update={update} names={props.names} timeZone={props.timeZone} />)
          )}
        </section>
        <section class="compare-column" aria-labelledby="your-text">
          <h2 id="your-text">Your update</h2>
          <Prose text={values.progress.trim() || null} />
        </section>
      </div>
      <h2>Save your update</h2>
      <UpdateForm action={action} whyAdminSignsOff={props.whyAdminSignsOff} values={values} errors={[]} postTo={ownerPaths.action(token, action.id)} submitLabel="Save my update" overdue={props.overdue} />
    </Layout>
  );
}
