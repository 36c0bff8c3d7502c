import { roleFor } from '../../../functions/core/admin/roles.js';
import type { ForceConfig } from '../../../functions/core/config/force-config.js';
import type { Action } from '../../../functions/core/model/action.js';
import type { Person } from '../../../functions/core/model/person.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { mailStatusLabels, peoplePaths, roleLabels } from './people-paths.js';
import { ColumnHeads } from '../../views/column-heads.js';
import { ErrorSummary } from '../../owner/components.js';
import { TextField, type FormState } from '../actions/form-controls.js';
import { DetailsFields } from './person-page.js';

export interface PeoplePageProps {
  config: Pick<ForceConfig, 'name' | 'admins' | 'board'>;
  session: AdminSession;
  people: Person[];
  actions: Action[];
  /** The add-a-person form, empty or as typed with its problems. */
  addForm: FormState;
}

/** A new owner or SRO, without uploading the people file and the whole plan with it. */
function AddPersonForm({ state }: { state: FormState }) {
  return (
    <details class="change-section" id="add-person" open={state.errors.length > 0}>
      <summary>Add a person</summary>
      <form method="post" action={peoplePaths.list} novalidate>
        <DetailsFields state={state} aliasesHint="Other ways the plan writes their name, separated by ;" />
        <TextField id="email" label="Email address" state={state} />
        <button type="submit" class="button">
          Add to the directory
        </button>
      </form>
    </details>
  );
}

/** The directory: who owns what, who can sign in to the console, whose email is failing. */
export function PeoplePage({ config, session, people, actions, addForm }: PeoplePageProps) {
  const live = actions.filter((a) => a.status === 'open' || a.status === 'proposed-closure');
  const owned = (id: string) => live.filter((a) => a.ownerIds.includes(id)).length;
  const sroOf = (id: string) => live.filter((a) => a.sroId === id).length;
  const sorted = [...people].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  const directoryEmails = new Set(people.map((p) => p.email.toLowerCase()));
  const consoleOnly = [...config.admins, ...config.board].filter((e, i, all) => !directoryEmails.has(e.toLowerCase()) && all.indexOf(e) === i);
  return (
    <AdminLayout title="People" forceName={config.name} session={session} current="/admin/people" hasErrors={addForm.errors.length > 0}>
      <ErrorSummary errors={addForm.errors} />
      <h1>People</h1>
      <p class="lead">{people.filter((p) => p.active).length} active people in the directory.</p>
      <AddPersonForm state={addForm} />
      <table>
        {/* The Actions list filtered by owner shows closed ones too: say what these count. */}
        <caption class="table-note">Owns and SRO of count the actions open or awaiting sign-off.</caption>
        <ColumnHeads names={['Name', 'Email', 'Other names in the plan', 'Owns', 'SRO of', 'Status']} />
        <tbody>
          {sorted.map((person) => {
            const role = roleFor(config, person.email);
            return (
              <tr>
                <td data-label="Name">
                  <a href={peoplePaths.person(person.id)}>{person.name}</a>
                  {person.role && <span class="caption">{person.role}</span>}
                  {role && <strong class="tag tag-role">{roleLabels[role]}</strong>}
                </td>
                <td class="break-anywhere" data-label="Email">
                  {person.email}
                  {person.mailStatus !== 'ok' && <strong class="tag tag-overdue">{mailStatusLabels[person.mailStatus]}</strong>}
                </td>
                <td data-label="Other names">{person.aliases.join('; ') || 'None'}</td>
                <td data-label="Owns">{owned(person.id)}</td>
                <td data-label="SRO of">{sroOf(person.id)}</td>
                <td data-label="Status">{person.active ? 'Active' : 'Left'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {consoleOnly.length > 0 && (
        <>
          <h2>Console access not in the directory</h2>
          <p>These addresses can sign in to the console (from the force's config) but own no actions.</p>
          <ul class="break-anywhere">
            {consoleOnly.map((email) => (
              <li>
                {email} ({roleLabels[roleFor(config, email)!]})
              </li>
            ))}
          </ul>
        </>
      )}
    </AdminLayout>
  );
}
