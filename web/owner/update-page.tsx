import type { Action } from '../../functions/core/model/action.js';
import type { Update } from '../../functions/core/model/update.js';
import { isOpenAgain } from '../../functions/core/owner/list-my-actions.js';
import type { FieldError, OwnerFormValues } from '../../functions/core/owner/owner-update-form.js';
import { Layout } from '../views/layout.js';
import { ActionDetails, RecentUpdates, sharedOwners } from './action-summary.js';
import { ErrorSummary, Prose } from './components.js';
import { formatInstant, ownerPaths } from './format.js';
import { UpdateForm } from './update-form.js';

export interface UpdatePageProps {
  forceName: string;
  timeZone: string;
  token: string;
  action: Action;
  daysSinceUpdate: number | null;
  recentUpdates: Update[];
  lastReopening: Update | null;
  names: Record<string, string>;
  whyAdminSignsOff: string | null;
  values: OwnerFormValues;
  errors: FieldError[];
  /** "YYYY-MM-DD" in the force's time zone. */
  overdue: boolean;
  /** When the person's own update is the latest and from today: the browser's back button brings a saved form back. */
  savedByYouAt?: string;
}

/**
 * Why an action its owners thought done (or that was closed) is open again, from the entry that reopened
 * it, until they next update it: the reason is otherwise one line in the history below.
 */
function OpenAgainNotice({ reopening, names, timeZone }: { reopening: Update; names: Record<string, string>; timeZone: string }) {
  const returned = reopening.changes.some((change) => change.field === 'status' && change.from === 'proposed-closure');
  const reason = reopening.changes.find((change) => change.field === 'reason')?.to;
  return (
    <div class="inset-text">
      <p>
        <strong>
          {names[reopening.by] ?? 'Someone'} {returned ? 'returned this action to its owners' : 'reopened this action'} on {formatInstant(reopening.at, timeZone)}
          {returned ? ': it is not signed off yet.' : '.'}
        </strong>
      </p>
      {typeof reason === 'string' && (
        <>
          <p>Their reason:</p>
          <Prose text={reason} />
        </>
      )}
    </div>
  );
}

/** The update form for one action: the recommendation, the plan, the last three updates, then the form. */
export function UpdatePage(props: UpdatePageProps) {
  const { action, token, errors } = props;
  return (
    <Layout title={`Update ${action.ref}`} forceName={props.forceName} hasErrors={errors.length > 0}>
      <a class="back-link" href={ownerPaths.list(token)}>
        Back to your actions
      </a>
      <ErrorSummary errors={errors} />
      <span class="caption">{action.area}</span>
      <h1>Update {action.ref}</h1>
      {isOpenAgain(action) && props.lastReopening && <OpenAgainNotice reopening={props.lastReopening} names={props.names} timeZone={props.timeZone} />}
      <ActionDetails action={action} daysSinceUpdate={props.daysSinceUpdate} owners={sharedOwners(action, props.names)} />
      <h2>Recent updates</h2>
      <RecentUpdates action={action} updates={props.recentUpdates} names={props.names} timeZone={props.timeZone} />
      <h2>Your update</h2>
      {props.savedByYouAt && (
        <div class="inset-text">
          <p>
            You saved an update to {action.ref} on {formatInstant(props.savedByYouAt, props.timeZone)}. Saving again adds another update: updates cannot be changed once saved.
          </p>
        </div>
      )}
      <UpdateForm action={action} whyAdminSignsOff={props.whyAdminSignsOff} values={props.values} errors={errors} postTo={ownerPaths.action(token, action.id)} submitLabel="Save update" overdue={props.overdue} />
    </Layout>
  );
}
