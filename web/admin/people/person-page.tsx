import { roleFor } from '../../../functions/core/admin/roles.js';
import type { ForceConfig } from '../../../functions/core/config/force-config.js';
import type { Action } from '../../../functions/core/model/action.js';
import type { Person } from '../../../functions/core/model/person.js';
import type { ReminderRecord } from '../../../functions/core/model/reminder.js';
import type { SendLinkOutcome } from '../../../functions/core/admin/people/send-person-link.js';
import type { SharedName } from '../../../functions/core/admin/people/shared-names.js';
import { ErrorSummary, NotificationBanner } from '../../owner/components.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { NewLinkAdvice } from '../new-link-advice.js';
import { ownerPaths } from '../../owner/format.js';
import { plural } from '../../../functions/core/words.js';
import { TextField, type FormState } from '../actions/form-controls.js';
import { actionPaths } from '../actions/paths.js';
import { mailStatusLabels, peoplePaths } from './people-paths.js';
import { ReminderHistory } from './reminder-history.js';

export const doneMessages = {
  'links-revoked': 'Their links were withdrawn: every personal link they held no longer works',
  'mail-ok': 'Their email address is marked as working again: reminders will be sent to it',
  'email-changed': 'Their email address was changed: reminders will be sent to the new one',
  added: 'They were added to the directory: give them an action on its page (Reassign owners), which emails them their link',
  'details-changed': 'Their name, job title and other names were saved: later imports match the other names as they are now',
  reactivated: 'They are active again: they can be given actions and are sent reminders for them',
  'link-sent': 'A new link to their actions was emailed to them',
  'link-failed': 'The email with their new link could not be sent',
  'link-not-sent-left': 'No link was sent: they have left (deactivated)',
  'link-not-sent-mail': 'No link was sent: their address bounced or was marked as spam',
} as const;
export type PersonDone = keyof typeof doneMessages;

/** The banner after "Email them a new link", for each outcome. */
export const sendLinkDone: Record<SendLinkOutcome, PersonDone> = { sent: 'link-sent', failed: 'link-failed', left: 'link-not-sent-left', 'mail-blocked': 'link-not-sent-mail' };
const notDone: ReadonlySet<PersonDone> = new Set(['link-failed', 'link-not-sent-left', 'link-not-sent-mail']);

export interface PersonPageProps {
  config: Pick<ForceConfig, 'name' | 'admins' | 'board' | 'linkExpiryDays' | 'timeZone'>;
  session: AdminSession;
  person: Person;
  owned: Action[];
  sroOf: Action[];
  /** The reminder job's emails to them, and the refs of the plan's actions by id. */
  reminders: ReminderRecord[];
  refsById: ReadonlyMap<string, string>;
  done?: PersonDone | undefined;
  /** Their names others in the directory are known by too: an import cannot tell them apart. */
  sharedNames: SharedName[];
  /** The change-address form: the stored address, or what was typed with its problem. */
  emailForm: FormState;
  /** Name, job title and other names, as stored or as typed with their problems. */
  detailsForm: FormState;
}

function RefList({ actions }: { actions: Action[] }) {
  if (actions.length === 0) return <p>None.</p>;
  return (
    <ul class="ref-list">
      {actions.map((a) => (
        <li>
          <a href={actionPaths.action(a.id)}>{a.ref}</a>
        </li>
      ))}
    </ul>
  );
}

/** Name, job title and other names: the fields of a new person and of a correction alike. */
export function DetailsFields({ state, aliasesHint }: { state: FormState; aliasesHint: string }) {
  return (
    <>
      <TextField id="name" label="Name" hint="With their rank, as the plan writes it, like Supt Dana Whitfield" state={state} />
      <TextField id="role" label="Job title (optional)" state={state} />
      <TextField id="aliases" label="Other names in the plan (optional)" hint={aliasesHint} state={state} />
    </>
  );
}

/** "Email them a new link", or why it cannot be sent now (the POST says the same if the page was stale). */
function SendLinkSection({ person }: { person: Person }) {
  if (!person.active) return <p>{person.name} has left, so no link can be sent to them.</p>;
  if (person.mailStatus !== 'ok') return <p>No link can be sent until their address works again (see Email below).</p>;
  return (
    <>
      <p>
        If they cannot find their last link, or never had one, email them a new one. It goes to the address above. They can also ask for one
        themselves on the <a href={ownerPaths.newLink}>new link page</a>.
      </p>
      <form method="post" action={peoplePaths.sendLink(person.id)}>
        <button type="submit" class="button button-secondary">
          Email {person.name} a new link
        </button>
      </form>
    </>
  );
}

