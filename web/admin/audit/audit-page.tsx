import type { AuditEntry, AuditPage as AuditLogPage } from '../../../functions/core/admin/audit-log.js';
import { summaryPaths } from '../../summaries/summary-paths.js';
import { formatInstant } from '../../owner/format.js';
import { actionPaths } from '../actions/paths.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { peoplePaths } from '../people/people-paths.js';
import { ColumnHeads } from '../../views/column-heads.js';
import { AuditDetails } from './audit-details.js';

/** What each recorded change means, in the admin's words; a name missing here is shown as recorded. */
const changeLabels: Record<string, string> = {
  'add-person': 'Added a person to the directory',
  'add-person-alias': 'Matched a name in the plan to a person',
  'add-update-on-behalf': 'Added an update on an owner’s behalf',
  'change-person-email': 'Changed an email address',
  'compile-summary': 'Compiled a board summary',
  'deactivate-person': 'Deactivated a leaver',
  'download-board-pack': 'Downloaded a board pack',
  'edit-action': 'Edited an action',
  'edit-person': 'Corrected someone’s name, job title or other names',
  'export-plan': 'Downloaded the whole plan',
  'import-plan': 'Imported the plan',
  'mark-mail-ok': 'Marked an email address as working',
  'mark-not-accepted': 'Marked an action not accepted',
  'mark-superseded': 'Marked an action superseded',
  'move-leaver-action': 'Moved a leaver’s action',
  'reactivate-person': 'Reactivated someone who had left',
  'reassign-owners': 'Reassigned owners',
  'reopen-action': 'Reopened an action',
  'revoke-links': 'Revoked someone’s links',
  'send-link': 'Emailed someone a new link',
  'send-reminders': 'Sent the reminders now',
  'send-summary-after-bounce': 'Sent a kept board summary again to an address it had bounced from',
  'send-summary-again': 'Sent a kept board summary to board members who had not had it',
  'sign-in': 'Signed in',
  'sign-off-closure': 'Signed off a closure',
  'sign-out-everywhere': 'Signed out everywhere',
};

/** The newest entries, or those before a place an earlier page gave. */
export const auditPath = (older?: string) => (older === undefined ? '/admin/audit' : `/admin/audit?older=${encodeURIComponent(older)}`);

export interface AuditPageProps {
  forceName: string;
  session: AdminSession;
  page: AuditLogPage;
  isNewest: boolean;
  pageSize: number;
  timeZone: string;
  /** Refs and names for the ids entries point at, so that a row says "232", not "hmic-2026-232". */
  actionRefs: Map<string, string>;
  personNames: Map<string, string>;
  /** Entries record who by their sign-in address; the directory's name for each, by the address as recorded. */
  namesByEmail: Map<string, string>;
}

function Target({ target, actionRefs, personNames }: Pick<AuditPageProps, 'actionRefs' | 'personNames'> & { target: AuditEntry['target'] }) {
  switch (target.type) {
    case 'action':
      return <a href={actionPaths.action(target.id)}>Action {actionRefs.get(target.id) ?? target.id}</a>;
    case 'person':
      return <a href={peoplePaths.person(target.id)}>{personNames.get(target.id) ?? target.id}</a>;
    case 'summary':
      return <a href={summaryPaths.month(target.id)}>Summary {target.id}</a>;
    case 'plan':
      return <>The plan</>;
    case 'reminders':
      return <>Reminder run</>;
    case 'session':
      return <>Console session</>;
  }
}

/** The audit log for admins: who changed what and when, and who took a copy of the plan, newest first. */
export function AuditPage({ forceName, session, page, isNewest, pageSize, timeZone, actionRefs, personNames, namesByEmail }: AuditPageProps) {
  const { entries, older } = page;
  const names = Object.fromEntries(personNames);
  return (
    <AdminLayout title="Audit log" forceName={forceName} session={session} current="/admin/audit">
      <h1>Audit log</h1>
      <p class="lead">
        Changes made in the console, sign-ins and downloads of the plan, newest first, {pageSize} to a page. What owners and SROs do from their own links is in each action’s history.
      </p>
      {entries.length === 0 ? (
        <p>{isNewest ? 'Nothing has been recorded yet.' : 'Nothing older has been recorded.'}</p>
      ) : (
        <table>
          <ColumnHeads names={['When', 'Who', 'What', 'Record', 'Details']} />
          <tbody>
            {entries.map((entry) => (
              <tr>
                <td data-label="When">{formatInstant(entry.at, timeZone)}</td>
                <td class="break-anywhere" data-label="Who">
                  {namesByEmail.has(entry.by) ? (
                    <>
                      {namesByEmail.get(entry.by)}
                      <div class="hint">{entry.by}</div>
                    </>
                  ) : (
                    entry.by
                  )}
                </td>
                <td data-label="What">{changeLabels[entry.change] ?? entry.change}</td>
                <td data-label="Record">
                  <Target target={entry.target} actionRefs={actionRefs} personNames={personNames} />
                </td>
                <td data-label="Details">
                  <AuditDetails entry={entry} names={names} timeZone={timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(!isNewest || older) && (
        <nav class="pagination" aria-label="Pages of the audit log">
          {!isNewest && <a href={auditPath()}>Newest entries</a>}
          {older && (
            <a href={auditPath(older)} rel="next">
              Older entries
            </a>
          )}
        </nav>
      )}
    </AdminLayout>
  );
}
