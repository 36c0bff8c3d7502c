import { whoseUpdate } from '../../../functions/core/admin/actions/add-update-on-behalf.js';
import { keptIn, type ReassignField } from '../../../functions/core/admin/actions/reassign-owners.js';
import { editValuesFrom } from '../../../functions/core/admin/actions/edit-action.js';
import type { Action } from '../../../functions/core/model/action.js';
import type { Person } from '../../../functions/core/model/person.js';
import { firstTarget, valuesFromAction } from '../../../functions/core/owner/owner-update-form.js';
import { formatTarget, monthNames } from '../../owner/format.js';
import { ChangeForm, RadiosField, SelectField, TextField, type Choice, type FormState } from './form-controls.js';
import { actionPaths } from './paths.js';
import { personLabel } from './person-label.js';

const collator = new Intl.Collator('en-GB');

interface FormProps {
  action: Action;
  state: FormState;
}

/** The stored values each form starts from, before anyone types. */
export function defaultValues(action: Action, overdue: boolean): Record<string, Record<string, string>> {
  const owner = valuesFromAction(action, overdue);
  return {
    edit: editValuesFrom(action),
    reassign: { owner1: action.ownerIds[0] ?? '', owner2: action.ownerIds[1] ?? '', owner3: action.ownerIds[2] ?? '', sro: action.sroId ?? '' },
    'on-behalf': { ...owner, complete: owner.complete ? 'yes' : '', onBehalfOf: action.ownerIds[0] ?? action.sroId ?? '' },
  };
}

const kindChoices: Choice[] = [
  { value: 'recommendation', label: 'Recommendation' },
  { value: 'afi', label: 'Area for improvement' },
  { value: 'cause-of-concern', label: 'Cause of concern' },
];
const acceptedChoices: Choice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: '', label: 'Not recorded' },
];

export function EditForm({ action, state }: FormProps) {
  return (
    <ChangeForm action={actionPaths.change(action.id, 'edit')} version={action.version} submit="Save changes">
      <RadiosField id="kind" label="Kind" state={state} choices={kindChoices} />
      <TextField id="area" label="Area" hint="The PEEL pillar or section of the plan" state={state} />
      <TextField id="ref" label="Ref" state={state} />
      <TextField id="text" label="Text of the item" state={state} rows={6} />
      <TextField id="evidence" label="Inspection evidence (optional)" state={state} rows={4} />
      <TextField id="plan" label="Plan: what will be done (optional)" state={state} rows={4} />
      <RadiosField id="acceptedValue" label="Accepted for action by the force?" state={state} choices={acceptedChoices} />
      <TextField id="acceptedRationale" label="Rationale (optional)" state={state} rows={3} />
    </ChangeForm>
  );
}

export function ReassignForm({ action, state, people }: FormProps & { people: Person[] }) {
  const directory = new Map(people.map((p) => [p.id, p]));
  const active = people.filter((p) => p.active).sort((a, b) => collator.compare(a.name, b.name));
  // Only active people can be given a role, but someone who has left, or is not in the directory, stays
  // offered where the action has them (keptIn): a select without them would send None and drop them unasked.
  const kept = (field: ReassignField): Choice[] =>
    keptIn(action, field)
      .filter((id) => !directory.get(id)?.active)
      .map((id) => ({ value: id, label: personLabel(id, directory) }));
  const choices = (field: ReassignField, none: string): Choice[] => [{ value: '', label: none }, ...kept(field), ...active.map((p) => ({ value: p.id, label: `${p.name}${p.role ? ` (${p.role})` : ''}` }))];
  // Read with each field that offers someone kept, not only seen above them.
  const keptHint = (field: ReassignField) => (kept(field).length > 0 ? 'kept-hint' : undefined);
  const keepsSomeone = (['owner2', 'sro'] as const).some(keptHint);
  return (
    <ChangeForm action={actionPaths.change(action.id, 'reassign')} version={action.version} submit="Reassign">
      {action.unmatchedNames.length > 0 && (
        <p class="hint">The import could not match {action.unmatchedNames.join(', ')}: reassigning clears these names.</p>
      )}
      {keepsSomeone && (
        <p class="hint" id="kept-hint">Someone who has left, or is not in the people directory, stays on the action until you choose someone else or None. They get no reminders.</p>
      )}
      <SelectField id="owner1" label="Lead owner" hint="New owners are emailed their personal link (with the ref only)." sharedHint={keptHint('owner1')} state={state} choices={choices('owner1', 'Select a person')} />
      <SelectField id="owner2" label="Second owner (optional)" sharedHint={keptHint('owner2')} state={state} choices={choices('owner2', 'None')} />
      <SelectField id="owner3" label="Third owner (optional)" sharedHint={keptHint('owner3')} state={state} choices={choices('owner3', 'None')} />
      <SelectField id="sro" label="Senior responsible officer (optional)" hint="A new SRO is emailed their personal link too." sharedHint={keptHint('sro')} state={state} choices={choices('sro', 'None')} />
    </ChangeForm>
  );
}

