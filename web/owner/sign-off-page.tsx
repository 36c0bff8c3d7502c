import type { SignOffView } from '../../functions/core/owner/sign-off-as-sro.js';
import { Layout } from '../views/layout.js';
import { ActionDetails, UpdateEntry } from './action-summary.js';
import { ownerPaths } from './format.js';

export interface SignOffPageProps extends SignOffView {
  forceName: string;
  timeZone: string;
  token: string;
  daysSinceUpdate: number | null;
  /** Set when the action changed after the page the SRO signed off from was opened. */
  changed?: boolean;
}

/**
 * For the SRO: a closure the owner proposed, with the latest updates that make the case, and the one
 * button that closes it. An action not (or no longer) proposed for closure is shown without the button.
 */
export function SignOffPage(props: SignOffPageProps) {
  const { action, token } = props;
  const proposed = action.status === 'proposed-closure';
  const owners = props.owners.join(' and ') || 'nobody';
  return (
    <Layout title={proposed ? `Sign off ${action.ref}` : action.ref} forceName={props.forceName}>
      <a class="back-link" href={ownerPaths.list(token)}>
        Back to your actions
      </a>
      {props.changed && (
        <div class="warning-text" role="alert">
          <p>{action.ref} changed after you opened it, so it was not signed off. Read its latest update below{proposed ? ', then sign it off if it is done.' : '.'}</p>
        </div>
      )}
      <span class="caption">{action.area}</span>
      <h1>{proposed ? `Sign off ${action.ref}` : action.ref}</h1>
      <p class="lead">
        {proposed ? `Owned by ${owners}, who believe${props.owners.length === 1 ? 's' : ''} it is complete.` : `Owned by ${owners}. It is not awaiting your sign-off.`}
      </p>
      <h2>Recent updates</h2>
      {props.recentUpdates.length === 0 ? (
        <p class="hint">No updates recorded yet.</p>
      ) : (
        props.recentUpdates.map((update) => <UpdateEntry update={update} names={props.names} timeZone={props.timeZone} />)
      )}
      <ActionDetails action={action} daysSinceUpdate={props.daysSinceUpdate} />
      {proposed && (
        <form method="post" action={ownerPaths.signOff(token, action.id)}>
          <input type="hidden" name="version" value={String(action.version)} />
          <h2>Your sign-off</h2>
          <p>Signing off closes the action. If it is not complete, do not sign it off: tell {owners}, who can update it and untick “I believe this action is complete”.</p>
          <button class="button" type="submit">
            Sign off and close {action.ref}
          </button>
        </form>
      )}
    </Layout>
  );
}
