import type { Action } from '../model/action.js';
import { valuesFromAction, type OwnerFormValues } from './owner-update-form.js';

/**
 * A form opened on an older version of the action, carried onto the action as it is now: what the
 * person changed from what they were shown stays theirs; what they left as it was takes the newer
 * value, so that saving it does not quietly undo someone else's target, confidence or reason. Both are
 * prefilled as the form page prefills them, which asks afresh for the confidence of an overdue action.
 */
export function rebaseForm(values: OwnerFormValues, opened: Action, current: Action, overdue: (action: Action) => boolean): OwnerFormValues {
  const shown = valuesFromAction(opened, overdue(opened));
  const now = valuesFromAction(current, overdue(current));
  const untouched = (field: 'confidence' | 'confidenceNarrative') => values[field].trim() === shown[field].trim();
  const targetUntouched = values.targetMonth === shown.targetMonth && values.targetYear === shown.targetYear;
  return {
    ...values,
    version: now.version,
    confidence: untouched('confidence') ? now.confidence : values.confidence,
    confidenceNarrative: untouched('confidenceNarrative') ? now.confidenceNarrative : values.confidenceNarrative,
    targetMonth: targetUntouched ? now.targetMonth : values.targetMonth,
    targetYear: targetUntouched ? now.targetYear : values.targetYear,
    complete: values.complete === shown.complete ? now.complete : values.complete,
  };
}
