import type { OwnerNotices } from '../../../functions/core/admin/actions/notify-new-owners.js';
import type { LeaverMove } from '../../../functions/core/admin/people/plan-deactivation.js';
import type { Action } from '../../../functions/core/model/action.js';
import type { Person } from '../../../functions/core/model/person.js';
import { ErrorMessage, ErrorSummary } from '../../owner/components.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { actionPaths } from '../actions/paths.js';
import { peoplePaths } from './people-paths.js';
import { ColumnHeads } from '../../views/column-heads.js';

interface DeactivationProps {
  forceName: string;
  session: AdminSession;
  person: Person;
  moves: LeaverMove[];
  sroOf: Action[];
  /** Names by person id, for the new owners. */
  names: ReadonlyMap<string, string>;
}

const leadLabels: Record<LeaverMove['lead'], string> = {
  sro: 'their SRO leads it',
  'next-owner': 'the next co-owner leads it',
  nobody: 'it has no owner: choose one on the action’s page',
  unchanged: 'they are removed as co-owner',
};

function MovesTable({ moves, names, done }: { moves: LeaverMove[]; names: ReadonlyMap<string, string>; done: boolean }) {
  if (moves.length === 0) return <p>They own no open actions.</p>;
  return (
    <table class="labelled-table">
      <ColumnHeads names={['Ref', done ? 'Owners now' : 'Owners after', 'What happens']} />
      <tbody>
        {moves.map((move) => (
          <tr>
            <td>
              <a href={actionPaths.action(move.action.id)}>{move.action.ref}</a>
            </td>
            <td data-label={done ? 'Owners now' : 'Owners after'}>{move.ownerIds.map((id) => names.get(id) ?? id).join(', ') || 'Nobody'}</td>
            <td data-label="What happens">{leadLabels[move.lead]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SroList({ sroOf }: { sroOf: Action[] }) {
  if (sroOf.length === 0) return null;
  return (
    <>
      <h2>Actions they are SRO of</h2>
      <p>These keep them as SRO until you choose a new one on each action’s page:</p>
      <ul class="ref-list">
        {sroOf.map((a) => (
          <li>
            <a href={actionPaths.action(a.id)}>{a.ref}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Confirmation before deactivating: what will move where, and a box to tick. */
export function DeactivatePage({ forceName, session, person, moves, sroOf, names, error }: DeactivationProps & { error?: string | undefined }) {
  return (
    <AdminLayout title={`Deactivate ${person.name}`} forceName={forceName} session={session} current="/admin/people" hasErrors={Boolean(error)}>
      <ErrorSummary errors={error ? [{ field: 'confirm', message: error }] : []} />
      <a class="back-link" href={peoplePaths.person(person.id)}>
        {person.name}
      </a>
      <h1>Deactivate {person.name}</h1>
      <p>Do this when someone leaves. Their personal links and any console session stop working at once, and the open actions they own move:</p>
      <MovesTable moves={moves} names={names} done={false} />
      <SroList sroOf={sroOf} />
      <p>The history of each action keeps them as its earlier owner.</p>
      <form method="post" action={peoplePaths.deactivate(person.id)} novalidate>
        <div class={error ? 'form-group form-group-error' : 'form-group'}>
          <ErrorMessage id="confirm-error" message={error} />
          <div class="checkbox">
            <input id="confirm" name="confirm" type="checkbox" value="yes" aria-describedby={error ? 'confirm-error' : undefined} />
            <label for="confirm">{person.name} has left, and their actions should move as shown</label>
          </div>
        </div>
        <button type="submit" class="button button-warning">
          Deactivate {person.name}
        </button>
      </form>
    </AdminLayout>
  );
}

const namesOf = (people: readonly Person[]) => people.map((p) => p.name).join(', ');

export function DeactivatedPage({ forceName, session, person, moves, sroOf, names, notified, notNotified }: DeactivationProps & OwnerNotices) {
  return (
    <AdminLayout title={`${person.name} is deactivated`} forceName={forceName} session={session} current="/admin/people">
      <div class="notification-success" role="status">
        <h1 class="notification-title">{person.name} is deactivated</h1>
        <p>Their links and console sessions no longer work.</p>
      </div>
      <h2>Actions moved: {moves.length}</h2>
      <MovesTable moves={moves} names={names} done={true} />
      {notified.length > 0 && <p>Emailed the refs of their new actions, with a personal link: {namesOf(notified)}.</p>}
      {notNotified.length > 0 && (
        <p class="warning-text">
          Not emailed about their new actions (the email failed, or they cannot receive email): {namesOf(notNotified)}. Tell them yourself, or send a fresh
          link from People.
        </p>
      )}
      <SroList sroOf={sroOf} />
      <p>
        <a href={peoplePaths.list}>Back to People</a>
      </p>
    </AdminLayout>
  );
}
