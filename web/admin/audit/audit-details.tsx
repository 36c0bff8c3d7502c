import type { AuditEntry } from '../../../functions/core/admin/audit-log.js';
import { sameValue } from '../../../functions/core/import/merge-seed.js';
import { formatCount } from '../../../functions/core/words.js';
import { formatInstant, formatTargetValue } from '../../owner/format.js';
import { ChangeItem, FieldChangeItem } from '../../views/change-item.js';
import { mailStatusLabels, roleLabels } from '../people/people-paths.js';

/**
 * What the log's own keys hold, in the admin's words. An action's fields take the labels its history
 * uses; a key missing from both is shown as words from its name ("stoppedPartWay": "Stopped part way").
 */
const keyLabels: Record<string, string> = {
  revokedBefore: 'Stopped working if issued before',
  role: 'Console role',
  mailStatus: 'Email address',
  aliases: 'Other names in the plan',
  movedActions: 'Actions moved to others',
  sroOf: 'Actions they are still SRO of (no successor chosen)',
  newSro: 'New senior responsible officer',
  kept: 'Summary',
  sent: 'Emailed to',
  failed: 'Could not email',
  period: 'Run for',
  peopleReminded: 'People reminded',
  failures: 'Emails that failed',
  filename: 'File',
  actions: 'Actions in the file',
  plan: 'Plan file',
  people: 'People file',
  sha256: 'Files’ fingerprint (SHA-256)',
  peopleCounts: 'People',
  actionCounts: 'Actions',
  warnings: 'Warnings accepted',
};

const wordsOf = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const labelOf = (key: string) => keyLabels[key] ?? wordsOf(key);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const summaryKept: Record<string, string> = { now: 'Kept by this run', before: 'Kept already by an earlier run' };

/** A value of the log's own in words: names for people, labels for codes, days and times in the force's zone. */
function describe(key: string, value: unknown, names: Record<string, string>, timeZone: string): string {
  if (value === null || value === undefined) return 'not set';
  if (typeof value === 'string') {
    if (key === 'revokedBefore') return formatInstant(value, timeZone);
    if (key === 'period') return formatTargetValue(value);
    if (key === 'newSro') return names[value] ?? value;
    const labels: Record<string, string> | undefined = { role: roleLabels, mailStatus: mailStatusLabels, kept: summaryKept }[key];
    return labels?.[value] ?? value;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return formatCount(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((item) => describe(key, item, names, timeZone)).join(', ');
  if (isRecord(value)) return Object.entries(value).map(([inner, v]) => `${wordsOf(inner).toLowerCase()} ${describe(inner, v, names, timeZone)}`).join(', ');
  return String(value);
}

export interface AuditDetailsProps {
  entry: AuditEntry;
  names: Record<string, string>;
  timeZone: string;
}

/**
 * What an entry changed, as an action's history lists it: each field that differs, before and after,
 * and what was recorded with no before (a reason, a download's file). Fields the same on both sides
 * (the rest of a person an alias was added to) are left out.
 */
export function AuditDetails({ entry, names, timeZone }: AuditDetailsProps) {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((key) => !(key in before && key in after && sameValue(before[key], after[key])));
  if (keys.length === 0) return <p class="hint">Nothing more recorded.</p>;
  return (
    <ul class="change-list">
      {keys.map((key) => {
        const had = key in before;
        if (entry.target.type === 'action') return <FieldChangeItem change={{ field: key, from: had ? before[key] : null, to: after[key] }} names={names} timeZone={timeZone} />;
        const shown = (value: unknown) => describe(key, value, names, timeZone);
        return <ChangeItem label={labelOf(key)} {...(had ? { from: shown(before[key]) } : {})} to={shown(after[key])} />;
      })}
    </ul>
  );
}
