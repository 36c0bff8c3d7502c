import { confidenceLabels, type Action } from '../../functions/core/model/action.js';
import type { Update } from '../../functions/core/model/update.js';
import { carriesProgress } from '../../functions/core/owner/get-action-for-owner.js';
import { FieldChangeItem } from '../views/change-item.js';
import { fieldLabels } from '../../functions/core/model/field-labels.js';
import { shownChanges } from '../views/describe-change.js';
import { Prose } from './components.js';
import { formatDaysAgo, formatInstant, formatTarget, formatTargetValue, statusLabels } from './format.js';
import { missingPersonName } from '../../functions/core/model/owner-names.js';

/** Ref, area, the recommendation and the plan, as the owner needs them beside the form. */
/** The owners of a shared action, lead first and marked, for the owner who may not know who else answers for it. */
export const sharedOwners = (action: Pick<Action, 'ownerIds'>, names: Record<string, string>): string[] =>
  action.ownerIds.length < 2 ? [] : action.ownerIds.map((id, i) => `${names[id] ?? missingPersonName}${i === 0 ? ' (lead)' : ''}`);

export function ActionDetails({ action, daysSinceUpdate, owners = [] }: { action: Action; daysSinceUpdate: number | null; owners?: string[] }) {
  return (
    <>
      <h2>The {action.kind === 'afi' ? 'area for improvement' : action.kind === 'cause-of-concern' ? 'cause of concern' : 'recommendation'}</h2>
      <Prose text={action.text} />
      <h2>The plan</h2>
      <Prose text={action.plan} />
      <dl class="summary-list">
        {owners.length > 0 && (
          <div>
            <dt>Owners</dt>
            <dd>{owners.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>Target date</dt>
          <dd>{formatTarget(action.timescale)}</dd>
        </div>
        {action.timescale.originalTarget && action.timescale.originalTarget !== action.timescale.target && (
          <div>
            <dt>Original target</dt>
            <dd>{formatTargetValue(action.timescale.originalTarget)}</dd>
          </div>
        )}
        <div>
          <dt>Confidence</dt>
          <dd>{confidenceLabels[action.confidence]}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{statusLabels[action.status]}</dd>
        </div>
        <div>
          <dt>Last updated</dt>
          <dd>{formatDaysAgo(daysSinceUpdate)}</dd>
        </div>
      </dl>
    </>
  );
}

/**
 * The last updates, newest first (viewOf includes the latest with progress); when none has progress in
 * it, the progress the imported plan holds, which the owner writes on from (it is on no history entry:
 * the import put it on the action), however many admin changes came since.
 */
export function RecentUpdates({ action, updates, names, timeZone }: { action: Action; updates: Update[]; names: Record<string, string>; timeZone: string }) {
  const imported = action.latestProgress !== null && !updates.some(carriesProgress);
  if (updates.length === 0 && !imported) return <p class="hint">No updates recorded yet.</p>;
  return (
    <>
      {updates.map((update) => (
        <UpdateEntry update={update} names={names} timeZone={timeZone} />
      ))}
      {imported && (
        <div class="update-entry">
          <p class="update-meta">Latest progress in the plan as imported, before any update here:</p>
          <Prose text={action.latestProgress} />
        </div>
      )}
    </>
  );
}

/** One history entry: who, when, the progress text, the reason for confidence if it changed, and what else changed. */
export function UpdateEntry({ update, names, timeZone }: { update: Update; names: Record<string, string>; timeZone: string }) {
  const others = shownChanges(update).filter((change) => change.field !== 'latestProgress' && change.field !== 'confidenceNarrative');
  return (
    <div class="update-entry">
      <p class="update-meta">
        {names[update.by] ?? update.by}
        {update.onBehalfOf && `, for ${names[update.onBehalfOf] ?? update.onBehalfOf}`}, {formatInstant(update.at, timeZone)}
      </p>
      {update.patch.latestProgress !== undefined && <Prose text={update.patch.latestProgress} />}
      {update.changes.some((change) => change.field === 'confidenceNarrative') && (
        <>
          <p class="update-meta">{fieldLabels.confidenceNarrative}:</p>
          <Prose text={update.patch.confidenceNarrative ?? null} />
        </>
      )}
      {others.length > 0 && (
        <ul class="change-list">
          {others.map((change) => (
            <FieldChangeItem change={change} names={names} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </div>
  );
}
