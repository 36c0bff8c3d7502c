import type { Timescale } from '../../functions/core/model/action.js';
import type { FieldChange } from '../../functions/core/model/update.js';
import { Prose } from '../owner/components.js';
import { fieldLabels } from '../../functions/core/model/field-labels.js';
import { describeValue } from './describe-change.js';

/** Fields whose values are long prose: shown whole, before and after, never cut. */
const proseFields = new Set(['latestProgress', 'confidenceNarrative', 'evidence', 'text', 'plan']);

export interface ChangeItemProps {
  label: string;
  /** The value before, in words; absent when there was none to record (a reason, a sign-in's role). */
  from?: string | null;
  to: string | null;
  /** Long text, shown whole in its own paragraphs rather than after an arrow. */
  prose?: boolean;
}

/** One recorded change as a list item: "Label: before → after", or "Label: value" with no before. */
export function ChangeItem({ label, from, to, prose = false }: ChangeItemProps) {
  if (from === undefined) {
    return (
      <li>
        {label}: {prose ? <span class="prose">{to ?? ''}</span> : to}
      </li>
    );
  }
  if (prose) {
    return (
      <li>
        {label} changed. Before: <Prose text={from} /> After: <Prose text={to} />
      </li>
    );
  }
  return (
    <li>
      {label}: {from} → {to}
    </li>
  );
}

/**
 * A change to one of an action's fields, as its history and the audit log both list it. A `from` left
 * undefined is a value recorded with the change (a reason, whose behalf), with nothing before it.
 */
export function FieldChangeItem({ change, names, timeZone }: { change: FieldChange; names: Record<string, string>; timeZone: string }) {
  const label = fieldLabels[change.field] ?? change.field;
  const had = change.from !== undefined && change.field !== 'reason';
  if (change.field === 'reason' || proseFields.has(change.field)) {
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return <ChangeItem label={label} {...(had ? { from: text(change.from) } : {})} to={text(change.to)} prose />;
  }
  const describe = (value: unknown) => describeValue(change.field, value, names, timeZone);
  const item = <ChangeItem label={label} {...(had ? { from: describe(change.from) } : {})} to={describe(change.to)} />;
  const reason = change.field === 'timescale' ? newRevisionReason(change) : null;
  return reason ? (
    <>
      {item}
      <ChangeItem label="Why the target date changed" to={reason} prose />
    </>
  ) : (
    item
  );
}

/** The reason given with a target's move: the revision the change added, if it gave one. */
function newRevisionReason(change: FieldChange): string | null {
  const revisions = (value: unknown) => (value as Partial<Timescale> | null)?.revisions ?? [];
  const added = revisions(change.to).slice(revisions(change.from).length);
  return added.at(-1)?.reason.trim() || null;
}
