import * as z from '../zod.js';
import type { Action, Confidence } from '../model/action.js';
import { formatCount } from '../words.js';
import { formText } from '../form-text.js';
import { monthLabel, targetLabel } from '../board-summary/month.js';
import { hasTargetPassed, targetDueDate } from '../rules/stale.js';

export const maxProgressChars = 5000;
export const maxNarrativeChars = 5000;
export const maxReasonChars = 2000;

/** The form as typed: strings only, so that a page with errors can show exactly what was sent. */
export interface OwnerFormValues {
  version: string;
  progress: string;
  confidence: string;
  confidenceNarrative: string;
  targetMonth: string;
  targetYear: string;
  timescaleReason: string;
  complete: boolean;
}

/** Form field names in page order: the error summary lists problems in this order. */
export const formFields = ['progress', 'confidence', 'confidenceNarrative', 'target', 'targetYear', 'timescaleReason', 'complete'] as const;
export type FormField = (typeof formFields)[number];

export interface FieldError {
  field: FormField;
  message: string;
}

export interface OwnerUpdateInput {
  version: number;
  progress: string;
  /** As chosen; or, for an action proposed complete without a rating, the stored one, "not-set" included. */
  confidence: Confidence;
  confidenceNarrative: string | null;
  /** "YYYY-MM", or null when the person left a target-less action without one. */
  target: string | null;
  timescaleReason: string | null;
  complete: boolean;
}

/** Whatever arrived (any keys, files, arrays) as the form's strings. */
export function readFormValues(body: Record<string, unknown>): OwnerFormValues {
  return {
    version: formText(body.version).trim(),
    progress: formText(body.progress),
    confidence: formText(body.confidence),
    confidenceNarrative: formText(body.confidenceNarrative),
    targetMonth: formText(body.targetMonth).trim(),
    targetYear: formText(body.targetYear).trim(),
    timescaleReason: formText(body.timescaleReason),
    complete: body.complete === 'yes',
  };
}

/**
 * The form prefilled from the action as it stands. For an overdue action, a High or Medium given while
 * the target was ahead is asked afresh rather than offered, since saving it unchanged is refused.
 */
export function valuesFromAction(action: Action, overdue: boolean): OwnerFormValues {
  const target = action.timescale.target;
  const askAfresh = action.confidence === 'not-set' || (overdue && action.confidence !== 'low');
  return {
    version: String(action.version),
    progress: '',
    confidence: askAfresh ? '' : action.confidence,
    confidenceNarrative: action.confidenceNarrative ?? '',
    targetMonth: target ? String(Number(target.slice(5, 7))) : '',
    targetYear: target ? target.slice(0, 4) : '',
    timescaleReason: '',
    complete: action.status === 'proposed-closure',
  };
}

const ConfidenceChoice = z.enum(['high', 'medium', 'low']);

/** Whose words the form asks for: the owner's own, or an admin's entering them for an owner. */
export type FormVoice = 'owner' | 'on-behalf';

const voiced: Record<FormVoice, { progress: string; confidence: string; narrative: string }> = {
  owner: { progress: 'Enter your progress update', confidence: 'Select how confident you are', narrative: 'Reason for your confidence' },
  'on-behalf': { progress: 'Enter the owner’s progress update', confidence: 'Select how confident the owner is', narrative: 'Reason for the owner’s confidence' },
};

/**
 * Checks the form against the action it was opened for: each problem names its field and says what to
 * do, in the GOV.UK style. `today` is "YYYY-MM-DD" in the force's time zone.
 */
