import type { OwnerNotices } from '../../../functions/core/admin/actions/notify-new-owners.js';
import type { LeaverMove } from '../../../functions/core/admin/people/plan-deactivation.js';
import { plural } from '../../../functions/core/words.js';
import type { Action } from '../../../functions/core/model/action.js';
import type { Person } from '../../../functions/core/model/person.js';
import { ErrorMessage, ErrorSummary, NotificationBanner } from '../../owner/components.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { NewLinkAdvice } from '../new-link-advice.js';
import { errorOf, SelectField, type FormState } from '../actions/form-controls.js';
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

const leadLabels: Record<Exclude<LeaverMove['lead'], 'nobody'>, string | null> = {
  sro: 'their SRO leads it',
  'next-owner': 'the next co-owner leads it',
  unchanged: 'they are removed as co-owner',
  'not-owner': null,
};

const closureLabels: Record<NonNullable<LeaverMove['closure']>, string> = {
  sro: 'its SRO signs off the closure',
  admin: 'an admin signs off the closure, on the action’s page',
};

/** What the row says of an action left with no owner: what the admin needs to do about it, if anything. */
function nobodyLeads(move: LeaverMove, successorToChoose: boolean): string {
  // A closure awaiting sign-off needs no owner to be decided.
  if (move.closure !== null) return 'it has no owner';
  return successorToChoose ? 'it has no owner, unless you choose a new SRO below: they lead it' : 'it has no owner: choose one on the action’s page';
}

/**
 * What happens to one action: who leads it, who takes over as SRO, and who signs off a closure awaiting
 * sign-off. Before deactivating, an action the leaver is SRO of waits on the successor chosen below the
 * table, so its row says what that choice changes. `done`: the result page, after the choice.
 */
function whatHappens(move: LeaverMove, names: ReadonlyMap<string, string>, leaverId: string, done: boolean): string {
  const successorToChoose = !done && move.sroId === leaverId;
  const lead = move.lead === 'nobody' ? nobodyLeads(move, successorToChoose) : leadLabels[move.lead];
  const newSro = move.sroId !== null && move.sroId !== move.action.sroId ? `${names.get(move.sroId) ?? move.sroId} becomes its SRO` : null;
  const closure =
    move.closure === null
      ? null
      : successorToChoose
        ? 'the new SRO you choose below signs off the closure, unless they own it: then, or if you choose later, an admin does'
        : closureLabels[move.closure];
  return [lead, newSro, closure].filter(Boolean).join('; ');
}

