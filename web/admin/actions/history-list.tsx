import type { Action } from '../../../functions/core/model/action.js';
import type { FieldChange, Update } from '../../../functions/core/model/update.js';
import { Prose } from '../../owner/components.js';
import { confidenceLabels, formatInstant, formatTarget, statusLabels } from '../../owner/format.js';

const fieldLabels: Record<string, string> = {
  latestProgress: 'Progress update',
  confidence: 'Confidence',
  confidenceNarrative: 'Reason for confidence',
  timescale: 'Target date',
  status: 'Status',
  ownerIds: 'Owners',
  sroId: 'Senior responsible officer',
  kind: 'Kind',
  area: 'Area',
  ref: 'Ref',
  evidence: 'Evidence',
  text: 'Text',
  plan: 'Plan',
  accepted: 'Accepted',
  unmatchedNames: 'Unmatched owner names',
  reason: 'Reason',
};

/** Fields whose values are long prose: shown whole, before and after, never cut. */
const proseFields = new Set(['latestProgress', 'confidenceNarrative', 'evidence', 'text', 'plan']);

const kindLabels: Record<Action['kind'], string> = { recommendation: 'Recommendation', afi: 'Area for improvement', 'cause-of-concern': 'Cause of concern' };
const viaLabels: Record<Update['via'], string> = { link: 'by personal link', admin: 'in the admin console', import: 'by import' };

export function describeAccepted(accepted: Action['accepted']): string {
  const answer = accepted.value === null ? 'Not recorded' : accepted.value ? 'Yes' : 'No';
  return accepted.rationale ? `${answer}: ${accepted.rationale}` : answer;
}

function describeValue(field: string, value: unknown, names: Record<string, string>): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return 'not set';
  if (field === 'confidence') return confidenceLabels[value as Action['confidence']] ?? String(value);
  if (field === 'status') return statusLabels[value as Action['status']] ?? String(value);
  if (field === 'kind') return kindLabels[value as Action['kind']] ?? String(value);
  if (field === 'timescale') return formatTarget(value as Action['timescale']);
  if (field === 'accepted') return describeAccepted(value as Action['accepted']);
  if (field === 'sroId') return names[String(value)] ?? String(value);
  if (field === 'ownerIds') return (value as string[]).map((id) => names[id] ?? id).join(', ');
  return Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : JSON.stringify(value);
}

function Change({ change, names }: { change: FieldChange; names: Record<string, string> }) {
  const label = fieldLabels[change.field] ?? change.field;
  if (change.field === 'reason') return <li>Reason: <span class="prose">{String(change.to)}</span></li>;
  if (proseFields.has(change.field)) {
    return (
      <li>
        {label} changed. Before: <Prose text={typeof change.from === 'string' ? change.from : null} /> After: <Prose text={typeof change.to === 'string' ? change.to : null} />
      </li>
    );
  }
  return (
    <li>
      {label}: {describeValue(change.field, change.from, names)} → {describeValue(change.field, change.to, names)}
    </li>
  );
}

/** The whole history, newest first: who, when, how, on whose behalf, and every field it changed. */
export function HistoryList({ updates, names, timeZone }: { updates: Update[]; names: Record<string, string>; timeZone: string }) {
  if (updates.length === 0) return <p class="hint">No changes recorded since the action was imported.</p>;
  return (
    <ol class="history" reversed>
      {[...updates].reverse().map((update) => (
        <li class="update-entry">
          <p class="update-meta">
            {formatInstant(update.at, timeZone)}: {names[update.by] ?? update.by} {viaLabels[update.via]}
            {update.onBehalfOf ? `, on behalf of ${names[update.onBehalfOf] ?? update.onBehalfOf}` : ''} (version {update.version})
          </p>
          {update.changes.length === 0 ? (
            <p class="hint">Progress confirmed, nothing else changed.</p>
          ) : (
            <ul class="change-list">
              {update.changes.map((change) => (
                <Change change={change} names={names} />
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

export { kindLabels };
