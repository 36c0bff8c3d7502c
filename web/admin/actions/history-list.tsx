import type { Update } from '../../../functions/core/model/update.js';
import { formatInstant } from '../../owner/format.js';
import { FieldChangeItem } from '../../views/change-item.js';
import { shownChanges } from '../../views/describe-change.js';

const viaLabels: Record<Update['via'], string> = { link: 'by personal link', admin: 'in the admin console', import: 'by import' };

interface HistoryListProps {
  updates: Update[];
  names: Record<string, string>;
  timeZone: string;
  /** When the whole history is shown: the action's creation, by the importer at version 1, which has no entry of its own. */
  importedAt?: string;
}

/** The history, newest first: who, when, how, on whose behalf, and every field it changed. */
export function HistoryList({ updates, names, timeZone, importedAt }: HistoryListProps) {
  const imported = importedAt && formatInstant(importedAt, timeZone);
  if (updates.length === 0) return <p class="hint">No changes recorded since {imported ? `it was imported on ${imported}` : 'the action was first imported'}.</p>;
  return (
    <>
      <ol class="history" reversed>
        {[...updates].reverse().map((update) => (
          <HistoryEntry update={update} names={names} timeZone={timeZone} />
        ))}
      </ol>
      {imported && <p class="hint">Imported on {imported} (version 1).</p>}
    </>
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
            <FieldChangeItem change={change} names={names} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </li>
  );
}
