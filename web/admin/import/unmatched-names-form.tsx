import type { Person } from '../../../functions/core/model/person.js';
import { ErrorMessage } from '../../owner/components.js';
import { importPaths } from './import-paths.js';

export interface AliasFormError {
  /** The select's id: person-<index of the name>. */
  field: string;
  message: string;
}

const personLabel = (p: Person) => `${p.name}${p.role ? `, ${p.role}` : ''} (${p.email})`;

/**
 * One select per name that matches nobody. Each choice is kept with the draft, and on import as an
 * alias of that person, so that this file and every later one match (but for a name someone else has
 * too, which an alias cannot settle); a name left as it is stays on the action for an admin to resolve.
 */
export function UnmatchedNamesForm({ draftId, names, choices, errors }: { draftId: string; names: string[]; choices: Person[]; errors: AliasFormError[] }) {
  return (
    <form method="post" action={importPaths.aliases(draftId)} class="unmatched-names">
      {names.map((name, index) => {
        const id = `person-${index}`;
        const error = errors.find((e) => e.field === id)?.message;
        return (
          <div class={error ? 'form-group form-group-error' : 'form-group'}>
            <input type="hidden" name="name" value={name} />
            <label class="label" for={id}>
              Who is <strong>{name}</strong>?
            </label>
            <ErrorMessage id={`${id}-error`} message={error} />
            <select class={error ? 'select select-error' : 'select'} id={id} name="personId" aria-describedby={error ? `${id}-error` : undefined}>
              <option value="">Leave unmatched for now</option>
              {choices.map((p) => (
                <option value={p.id}>{personLabel(p)}</option>
              ))}
            </select>
          </div>
        );
      })}
      <button type="submit" class="button button-secondary">
        Use these names and preview again
      </button>
    </form>
  );
}
