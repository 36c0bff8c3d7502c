import type { Action } from '../../functions/core/model/action.js';
import { firstTarget, maxProgressChars, type FieldError, type OwnerFormValues } from '../../functions/core/owner/owner-update-form.js';
import { describedBy, ErrorMessage, errorFor, FormGroup, type TypedText } from './components.js';
import { formatTarget, monthNames } from './format.js';
import { formatCount } from '../../functions/core/words.js';

export interface UpdateFormProps {
  action: Action;
  /** Why an admin, not the SRO, would sign off its closure (findWhyAdminSignsOff); null when the SRO would. */
  whyAdminSignsOff: string | null;
  values: OwnerFormValues;
  errors: FieldError[];
  postTo: string;
  submitLabel: string;
  /** Open and past its target: the form asks for a new target date, or Low confidence. */
  overdue: boolean;
}

const confidenceChoices = [
  { value: 'high', label: 'High', hint: 'It will be done by the target date' },
  { value: 'medium', label: 'Medium', hint: 'There are risks to the target date' },
  { value: 'low', label: 'Low', hint: 'It is unlikely to be done by the target date' },
] as const;

/** The labels of the fields a person writes in, shared by the form and by the pages that give unsaved text back. */
const writtenLabels = {
  progress: 'Progress update',
  confidenceNarrative: 'Why this confidence?',
  timescaleReason: 'If the target date is changing, why?',
} as const;

/** Who is asked to sign a closure off, as the banner after saving says it too. */
function completeHint(whyAdmin: string | null): string {
  return whyAdmin ? `An admin will be asked to sign it off: ${whyAdmin}.` : 'Its senior responsible officer will be asked to sign it off.';
}

