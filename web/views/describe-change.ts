import { confidenceLabels, type Action } from '../../functions/core/model/action.js';
import type { FieldChange, Update } from '../../functions/core/model/update.js';
import { formatDay } from '../../functions/core/calendar/format-day.js';
import { formatCount } from '../../functions/core/words.js';
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
  if (field === 'sroId' || field === 'onBehalfOf') return names[String(value)] ?? String(value);
  if (field === 'ownerIds') return (value as string[]).map((id) => names[id] ?? id).join(', ');
  return describeOther(value);
}

/** Words from a name no label map holds: "stoppedPartWay" -> "Stopped part way". */
export function wordsOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value no field rule covers, in words: yes or no, counts, lists, and an object's fields by name. */
export function describeOther(value: unknown): string {
  if (value === null || value === undefined) return 'not set';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return formatCount(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(describeOther).join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([key, inner]) => `${wordsOf(key).toLowerCase()} ${describeOther(inner)}`).join(', ');
  return String(value);
}

/** The changes an entry lists: a progress update's new last-updated time is the entry's own time. */
export function shownChanges(update: Update): FieldChange[] {
  return update.countsAsProgress ? update.changes.filter((change) => change.field !== 'lastUpdatedAt') : update.changes;
}