/** One person: their details, live actions, and the admin's tools for links, email and leavers. */
export function PersonPage({ config, session, person, owned, sroOf, reminders, refsById, done, sharedNames, emailForm, detailsForm }: PersonPageProps) {
  const role = roleFor(config, person.email);
  const errors = [...detailsForm.errors, ...emailForm.errors];
  return (
    <AdminLayout title={person.name} forceName={config.name} session={session} current="/admin/people" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <a class="back-link" href={peoplePaths.list}>
        People
      </a>
      {done && (
        <NotificationBanner title={doneMessages[done]} tone={notDone.has(done) ? 'important' : 'success'}>
          {done === 'email-changed' && (
            <p>
              The links sent to their old address no longer work. <NewLinkAdvice addressJustCorrected />
            </p>
          )}
          {done === 'link-sent' && <p>It went to {person.email}, and works for {plural(config.linkExpiryDays, 'day')}. Any link they already had still works.</p>}
          {done === 'link-failed' && <p>Nothing reached them. Try again in a few minutes; if it fails again, tell IT, who will find the reason in the app’s log.</p>}
          {done === 'link-not-sent-left' && <p>Reactivate them first if they have come back.</p>}
          {done === 'link-not-sent-mail' && <p>Change their address below if it is wrong, or mark it as working once their mailbox is fixed, then send the link.</p>}
        </NotificationBanner>
      )}
      <h1>{person.name}</h1>
      {sharedNames.map(({ name, others }) => (
        <p class="warning-text">
          “{name}” is also{' '}
          {others.map((other, i) => (
            <>
              {i > 0 && ', '}
              <a href={peoplePaths.person(other.id)}>{other.name}</a> ({other.email})
            </>
          ))}
          : a plan that names “{name}” could mean {others.length === 1 ? 'either' : 'any of them'}, so an import leaves it unmatched until you choose who it
          is on its preview. If one of them was added by mistake, correct that person’s name or other names on their page (Correct their name, job
          title or other names): deactivating them would not stop an import matching the name.
        </p>
      ))}
      <dl class="summary-list">
        <div>
          <dt>Job title</dt>
          <dd>{person.role ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd class="break-anywhere">{person.email}</dd>
        </div>
        <div>
          <dt>Email status</dt>
          <dd>{mailStatusLabels[person.mailStatus]}</dd>
        </div>
        <div>
          <dt>Other names in the plan</dt>
          <dd>{person.aliases.join('; ') || 'None'}</dd>
        </div>
        <div>
          <dt>Console access</dt>
          <dd>{role === 'admin' ? 'Admin' : role === 'board' ? 'Board (read only)' : 'None'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{person.active ? 'Active' : 'Left (deactivated)'}</dd>
        </div>
      </dl>

      <details class="change-section" id="change-details" open={detailsForm.errors.length > 0}>
        <summary>Correct their name, job title or other names</summary>
        <form method="post" action={peoplePaths.details(person.id)} novalidate>
          <DetailsFields state={detailsForm} aliasesHint="Separated by ;. Take out a name matched to the wrong person, or a later import gives them that name's actions." />
          <button type="submit" class="button button-secondary">
            Save
          </button>
        </form>
      </details>

      <h2>Open actions they own: {owned.length}</h2>
      <RefList actions={owned} />
      <h2>Open actions they are SRO of: {sroOf.length}</h2>
      <RefList actions={sroOf} />

      <h2>Reminder emails</h2>
      <ReminderHistory records={reminders} refsById={refsById} timeZone={config.timeZone} />

      <h2>Personal links</h2>
      <SendLinkSection person={person} />
      <p>Withdraw every link they hold if one was forwarded or a device was lost.</p>
      <form method="post" action={peoplePaths.revokeLinks(person.id)}>
        <button type="submit" class="button button-warning">
          Withdraw {person.name}’s links
        </button>
      </form>

      <h2>Email</h2>
      {person.mailStatus !== 'ok' && (
        <>
          <p>
            Their address {person.mailStatus === 'bounced' ? 'bounced' : 'was marked as spam'}, so no reminders are sent to it. Once the
            mailbox works (or they agree to the emails), mark it as working again, and ask IT to take the address off the email service's
            suppression list: until they do, every email to it is stopped there and counted as a bounce again. If the address is wrong,
            change it below instead.
          </p>
          <form method="post" action={peoplePaths.mailOk(person.id)}>
            <button type="submit" class="button">
              Mark the address as working
            </button>
          </form>
        </>
      )}
      <form method="post" action={peoplePaths.email(person.id)} novalidate>
        <TextField
          id="email"
          label="Email address"
          hint="Correct an address that is wrong or has changed. Their personal links stop working, since they were sent to the old address, and the new address counts as working."
          state={emailForm}
        />
        <button type="submit" class="button button-secondary">
          Change email address
        </button>
      </form>

      <h2>Leavers</h2>
      {person.active ? (
        <>
          <p>When someone leaves, deactivate them: their actions move to their SRO and their links stop working.</p>
          <a class="button button-warning" href={peoplePaths.deactivate(person.id)}>
            Deactivate {person.name}
          </a>
        </>
      ) : (
        <>
          <p>
            {person.name} was deactivated as a leaver. If that was a mistake, or they have come back, reactivate them: they can then be
            given actions and are sent reminders again. The actions that moved when they left stay where they went (the audit log lists
            them): give back any that should come back on its page, with Reassign owners, and the new holders are told.
          </p>
          <form method="post" action={peoplePaths.reactivate(person.id)}>
            <button type="submit" class="button button-secondary">
              Reactivate {person.name}
            </button>
          </form>
          {sroOf.length > 0 && (
            <>
              <p>They are still the SRO of {plural(sroOf.length, 'open action')}: choose who takes them over, all at once.</p>
              <a class="button button-secondary" href={peoplePaths.deactivate(person.id)}>
                Hand over their SRO portfolio
              </a>
            </>
          )}
        </>
      )}
    </AdminLayout>
  );
}