function MovesTable({ moves, names, leaverId, done }: { moves: LeaverMove[]; names: ReadonlyMap<string, string>; leaverId: string; done: boolean }) {
  if (moves.length === 0) return <p>They own no open actions.</p>;
  return (
    <table>
      <ColumnHeads names={['Ref', done ? 'Owners now' : 'Owners after', 'What happens']} />
      <tbody>
        {moves.map((move) => (
          <tr>
            <td data-label="Ref">
              <a href={actionPaths.action(move.action.id)}>{move.action.ref}</a>
            </td>
            <td data-label={done ? 'Owners now' : 'Owners after'}>{move.ownerIds.map((id) => names.get(id) ?? id).join(', ') || 'Nobody'}</td>
            <td data-label="What happens">{whatHappens(move, names, leaverId, done)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SroList({ sroOf, note }: { sroOf: Action[]; note: string }) {
  if (sroOf.length === 0) return null;
  return (
    <>
      <h2>Actions they are SRO of</h2>
      <p>{note}</p>
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

/**
 * Confirmation before deactivating: what will move where, who takes over as SRO, and a box to tick. For
 * someone deactivated already whose SRO portfolio was left to choose later, the same form hands it over
 * in one go, rather than action by action.
 */
export function DeactivatePage({ forceName, session, person, moves, sroOf, names, successors, state }: DeactivationProps & { successors: Person[]; state: FormState }) {
  const confirmError = errorOf(state, 'confirm');
  const handOver = !person.active;
  const title = handOver ? `Hand over ${person.name}’s SRO portfolio` : `Deactivate ${person.name}`;
  const people = successors.map((p) => ({ value: p.id, label: `${p.name}${p.role ? ` (${p.role})` : ''}` }));
  // Handing over is all the form is then for: no "choose later", but no one chosen for the admin either.
  const choices = [{ value: '', label: handOver ? 'Choose someone' : 'Choose later, on each action’s page' }, ...people];
  const hint = `They are emailed the refs with their personal link.${moves.length > 0 ? ` They lead only an open action that ${person.name} led and that has no co-owner still here to lead it, as the table says.` : ''}`;
  return (
    <AdminLayout title={title} forceName={forceName} session={session} current="/admin/people" hasErrors={state.errors.length > 0}>
      <ErrorSummary errors={state.errors} />
      <a class="back-link" href={peoplePaths.person(person.id)}>
        {person.name}
      </a>
      <h1>{title}</h1>
      {handOver ? (
        <p>{person.name} has left, and is still the SRO of {plural(sroOf.length, 'open action')}: nobody signs off their closures or hears when their owners go quiet.</p>
      ) : (
        <p>Do this when someone leaves. Their personal links and any console session stop working at once, and the open actions they own move:</p>
      )}
      {/* An import since they left can have made them an owner again: those move too. */}
      {(!handOver || moves.length > 0) && (
        <>
          {handOver && <p>Since they left, they have become an owner again of open actions, which move too:</p>}
          <MovesTable moves={moves} names={names} leaverId={person.id} done={false} />
        </>
      )}
      <SroList sroOf={sroOf} note="Choose who takes these over below, or later on each action’s page:" />
      {!handOver && <p>The history of each action keeps them as its earlier owner.</p>}
      <form method="post" action={peoplePaths.deactivate(person.id)} novalidate>
        {sroOf.length > 0 && <SelectField id="newSro" label={`New SRO for the ${plural(sroOf.length, 'action')} they are SRO of${handOver ? '' : ' (optional)'}`} hint={hint} state={state} choices={choices} />}
        <div class={confirmError ? 'form-group form-group-error' : 'form-group'}>
          <ErrorMessage id="confirm-error" message={confirmError} />
          <div class="checkbox">
            <input id="confirm" name="confirm" type="checkbox" value="yes" checked={state.values.confirm === 'yes'} aria-describedby={confirmError ? 'confirm-error' : undefined} />
            <label for="confirm">{person.name} has left, and their actions should move as shown</label>
          </div>
        </div>
        <button type="submit" class="button button-warning">
          {handOver ? 'Hand over' : `Deactivate ${person.name}`}
        </button>
      </form>
    </AdminLayout>
  );
}

const namesOf = (people: readonly Person[]) => people.map((p) => p.name).join(', ');

export function DeactivatedPage({ forceName, session, person, moves, sroOf, names, notified, notNotified, alreadyDone }: DeactivationProps & OwnerNotices & { alreadyDone: boolean }) {
  const title = alreadyDone ? `${person.name} was already deactivated` : `${person.name} is deactivated`;
  return (
    <AdminLayout title={title} forceName={forceName} session={session} current="/admin/people">
      <NotificationBanner title={title} level="h1">
        <p>Their links and console sessions no longer work.{alreadyDone && ' Nothing was left to move.'}</p>
      </NotificationBanner>
      {!alreadyDone && (
        <>
          <h2>Actions moved: {moves.length}</h2>
          <MovesTable moves={moves} names={names} leaverId={person.id} done={true} />
        </>
      )}
      {notified.length > 0 && <p>Emailed the refs of the actions they now own or sponsor, with a personal link: {namesOf(notified)}.</p>}
      {notNotified.length > 0 && (
        <p class="warning-text">
          Not emailed about their new actions (the email failed, or they cannot receive email): {namesOf(notNotified)}. <NewLinkAdvice />
        </p>
      )}
      <SroList sroOf={sroOf} note="These keep them as SRO until you choose a new one, for all of them on their People page or on each action’s page:" />
      <p>
        <a href={peoplePaths.list}>Back to People</a>
      </p>
    </AdminLayout>
  );
}
