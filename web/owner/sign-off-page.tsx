import type { FieldError } from '../../functions/core/admin/actions/admin-change.js';
import type { SignOffView } from '../../functions/core/owner/sign-off-as-sro.js';
import { Layout } from '../views/layout.js';
import { ActionDetails, RecentUpdates } from './action-summary.js';
import { describedBy, ErrorMessage, ErrorSummary, errorFor, FormGroup, UnsavedText } from './components.js';
import { ownerPaths } from './format.js';
import { formatCount, listWords } from '../../functions/core/words.js';
import { maxReasonChars } from '../../functions/core/owner/owner-update-form.js';

export interface SignOffPageProps extends SignOffView {
  forceName: string;
  timeZone: string;
  token: string;
  daysSinceUpdate: number | null;
  /** Set when the action changed after the page the SRO decided on was opened: what was not done. */
  changed?: 'signed off' | 'returned';
  /** The return form as sent, when it comes back with problems or was not sent: nothing typed is lost. */
  returnReason?: string;
  returnErrors?: FieldError[];
}

/**
 * Who makes the case for closing: on a shared action one owner's tick is not the others' word. An
 * import or an admin's edit that set the status names nobody.
 */
function proposalLead({ owners, lastProposal, names }: Pick<SignOffPageProps, 'owners' | 'lastProposal' | 'names'>): string {
  const proposer = lastProposal && (lastProposal.via === 'link' || lastProposal.onBehalfOf) ? names[lastProposal.onBehalfOf ?? lastProposal.by] : undefined;
  const list = listWords(owners) || 'nobody';
  if (owners.length === 1 && (proposer === undefined || proposer === owners[0])) return `Owned by ${list}, who believes it is complete.`;
  return proposer ? `Owned by ${list}. ${proposer} believes it is complete.` : `Owned by ${list}, and proposed for closure.`;
}

/**
 * For the SRO: a closure the owner proposed, with the latest updates that make the case, the button
 * that closes it, and the form that returns it to its owners with a reason. An action not (or no longer)
 * proposed for closure is shown without either.
 */
export function SignOffPage(props: SignOffPageProps) {
  const { action, token } = props;
  const proposed = action.status === 'proposed-closure';
  const owners = listWords(props.owners) || 'nobody';
  const errors = props.returnErrors ?? [];
  const reasonError = errorFor(errors, 'returnReason');
  const heading = proposed ? `Sign off ${action.ref}` : `${action.ref}: plan and latest updates`;
  return (
    <Layout title={heading} forceName={props.forceName} hasErrors={errors.length > 0}>
      <a class="back-link" href={ownerPaths.list(token)}>
        Back to your actions
      </a>
      <ErrorSummary errors={errors} />
      {props.changed && (
        <div class="warning-text" role="alert">
          <p>
            {action.ref} changed after you opened it, so it was not {props.changed}. Read its latest update below{proposed ? ', then decide again.' : '.'}
          </p>
          {!proposed && props.returnReason && <UnsavedText texts={[{ value: props.returnReason }]} lead="What you wrote was not sent." />}
        </div>
      )}
      <span class="caption">{action.area}</span>
      <h1>{heading}</h1>
      <p class="lead">
        {proposed ? proposalLead(props) : `Owned by ${owners}. It is not awaiting your sign-off.`}
      </p>
      <h2>Recent updates</h2>
      <RecentUpdates action={action} updates={props.recentUpdates} names={props.names} timeZone={props.timeZone} />
      <ActionDetails action={action} daysSinceUpdate={props.daysSinceUpdate} />
      {proposed && (
        <>
          <form method="post" action={ownerPaths.signOff(token, action.id)}>
            <input type="hidden" name="version" value={String(action.version)} />
            <h2>Your sign-off</h2>
            <p>Signing off closes the action, and its owners are told by email.</p>
            <button class="button" type="submit">
              Sign off and close {action.ref}
            </button>
          </form>
          <form method="post" action={ownerPaths.returnClosure(token, action.id)} novalidate>
            <input type="hidden" name="version" value={String(action.version)} />
            <h2>Not complete yet?</h2>
            <FormGroup error={reasonError}>
              <label class="label label-bold" for="returnReason">
                Why it is not complete yet
              </label>
              <p id="returnReason-hint" class="hint">
                Returning it opens it again.{' '}
                {props.told.length > 0
                  ? `${listWords(props.told)} ${props.told.length === 1 ? 'is' : 'are'} emailed that it came back, and can read your reason on the action’s page.`
                  : props.owners.length === 0
                    ? 'It has no owner, so nobody is emailed: the admins see it on their dashboard, to assign one.'
                    : `${props.owners.length === 1 ? 'Its owner has' : 'Its owners have'} left, so nobody is emailed: the admins see it on their dashboard, to reassign it.`}{' '}
                Up to {formatCount(maxReasonChars)} characters.
              </p>
              <ErrorMessage id="returnReason-error" message={reasonError} />
              <textarea class="textarea" id="returnReason" name="returnReason" rows={4} aria-describedby={describedBy('returnReason-hint', reasonError && 'returnReason-error')}>
                {props.returnReason ?? ''}
              </textarea>
            </FormGroup>
            <button class="button button-secondary" type="submit">
              Return {action.ref} to its owners
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
