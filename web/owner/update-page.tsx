import type { Action } from '../../functions/core/model/action.js';
import type { Update } from '../../functions/core/model/update.js';
import type { FieldError, OwnerFormValues } from '../../functions/core/owner/owner-update-form.js';
import { Layout } from '../views/layout.js';
import { ActionDetails, RecentUpdates } from './action-summary.js';
import { ErrorSummary } from './components.js';
import { ownerPaths } from './format.js';
import { UpdateForm } from './update-form.js';

export interface UpdatePageProps {
  forceName: string;
  timeZone: string;
  token: string;
  action: Action;
  daysSinceUpdate: number | null;
  recentUpdates: Update[];
  names: Record<string, string>;
  values: OwnerFormValues;
  errors: FieldError[];
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
      <ActionDetails action={action} daysSinceUpdate={props.daysSinceUpdate} />
      <h2>Recent updates</h2>
      <RecentUpdates action={action} updates={props.recentUpdates} names={props.names} timeZone={props.timeZone} />
      <h2>Your update</h2>
      <UpdateForm action={action} values={props.values} errors={errors} postTo={ownerPaths.action(token, action.id)} submitLabel="Save update" />
    </Layout>
  );
}
