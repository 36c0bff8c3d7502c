import { ConflictError, NotFoundError } from '../../errors.js';
import { revokeLinks } from '../../links/links.js';
import type { Person } from '../../model/person.js';
import type { Repository } from '../../ports.js';
import { recordAdminChange, type AdminActionDeps, type AdminActor } from '../actions/admin-change.js';
import { notifyNewOwners, type NewOwnership, type OwnerNotices } from '../actions/notify-new-owners.js';
import type { SessionStore } from '../session.js';
import { planDeactivation, type DeactivationPlan, type LeaverMove } from './plan-deactivation.js';

export interface PeopleAdminDeps extends AdminActionDeps {
  sessions: SessionStore;
}

export async function getPersonOrThrow(repository: Repository, personId: string): Promise<Person> {
  const person = await repository.getPerson(personId);
  if (!person) throw new NotFoundError(`Person ${personId}`);
  return person;
}

/** What deactivating would do now: for the confirmation page. Reads only. */
export async function previewDeactivation(deps: Pick<PeopleAdminDeps, 'repository'>, personId: string): Promise<{ person: Person } & DeactivationPlan> {
  const person = await getPersonOrThrow(deps.repository, personId);
  return { person, ...planDeactivation(await deps.repository.listActions(), person.id) };
}

/**
 * A leaver: their links and console sessions stop working first, then each live action they own moves
 * (lead to the SRO, as one admin history entry and audit entry each, with the reason), then they are
 * marked inactive and the deactivation itself is audited. Last, whoever now leads an action they did
 * not own before (the SRO, usually) is emailed its ref, as a reassignment would. Safe to run again: a
 * second run finds only what is left to move.
 */
export async function deactivatePerson(
  deps: PeopleAdminDeps,
  actor: AdminActor,
  personId: string,
  now: Date,
): Promise<{ person: Person } & DeactivationPlan & OwnerNotices> {
  const person = await getPersonOrThrow(deps.repository, personId);
  await revokeLinks(deps, person.id, now);
  await deps.sessions.revokeBefore(person.email, now.toISOString());
  const plan = planDeactivation(await deps.repository.listActions(), person.id);
  const moves: LeaverMove[] = [];
  for (const move of plan.moves) moves.push(await moveAction(deps, actor, person, move, now));
  const after: Person = { ...person, active: false };
  if (person.active) await deps.repository.putPerson(after);
  await deps.audit.record({
    at: now.toISOString(),
    by: actor.email,
    change: 'deactivate-person',
    target: { type: 'person', id: person.id },
    before: { active: person.active },
    after: { active: false, movedActions: moves.map((m) => m.action.ref), sroOf: plan.sroOf.map((a) => a.ref) },
  });
  return { person: after, moves, sroOf: plan.sroOf, ...(await notifyNewOwners(deps, await newOwnerships(deps.repository, moves), now)) };
}

/** Everyone a move made an owner, with the refs they gained, in plan order. */
async function newOwnerships(repository: Repository, moves: readonly LeaverMove[]): Promise<NewOwnership[]> {
  const refsById = new Map<string, string[]>();
  for (const move of moves) {
    for (const id of move.ownerIds.filter((owner) => !move.action.ownerIds.includes(owner))) {
      refsById.set(id, [...(refsById.get(id) ?? []), move.action.ref]);
    }
  }
  const ownerships: NewOwnership[] = [];
  for (const [id, refs] of refsById) {
    const person = await repository.getPerson(id);
    if (person) ownerships.push({ person, refs });
  }
  return ownerships;
}

/** One action's move; when someone saved the action meanwhile, it is re-read and re-planned (a few times). */
async function moveAction(deps: PeopleAdminDeps, actor: AdminActor, leaver: Person, move: LeaverMove, now: Date): Promise<LeaverMove> {
  let current = move;
  for (let attempt = 1; ; attempt++) {
    try {
      const reason = `${leaver.name} has left and was deactivated`;
      await recordAdminChange(deps, actor, current.action, { change: 'move-leaver-action', patch: { ownerIds: current.ownerIds }, reason }, now);
      return current;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === 3) throw error;
      const fresh = await deps.repository.getAction(move.action.id);
      const replanned = fresh ? planDeactivation([fresh], leaver.id).moves[0] : undefined;
      if (!replanned) return current;
      current = replanned;
    }
  }
}
