import type { Action } from '../../../functions/core/model/action.js';
import type { Update } from '../../../functions/core/model/update.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { HistoryList } from './history-list.js';
import { actionPaths } from './paths.js';

export interface AdminConflictPageProps {
  forceName: string;
  timeZone: string;
  session: AdminSession;
  action: Action;
  /** The changes saved since the form was opened. */
  newerUpdates: Update[];
  names: Record<string, string>;
  /** Text the admin typed into the form, kept so it is not lost: label and value. */
  typed: Array<{ label: string; value: string }>;
}

/** Someone saved the action while the admin had it open: nothing was written; see theirs, then redo. */
export function AdminConflictPage(props: AdminConflictPageProps) {
  const { action } = props;
  return (
    <AdminLayout title={`${action.ref} was changed by someone else`} forceName={props.forceName} session={props.session} current="/admin/actions">
      <h1>{action.ref} was changed while you were working on it</h1>
      <div class="warning-text">
        <p>Nothing you sent was saved, and nothing was overwritten. Check the change below, then open the action again and redo yours if it is still needed.</p>
      </div>
      <h2>What changed since you opened it</h2>
      <HistoryList updates={props.newerUpdates} names={props.names} timeZone={props.timeZone} />
      {props.typed.length > 0 && (
        <>
          <h2>What you typed</h2>
          <dl class="summary-list">
            {props.typed.map((t) => (
              <div>
                <dt>{t.label}</dt>
                <dd class="prose">{t.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p>
        <a class="button" href={actionPaths.action(action.id)}>
          Open {action.ref} again
        </a>
      </p>
    </AdminLayout>
  );
}