/** The owner's update form; works without JavaScript and keeps whatever was typed when it comes back with errors. */
export function UpdateForm({ action, whyAdminSignsOff, values, errors, postTo, submitLabel, overdue }: UpdateFormProps) {
  const progressError = errorFor(errors, 'progress');
  const confidenceError = errorFor(errors, 'confidence');
  const narrativeError = errorFor(errors, 'confidenceNarrative');
  const targetError = errorFor(errors, 'target') ?? errorFor(errors, 'targetYear');
  const reasonError = errorFor(errors, 'timescaleReason');
  return (
    <form method="post" action={postTo} novalidate>
      <input type="hidden" name="version" value={values.version} />

      <FormGroup error={progressError}>
        <label class="label label-bold" for="progress">
          {writtenLabels.progress}
        </label>
        <p id="progress-hint" class="hint">
          What has happened since the last update. Plain text, up to {formatCount(maxProgressChars)} characters.
        </p>
        <ErrorMessage id="progress-error" message={progressError} />
        <textarea class="textarea" id="progress" name="progress" rows={8} aria-describedby={describedBy('progress-hint', progressError && 'progress-error')}>
          {values.progress}
        </textarea>
      </FormGroup>

      <FormGroup error={confidenceError}>
        <fieldset class="fieldset" aria-describedby={describedBy(overdue && 'confidence-hint', 'confidence-complete-hint', confidenceError && 'confidence-error')}>
          <legend class="legend">How confident are you that the action will be done by its target date?</legend>
          {/* Said before the choice too: read top to bottom, the confidence comes before the target's own hint. */}
          {overdue && (
            <p id="confidence-hint" class="hint">
              Its target date, {formatTarget(action.timescale)}, has passed: select Low, or set a new target date below.
            </p>
          )}
          <p id="confidence-complete-hint" class="hint">
            You can leave this if you tick “I believe this action is complete” below.
          </p>
          <ErrorMessage id="confidence-error" message={confidenceError} />
          <div class="radios">
            {confidenceChoices.map((choice, i) => (
              <div class="radio">
                <input
                  type="radio"
                  id={i === 0 ? 'confidence' : `confidence-${choice.value}`}
                  name="confidence"
                  value={choice.value}
                  checked={values.confidence === choice.value}
                  aria-describedby={`confidence-${choice.value}-hint`}
                />
                <label for={i === 0 ? 'confidence' : `confidence-${choice.value}`}>{choice.label}</label>
                <p id={`confidence-${choice.value}-hint`} class="hint radio-hint">
                  {choice.hint}
                </p>
              </div>
            ))}
          </div>
        </fieldset>
      </FormGroup>

      <FormGroup error={narrativeError}>
        <label class="label" for="confidenceNarrative">
          {writtenLabels.confidenceNarrative} (optional)
        </label>
        <ErrorMessage id="confidenceNarrative-error" message={narrativeError} />
        <textarea class="textarea" id="confidenceNarrative" name="confidenceNarrative" rows={3} aria-describedby={describedBy(narrativeError && 'confidenceNarrative-error')}>
          {values.confidenceNarrative}
        </textarea>
      </FormGroup>

      <FormGroup error={targetError}>
        <fieldset class="fieldset" role="group" aria-describedby={describedBy('target-hint', targetError && 'target-error')}>
          <legend class="legend">Target date</legend>
          <p id="target-hint" class="hint">
            {overdue
              ? `Now: ${formatTarget(action.timescale)}, which has passed. Enter the month and year it will now be done by, or select Low confidence if you do not know yet.`
              : action.timescale.target === null
                ? `Now: ${formatTarget(action.timescale)}. Enter the month and year it will be done by once it is agreed.`
                : `Now: ${formatTarget(action.timescale)}. Change the month or year only if the target is moving.`}
          </p>
          <ErrorMessage id="target-error" message={targetError} />
          <div class="date-input">
            <div class="date-input-item">
              <label class="label" for="target">
                Month
              </label>
              <select class={targetError ? 'select select-error' : 'select'} id="target" name="targetMonth">
                <option value="" selected={values.targetMonth === ''}>
                  Not set
                </option>
                {monthNames.map((name, i) => (
                  <option value={String(i + 1)} selected={values.targetMonth === String(i + 1)}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div class="date-input-item">
              <label class="label" for="targetYear">
                Year
              </label>
              <input class={targetError ? 'input input-year input-error' : 'input input-year'} id="targetYear" name="targetYear" type="text" inputmode="numeric" autocomplete="off" value={values.targetYear} />
            </div>
          </div>
        </fieldset>
      </FormGroup>

      {/* An action's first target moves nothing, so there is no reason to ask for. */}
      {firstTarget(action) !== null && (
        <FormGroup error={reasonError}>
          <label class="label" for="timescaleReason">
            {writtenLabels.timescaleReason}
          </label>
          <p id="timescaleReason-hint" class="hint">
            Needed only when you change the target. The original target is kept.
          </p>
          <ErrorMessage id="timescaleReason-error" message={reasonError} />
          <textarea class="textarea" id="timescaleReason" name="timescaleReason" rows={3} aria-describedby={describedBy('timescaleReason-hint', reasonError && 'timescaleReason-error')}>
            {values.timescaleReason}
          </textarea>
        </FormGroup>
      )}

      <div class="form-group">
        <div class="checkbox">
          <input type="checkbox" id="complete" name="complete" value="yes" checked={values.complete} aria-describedby="complete-hint" />
          <label for="complete">I believe this action is complete</label>
          <p id="complete-hint" class="hint radio-hint">
            {completeHint(whyAdminSignsOff)}
          </p>
        </div>
      </div>

      <button type="submit" class="button">
        {submitLabel}
      </button>
    </form>
  );
}

/** The form's written fields as typed, labelled as the form labels them: what a page that could not save them gives back. */
export function typedTexts(values: OwnerFormValues): TypedText[] {
  return Object.entries(writtenLabels)
    .map(([field, label]) => ({ label, value: values[field as keyof typeof writtenLabels].trim().slice(0, 20_000) }))
    .filter(({ value }) => value);
}
