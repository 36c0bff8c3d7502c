import type { AuditEntry } from '../../../functions/core/admin/audit-log.js';
import { sameValue } from '../../../functions/core/import/merge-seed.js';
import { formatInstant, formatTargetValue } from '../../owner/format.js';
import { ChangeItem, FieldChangeItem } from '../../views/change-item.js';
import { describeOther, wordsOf } from '../../views/describe-change.js';
import { mailStatusLabels, roleLabels } from '../people/people-paths.js';

/**
 * What the log's own keys hold, in the admin's words. An action's fields take the labels its history
 * uses; a key missing from both is shown as words from its name ("stoppedPartWay": "Stopped part way").
 */
const keyLabels: Record<string, string> = {
  revokedBefore: 'Stopped working if issued before',
  expiresAt: 'Works until',
  mailStatus: 'Email delivery',
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

/** Codes the log records, by key: a person's role is their job title, a sign-in's their console role. */
const codeLabels: Record<string, Record<string, string>> = {
  mailStatus: mailStatusLabels,
  kept: { now: 'Kept by this run', before: 'Kept already by an earlier run' },
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One side of an entry as fields: a value of another shape is shown as what was recorded. */
const fieldsOf = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : value === null || value === undefined ? {} : { recorded: value });

/** A value of the log's own in words: names for people, labels for codes, days and times in the force's zone. */
function describe(entry: AuditEntry, key: string, value: unknown, names: Record<string, string>, timeZone: string): string {
  if (typeof value !== 'string') return describeOther(value);
  if (key === 'revokedBefore' || key === 'expiresAt') return formatInstant(value, timeZone);
  if (key === 'period') return formatTargetValue(value);
  if (key === 'newSro') return names[value] ?? value;
  if (key === 'role' && entry.target.type === 'session') return roleLabels[value as keyof typeof roleLabels] ?? value;
  return codeLabels[key]?.[value] ?? value;
}

export interface AuditDetailsProps {
  entry: AuditEntry;
  names: Record<string, string>;
  timeZone: string;
}

/**
 * What an entry changed, as an action's history lists it: each field that differs, before and after,
 * and what was recorded with no before (a reason, a download's file). Fields the same on both sides
 * (the rest of a person an alias was added to) and ids, which the Record column names, are left out.
 */
export function AuditDetails({ entry, names, timeZone }: AuditDetailsProps) {
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter(
    (key) => key !== 'id' && !(key in before && key in after && sameValue(before[key], after[key])),
  );
  if (keys.length === 0) return <p class="hint">Nothing more recorded.</p>;
  return (
    <ul class="change-list break-anywhere">
      {keys.map((key) => {
        const had = key in before;
        const now = key in after ? after[key] : null;
        if (entry.target.type === 'action') return <FieldChangeItem change={{ field: key, from: had ? before[key] : undefined, to: now }} names={names} timeZone={timeZone} />;
        const shown = (value: unknown) => describe(entry, key, value, names, timeZone);
        return <ChangeItem label={keyLabels[key] ?? wordsOf(key)} {...(had ? { from: shown(before[key]) } : {})} to={shown(now)} />;
      })}
    </ul>
  );
}