export function ReasonForm({ action, state, change, id, label, submit }: FormProps & { change: 'reopen' | 'not-accepted' | 'superseded'; id: string; label: string; submit: string }) {
  return (
    <ChangeForm action={actionPaths.change(action.id, change)} version={action.version} submit={submit} warning={change !== 'reopen'}>
      <TextField id={id} label={label} hint="Required. It is kept in the action's history." state={state} rows={3} />
    </ChangeForm>
  );
}

const confidenceChoices: Choice[] = [
  { value: 'high', label: 'High: it will be done by the target date' },
  { value: 'medium', label: 'Medium: there are risks to the target date' },
  { value: 'low', label: 'Low: it is unlikely to be done by the target date' },
];

/** The owner's update form, entered by an admin for one of the action's owners. */
export function OnBehalfForm({ action, state, directory, overdue }: FormProps & { directory: ReadonlyMap<string, Person>; overdue: boolean }) {
  const targetState: FormState = { values: { target: state.values.targetMonth ?? '', targetYear: state.values.targetYear ?? '' }, errors: state.errors };
  return (
    <ChangeForm action={actionPaths.change(action.id, 'on-behalf')} version={action.version} submit="Save update">
      <SelectField id="onBehalfOf" label="Whose update is this?" state={state} choices={[{ value: '', label: 'Select a person' }, ...whoseUpdate(action).map((id) => ({ value: id, label: personLabel(id, directory) }))]} />
      <TextField id="progress" label="Progress update" hint="What the owner told you has happened since the last update." state={state} rows={6} />
      <RadiosField id="confidence" label="How confident is the owner that it will be done by the target date?" state={state} choices={confidenceChoices} />
      <TextField id="confidenceNarrative" label="Why this confidence? (optional)" state={state} rows={3} />
      <div class="date-input">
        <SelectField
          id="target"
          name="targetMonth"
          label="Target month"
          hint={overdue ? `Now: ${formatTarget(action.timescale)}, which has passed: enter the month it will now be done by, or choose Low confidence above` : `Now: ${formatTarget(action.timescale)}`}
          state={targetState}
          choices={[{ value: '', label: 'Not set' }, ...monthNames.map((name, i) => ({ value: String(i + 1), label: name }))]}
        />
        <TextField id="targetYear" label="Target year" state={targetState} />
      </div>
      {/* As on the owner's form: an action's first target moves nothing, so there is no reason to ask for. */}
      {firstTarget(action) !== null && <TextField id="timescaleReason" label="If the target date is changing, why?" state={state} rows={3} />}
      <div class="form-group">
        <div class="checkbox">
          <input type="checkbox" id="complete" name="complete" value="yes" checked={state.values.complete === 'yes'} />
          <label for="complete">The owner says the action is complete (propose it for closure)</label>
        </div>
      </div>
    </ChangeForm>
  );
}
