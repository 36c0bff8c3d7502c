import { confidenceLabels, type Action } from '../../functions/core/model/action.js';
import type { FieldChange, Update } from '../../functions/core/model/update.js';
import { formatDay } from '../../functions/core/calendar/format-day.js';
import { formatTarget, statusLabels } from '../owner/format.js';

export const kindLabels: Record<Action['kind'], string> = { recommendation: 'Recommendation', afi: 'Area for improvement', 'cause-of-concern': 'Cause of concern' };

export function describeAccepted(accepted: Action['accepted']): string {
  const answer = accepted.value === null ? 'Not recorded' : accepted.value ? 'Yes' : 'No';
  return accepted.rationale ? `${answer}: ${accepted.rationale}` : answer;
}

/** A changed field's value in words: labels for codes, names for people, "not set" for nothing. */
export function describeValue(field: string, value: unknown, names: Record<string, string>, timeZone: string): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return 'not set';
  // A sheet's Last Updated says no more than the day.
  if (field === 'lastUpdatedAt') return formatDay(String(value), timeZone);
  if (field === 'confidence') return confidenceLabels[value as Action['confidence']] ?? String(value);
  if (field === 'status') return statusLabels[value as Action['status']] ?? String(value);
  if (field === 'kind') return kindLabels[value as Action['kind']] ?? String(value);
  if (field === 'timescale') return formatTarget(value as Action['timescale']);
  if (field === 'accepted') return describeAccepted(value as Action['accepted']);
  if (field === 'sroId') return names[String(value)] ?? String(value);
  if (field === 'ownerIds') return (value as string[]).map((id) => names[id] ?? id).join(', ');
  return Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The changes an entry lists: a progress update's new last-updated time is the entry's own time. */
export function shownChanges(update: Update): FieldChange[] {
  return update.countsAsProgress ? update.changes.filter((change) => change.field !== 'lastUpdatedAt') : update.changes;
}
