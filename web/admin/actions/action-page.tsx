import type { FieldError } from '../../../functions/core/admin/actions/admin-change.js';
import { ownClosureRefusal } from '../../../functions/core/admin/actions/sign-off-closure.js';
import { peopleWithAddress } from '../../../functions/core/admin/find-person.js';
import { confidenceLabels, type Action } from '../../../functions/core/model/action.js';
import type { Person } from '../../../functions/core/model/person.js';
import type { Update } from '../../../functions/core/model/update.js';
import { ErrorSummary, Prose, NotificationBanner } from '../../owner/components.js';
import { formatDaysAgo, formatInstant, formatTarget, formatTargetValue, statusLabels } from '../../owner/format.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { NewLinkAdvice } from '../new-link-advice.js';
import { peoplePaths } from '../people/people-paths.js';
import { defaultValues, EditForm, OnBehalfForm, ReasonForm, ReassignForm } from './action-forms.js';
import { ChangeForm, type FormState } from './form-controls.js';
import { describeAccepted, kindLabels } from '../../views/describe-change.js';
import { HistoryList } from './history-list.js';
import { actionPaths, changeLabels, doneMessages, type ActionChange } from './paths.js';
import { personLabel } from './person-label.js';
import { consoleChangeAnchor } from '../../../functions/core/admin/console-paths.js';
import { whyAdminSignsOff } from '../../../functions/core/rules/decides-closure.js';

export interface ActionPageProps {
  forceName: string;
  timeZone: string;
  session: AdminSession;
  action: Action;
  updates: Update[];
  people: Person[];
  flags: { stale: boolean; overdue: boolean; daysSinceUpdate: number | null };
  /** The actions list as last seen, with its filters and page. */
  listHref: string;
  /** After a change: what was done, and the ids of new owners whose email could not be sent, from the URL. */
  done?: { change: ActionChange; notEmailed: string[]; unchanged: boolean };
  /** A form that came back with problems: which one, what was typed, what is wrong. */
  failed?: { change: ActionChange; values: Record<string, string>; errors: FieldError[] };
}

/** One action: every field, the forms for each change (admins only) and the full history. */
export function ActionPage(props: ActionPageProps) {
  const { action, session, failed } = props;
  const names = Object.fromEntries(props.people.map((p) => [p.id, p.name]));
  const directory = new Map(props.people.map((p) => [p.id, p]));
  return (
    <AdminLayout title={`${failed ? changeLabels[failed.change] + ': ' : ''}${action.ref}`} forceName={props.forceName} session={session} current="/admin/actions" hasErrors={!!failed}>
      <a class="back-link" href={props.listHref}>
        {props.listHref === actionPaths.list ? 'Back to all actions' : 'Back to the list of actions'}
      </a>
      {failed && <ErrorSummary errors={failed.errors} />}
      {props.done && <DoneBanner done={props.done} names={names} />}
      <span class="caption">
        {kindLabels[action.kind]}, {action.area}
      </span>
      <h1>
        {action.ref} <StatusTags action={action} flags={props.flags} />
      </h1>
      <ActionFields action={action} directory={directory} timeZone={props.timeZone} flags={props.flags} />
      {session.role === 'admin' && <ChangeSections {...props} directory={directory} />}
      <h2 id="history">History</h2>
      <HistoryList updates={props.updates} names={names} timeZone={props.timeZone} importedAt={action.createdAt} />
    </AdminLayout>
  );
}

function DoneBanner({ done, names }: { done: NonNullable<ActionPageProps['done']>; names: Record<string, string> }) {
  // Anyone can craft a console link with any text here: name only people the directory holds.
  const notEmailed = [...new Set(done.notEmailed)].filter((id) => Object.hasOwn(names, id));
  return (
    <>
      <NotificationBanner title={done.unchanged ? 'Nothing was changed: what you sent is what was already recorded' : doneMessages[done.change]} />
      {notEmailed.length > 0 && (
        <p class="warning-text">
          Not emailed (the email failed, or they cannot receive email):{' '}
          {notEmailed.map((id, i) => (
            <>
              {i > 0 && ', '}
              <a href={peoplePaths.person(id)}>{names[id]}</a>
            </>
          ))}
          . <NewLinkAdvice />
        </p>
      )}
    </>
  );
}

export function StatusTags({ action, flags }: { action: Action; flags: { stale: boolean; overdue: boolean } }) {
  return (
    <>
      {action.status !== 'open' && <span class={`tag tag-status-${action.status}`}>{statusLabels[action.status]}</span>}
      {flags.overdue && <span class="tag tag-overdue">Overdue</span>}
      {flags.stale && <span class="tag tag-stale">Stale</span>}
    </>
  );
}

function Row({ label, children }: { label: string; children: unknown }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children as string}</dd>
    </div>
  );
}