export function validateOwnerForm(
  values: OwnerFormValues,
  action: Action,
  today: string,
  voice: FormVoice = 'owner',
): { ok: true; input: OwnerUpdateInput } | { ok: false; errors: FieldError[] } {
  const words = voiced[voice];
  const errors: FieldError[] = [];
  const progress = values.progress.trim();
  if (!progress) errors.push({ field: 'progress', message: words.progress });
  else if (progress.length > maxProgressChars) errors.push({ field: 'progress', message: `Progress update must be ${formatCount(maxProgressChars)} characters or fewer` });

  // Whether work said to be finished will be done by its target date is no question: unanswered, the stored rating stays.
  const keptConfidence = values.complete && values.confidence === '' ? action.confidence : null;
  const confidence = ConfidenceChoice.safeParse(values.confidence);
  if (!confidence.success && !keptConfidence) errors.push({ field: 'confidence', message: `${words.confidence} that the action will be done by its target date` });

  const narrative = values.confidenceNarrative.trim();
  if (narrative.length > maxNarrativeChars) errors.push({ field: 'confidenceNarrative', message: `${words.narrative} must be ${formatCount(maxNarrativeChars)} characters or fewer` });

  const target = readTarget(values, action, today);
  if (typeof target === 'object' && target !== null) errors.push(target);
  const newTarget = typeof target === 'string' ? target : null;
  // readTarget hands back the stored target, day and all, for an unchanged month.
  const changed = typeof target === 'string' && target !== action.timescale.target;
  // The first target an action is ever given moves nothing, so it needs no reason.
  const moved = changed && firstTarget(action) !== null;

  const reason = values.timescaleReason.trim();
  if (moved && !reason) errors.push({ field: 'timescaleReason', message: reasonWanted(action.timescale.target, newTarget) });
  else if (reason.length > maxReasonChars) errors.push({ field: 'timescaleReason', message: `Reason for the new target must be ${formatCount(maxReasonChars)} characters or fewer` });

  // "Done by its target date" cannot be high or medium once that date is behind us, unless it is done.
  if (confidence.success && confidence.data !== 'low' && !values.complete && hasTargetPassed(newTarget, today)) {
    errors.push({ field: 'target', message: 'The target date has passed: enter a new one, or select Low confidence' });
  }
  // A reason typed with the month left as it was (easily missed on a phone) would be lost without a
  // word; but one message to a field, and the one above already asks for a new target.
  const targetRefused = errors.some((error) => error.field === 'target');
  if (reason && reason.length <= maxReasonChars && target === action.timescale.target && !targetRefused) {
    errors.push({ field: 'target', message: 'You gave a reason for a new target date: change the month or year to the new target, or delete the reason' });
  }

  const version = /^\d{1,9}$/.test(values.version) ? Number(values.version) : null;
  const rating = confidence.success ? confidence.data : keptConfidence;
  if (errors.length > 0 || rating === null) return { ok: false, errors: inPageOrder(errors) };
  if (version === null) return { ok: false, errors: [{ field: 'progress', message: 'The form was incomplete: reload the page and enter your update again' }] };
  return {
    ok: true,
    input: {
      version,
      progress,
      confidence: rating,
      confidenceNarrative: narrative || null,
      target: newTarget ?? action.timescale.target,
      // A first target moves nothing: a reason posted with it anyway (the form asks none) is no revision.
      timescaleReason: moved && reason ? reason : null,
      complete: values.complete,
    },
  };
}

/**
 * A day that has passed, kept with its month, moves to the month's end (readTarget): the person changed
 * nothing on the form, so "is changing" alone would read as untrue.
 */
function reasonWanted(stored: string | null, target: string | null): string {
  if (stored === null || target === null || stored.slice(0, 7) !== target) return 'Enter why the target date is changing';
  return `${targetLabel(stored)} has passed, so keeping ${monthLabel(target)} moves the target to ${targetLabel(targetDueDate(target))}: enter why, or select Low confidence`;
}

/** The checks above run in the order their answers depend on; the summary lists them as the page does. */
const inPageOrder = (errors: readonly FieldError[]): FieldError[] => [...errors].sort((a, b) => formFields.indexOf(a.field) - formFields.indexOf(b.field));

/** The target an action was first given, if it ever had one: a new target moves from it. */
export const firstTarget = ({ timescale }: Action): string | null => timescale.target ?? timescale.originalTarget;

/** "YYYY-MM", null (left empty where allowed), or the problem with it. */
function readTarget(values: OwnerFormValues, action: Action, today: string): string | null | FieldError {
  const { targetMonth, targetYear } = values;
  if (!targetMonth && !targetYear) {
    return action.timescale.target === null ? null : { field: 'target', message: 'Enter the target month and year' };
  }
  if (!targetMonth) return { field: 'target', message: 'Target date must include a month' };
  // A problem with the year alone leads to the year box; the rest to the month, the date's first field.
  if (!targetYear) return { field: 'targetYear', message: 'Target date must include a year' };
  const month = /^\d{1,2}$/.test(targetMonth) ? Number(targetMonth) : NaN;
  if (!(month >= 1 && month <= 12)) return { field: 'target', message: 'Target month must be from 1 to 12' };
  if (!/^\d{4}$/.test(targetYear)) return { field: 'targetYear', message: 'Target year must be 4 digits, like 2027' };
  const target = `${targetYear}-${String(month).padStart(2, '0')}`;
  const stored = action.timescale.target;
  // An unchanged month keeps the stored target as it was, day and all; but a day that has passed, kept
  // with High or Medium (refused in a passed target), can only mean the end of its month, if still ahead.
  if (target === stored?.slice(0, 7)) {
    const highOrMedium = values.confidence === 'high' || values.confidence === 'medium';
    const toMonthEnd = highOrMedium && !values.complete && hasTargetPassed(stored, today) && !hasTargetPassed(target, today);
    if (!toMonthEnd) return stored;
  }
  if (target < today.slice(0, 7)) return { field: 'target', message: 'Target date must be this month or later' };
  if (Number(targetYear) > Number(today.slice(0, 4)) + 20) return { field: 'target', message: 'Target date must be within the next 20 years' };
  return target;
}
