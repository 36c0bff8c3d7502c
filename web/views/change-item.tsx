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

/** A change to one of an action's fields, as its history and the audit log both list it. */
export function FieldChangeItem({ change, names, timeZone }: { change: FieldChange; names: Record<string, string>; timeZone: string }) {
  const label = fieldLabels[change.field] ?? change.field;
  if (change.field === 'reason') return <ChangeItem label={label} to={String(change.to)} prose />;
  if (proseFields.has(change.field)) {
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return <ChangeItem label={label} from={text(change.from)} to={text(change.to)} prose />;
  }
  return <ChangeItem label={label} from={describeValue(change.field, change.from, names, timeZone)} to={describeValue(change.field, change.to, names, timeZone)} />;
}
