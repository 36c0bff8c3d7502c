import type { FieldChange, Update } from '../../../functions/core/model/update.js';
import { Prose } from '../../owner/components.js';
import { formatInstant } from '../../owner/format.js';
import { describeValue, fieldLabels, shownChanges } from '../../views/describe-change.js';

/** Fields whose values are long prose: shown whole, before and after, never cut. */
const proseFields = new Set(['latestProgress', 'confidenceNarrative', 'evidence', 'text', 'plan']);

const viaLabels: Record<Update['via'], string> = { link: 'by personal link', admin: 'in the admin console', import: 'by import' };

function Change({ change, names, timeZone }: { change: FieldChange; names: Record<string, string>; timeZone: string }) {
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
      {label}: {describeValue(change.field, change.from, names, timeZone)} → {describeValue(change.field, change.to, names, timeZone)}
    </li>
  );
}

/** The whole history, newest first: who, when, how, on whose behalf, and every field it changed. */
export function HistoryList({ updates, names, timeZone }: { updates: Update[]; names: Record<string, string>; timeZone: string }) {
  if (updates.length === 0) return <p class="hint">No changes recorded since the action was first imported.</p>;
  return (
    <ol class="history" reversed>
      {[...updates].reverse().map((update) => (
        <HistoryEntry update={update} names={names} timeZone={timeZone} />
      ))}
    </ol>
  );
}

/** One entry: who, when, how, on whose behalf, and what it changed. */
function HistoryEntry({ update, names, timeZone }: { update: Update; names: Record<string, string>; timeZone: string }) {
  const changes = shownChanges(update);
  return (
    <li class="update-entry">
      <p class="update-meta">
        {formatInstant(update.at, timeZone)}: {names[update.by] ?? update.by} {viaLabels[update.via]}
        {update.onBehalfOf ? `, on behalf of ${names[update.onBehalfOf] ?? update.onBehalfOf}` : ''} (version {update.version})
      </p>
      {changes.length === 0 ? (
        <p class="hint">Progress confirmed, nothing else changed.</p>
      ) : (
        <ul class="change-list">
          {changes.map((change) => (
            <Change change={change} names={names} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </li>
  );
}
