import type { Child } from 'hono/jsx';
import type { FieldError } from '../../../functions/core/admin/actions/admin-change.js';
import { describedBy, ErrorMessage, errorFor, FormGroup } from '../../owner/components.js';

/** What a console form shows: its values as typed (or as stored) and its problems, by field id. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldError[];
}

export const errorOf = (state: FormState, field: string) => errorFor(state.errors, field);

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  state: FormState;
}

/** A field's label, hint and GOV.UK error message, in that order, each linked to the field by id. */
function FieldIntro({ id, label, hint, error }: { id: string; label: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      <label class="label label-bold" for={id}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      <ErrorMessage id={`${id}-error`} message={error} />
    </>
  );
}

/** A labelled text input or textarea with its hint and GOV.UK error message. */
export function TextField({ id, label, hint, state, rows }: FieldProps & { rows?: number }) {
  const error = errorOf(state, id);
  const described = describedBy(hint && `${id}-hint`, error && `${id}-error`);
  const value = state.values[id] ?? '';
  return (
    <FormGroup error={error}>
      <FieldIntro id={id} label={label} hint={hint} error={error} />
      {rows ? (
        <textarea class="textarea" id={id} name={id} rows={rows} aria-describedby={described}>
          {value}
        </textarea>
      ) : (
        <input class={error ? 'input input-error' : 'input'} id={id} name={id} type="text" value={value} aria-describedby={described} />
      )}
    </FormGroup>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A select; the first choice is usually "None". */
/** `sharedHint`: the id of a hint the form gives once for several fields, read with this one too. */
export function SelectField({ id, name, label, hint, sharedHint, state, choices }: FieldProps & { choices: Choice[]; name?: string; sharedHint?: string }) {
  const error = errorOf(state, id);
  const value = state.values[id] ?? '';
  return (
    <FormGroup error={error}>
      <FieldIntro id={id} label={label} hint={hint} error={error} />
      <select class={error ? 'select select-error' : 'select'} id={id} name={name ?? id} aria-describedby={describedBy(hint && `${id}-hint`, sharedHint, error && `${id}-error`)}>
        {choices.map((choice) => (
          <option value={choice.value} selected={choice.value === value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

/** Radios in a fieldset; the first radio carries the field's id, for the error summary's link. */
export function RadiosField({ id, label, state, choices }: FieldProps & { choices: Choice[] }) {
  const error = errorOf(state, id);
  const value = state.values[id] ?? '';
  return (
    <FormGroup error={error}>
      <fieldset class="fieldset" aria-describedby={describedBy(error && `${id}-error`)}>
        <legend class="legend">{label}</legend>
        <ErrorMessage id={`${id}-error`} message={error} />
        <div class="radios">
          {choices.map((choice, i) => {
            const inputId = i === 0 ? id : `${id}-${choice.value || 'none'}`;
            return (
              <div class="radio">
                <input type="radio" id={inputId} name={id} value={choice.value} checked={choice.value === value} />
                <label for={inputId}>{choice.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}

/** One change's form: POST to its own route with the version the page was rendered from. */
export function ChangeForm({ action, version, submit, warning, children }: { action: string; version: number; submit: string; warning?: boolean; children?: Child }) {
  return (
    <form method="post" action={action} novalidate>
      <input type="hidden" name="version" value={String(version)} />
      {children}
      <button type="submit" class={warning ? 'button button-warning' : 'button'}>
        {submit}
      </button>
    </form>
  );
}