function ActionFields({ action, directory, timeZone, flags }: { action: Action; directory: ReadonlyMap<string, Person>; timeZone: string; flags: ActionPageProps['flags'] }) {
  const owners = [...action.ownerIds.map((id) => personLabel(id, directory)), ...action.unmatchedNames.map((n) => `${n} (not matched to anyone)`)];
  const revisions = action.timescale.revisions;
  return (
    <>
      <h2>Text</h2>
      <Prose text={action.text} />
      <h2>Inspection evidence</h2>
      <Prose text={action.evidence} />
      <h2>Plan</h2>
      <Prose text={action.plan} />
      <h2>Latest progress</h2>
      <Prose text={action.latestProgress} />
      <dl class="summary-list">
        <Row label="Status">{statusLabels[action.status]}</Row>
        <Row label="Accepted">{describeAccepted(action.accepted)}</Row>
        <Row label="Senior responsible officer">{action.sroId ? personLabel(action.sroId, directory) : 'Not set'}</Row>
        <Row label={owners.length > 1 ? 'Owners (lead first)' : 'Owner'}>{owners.join(', ') || 'Not set'}</Row>
        <Row label="Target date">{formatTarget(action.timescale)}</Row>
        {action.timescale.originalTarget && action.timescale.originalTarget !== action.timescale.target && (
          <Row label="Original target">{formatTargetValue(action.timescale.originalTarget)}</Row>
        )}
        {action.timescale.text && action.timescale.target !== null && <Row label="Timescale as written in the imported plan">{action.timescale.text}</Row>}
        {revisions.length > 0 && (
          <Row label="Target revisions">
            <ul class="change-list">
              {revisions.map((r) => (
                <li>
                  {formatInstant(r.at, timeZone)}: {formatTargetValue(r.from)} → {formatTargetValue(r.to)}. {r.reason}
                </li>
              ))}
            </ul>
          </Row>
        )}
        <Row label="Confidence">{confidenceLabels[action.confidence]}</Row>
        <Row label="Reason for confidence">{action.confidenceNarrative ?? 'None recorded'}</Row>
        <Row label="Last updated">
          {action.lastUpdatedAt ? `${formatInstant(action.lastUpdatedAt, timeZone)} (${formatDaysAgo(flags.daysSinceUpdate).toLowerCase()})` : 'Never updated'}
        </Row>
      </dl>
    </>
  );
}

/**
 * Each change a collapsible section; the one that came back with problems is open, with what was typed.
 * Otherwise a closure awaiting sign-off opens its section: it is what the page is visited for, from the
 * dashboard or the admins' email, whose link to #change-sign-off may come through signing in without it.
 */
function ChangeSections(props: ActionPageProps & { directory: ReadonlyMap<string, Person> }) {
  const { action, failed } = props;
  const defaults = defaultValues(action, props.flags.overdue);
  const state = (change: ActionChange): FormState =>
    failed?.change === change ? { values: failed.values, errors: failed.errors } : { values: defaults[change] ?? {}, errors: [] };
  const opened = failed?.change ?? (action.status === 'proposed-closure' ? 'sign-off' : null);
  const section = (change: ActionChange, body: unknown) => (
    <details class="change-section" id={consoleChangeAnchor(change)} open={opened === change}>
      <summary>{changeLabels[change]}</summary>
      <div class="change-body">{body as string}</div>
    </details>
  );
  const ownClosure = ownClosureRefusal(action, peopleWithAddress(props.people, props.session.email));
  const whyAdmin = whyAdminSignsOff(action, props.people.find((person) => person.id === action.sroId) ?? null);
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">Change this action</h2>
      {action.status === 'proposed-closure' &&
        section(
          'sign-off',
          ownClosure ? (
            <p id={ownClosure.field} class="inset-text">
              {ownClosure.message}
            </p>
          ) : (
            <>
              <p>
                {whyAdmin
                  ? `The owner says the action is done. An admin signs it off: ${whyAdmin}. Sign it off once you are satisfied it is complete, or reopen it below with your reason.`
                  : 'The owner says the action is done. Sign off when the senior responsible officer agrees.'}
              </p>
              <ChangeForm action={actionPaths.change(action.id, 'sign-off')} version={action.version} submit="Sign off the closure" />
            </>
          ),
        )}
      {(action.status === 'open' || action.status === 'proposed-closure') &&
        section('on-behalf', <OnBehalfForm action={action} state={state('on-behalf')} directory={props.directory} overdue={props.flags.overdue} />)}
      {section('reassign', <ReassignForm action={action} state={state('reassign')} people={props.people} />)}
      {section('edit', <EditForm action={action} state={state('edit')} />)}
      {action.status !== 'open' &&
        section('reopen', <ReasonForm action={action} state={state('reopen')} change="reopen" id="reopenReason" label="Why is the action being reopened?" submit="Reopen" />)}
      {action.status !== 'not-accepted' &&
        section(
          'not-accepted',
          <ReasonForm action={action} state={state('not-accepted')} change="not-accepted" id="notAcceptedReason" label="Why has the force not accepted it?" submit="Mark not accepted" />,
        )}
      {action.status !== 'superseded' &&
        section(
          'superseded',
          <ReasonForm action={action} state={state('superseded')} change="superseded" id="supersededReason" label="Why is it superseded, and by what?" submit="Mark superseded" />,
        )}
    </section>
  );
}
