import * as z from '../../zod.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { revokeLinks } from '../../links/links.js';
import type { Person } from '../../model/person.js';
import type { Repository } from '../../ports.js';
import { recordAdminChange, type AdminActionDeps, type AdminActor, type FieldError } from '../actions/admin-change.js';
import { readForm } from '../actions/form-fields.js';
import { notifyNewOwners, type NewOwnership, type OwnerNotices } from '../actions/notify-new-owners.js';
import type { ActionRole } from '../actions/owner-assigned-email.js';
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

export interface DeactivationPreview extends DeactivationPlan {
  person: Person;
  /** Who may take over as SRO: everyone active but the leaver, by name. */
  successors: Person[];
}

/** Who may take over as SRO: everyone active but the leaver, by name. */
const successorsOf = (people: readonly Person[], leaver: Person): Person[] =>
  people.filter((p) => p.active && p.id !== leaver.id).sort((a, b) => a.name.localeCompare(b.name));

/** Who may lead an action: someone in the directory who has not left. */
const hereIn = (people: readonly Person[]) => {
  const here = new Set(people.filter((p) => p.active).map((p) => p.id));
  return (id: string) => here.has(id);
};

/** What deactivating would do now, before any successor is chosen: for the confirmation page. Reads only. */
export async function previewDeactivation(deps: Pick<PeopleAdminDeps, 'repository'>, personId: string): Promise<DeactivationPreview> {
  const person = await getPersonOrThrow(deps.repository, personId);
  const [actions, people] = await Promise.all([deps.repository.listActions(), deps.repository.listPeople()]);
  return { person, successors: successorsOf(people, person), ...planDeactivation(actions, person.id, null, hereIn(people)) };
}

/**
 * The confirmation form: the box ticked, and who (if anyone yet) takes over as SRO of the leaver's
 * portfolio. Reads the directory, not the plan: deactivatePerson plans from the plan as it is then.
 */
export async function readDeactivateForm(
  deps: Pick<PeopleAdminDeps, 'repository'>,
  personId: string,
  body: Record<string, unknown>,
): Promise<{ ok: true; newSroId: string | null } | { ok: false; errors: FieldError[] }> {
  const person = await getPersonOrThrow(deps.repository, personId);
  const successors = new Set(successorsOf(await deps.repository.listPeople(), person).map((p) => p.id));
  const form = readForm(
    z.object({
      newSro: z.string().check(z.trim(), z.refine((id) => id === '' || successors.has(id), 'Select someone from the list: only people in the directory who have not left can be SRO')),
      confirm: z.string().check(z.refine((value) => value === 'yes', `Select the box to confirm that ${person.name} has left`)),
    }),
    body,
  );
  return form.ok ? { ok: true, newSroId: form.data.newSro || null } : form;
}

/**
 * A leaver: their links and console sessions stop working first, then each live action they own moves
 * as planDeactivation says (one admin history entry and audit entry each, with the reason), and each
 * they are SRO of passes to `newSroId` when the admin chose a successor; then they are marked inactive and the
 * deactivation itself is audited. Last, whoever now leads or sponsors an action they did not before is
 * emailed its ref, as a reassignment would. Safe to run again: a second run finds only what is left.
 */
export async function deactivatePerson(
  deps: PeopleAdminDeps,
  actor: AdminActor,
  personId: string,
  now: Date,
  newSroId: string | null = null,
): Promise<{ person: Person; alreadyDone: boolean } & DeactivationPlan & OwnerNotices> {
  const person = await getPersonOrThrow(deps.repository, personId);
  await revokeLinks(deps, person.id, now);
  await deps.sessions.revokeBefore(person.email, now.toISOString());
  const [actions, people] = await Promise.all([deps.repository.listActions(), deps.repository.listPeople()]);
  const isHere = hereIn(people);
  const plan = planDeactivation(actions, person.id, newSroId, isHere);
  const moves: LeaverMove[] = [];
  for (const move of plan.moves) {
    const moved = await moveAction(deps, actor, person, move, { newSroId, isHere }, now);
    if (moved) moves.push(moved);
  }
  const after: Person = { ...person, active: false };
  // Only whether they are active: a bounce recorded while their actions moved stands.
  if (person.active) await deps.repository.updatePerson(person.id, { active: false });
  // The form sent again (a reload of the result page) finds nothing to do: nothing to audit either.
  const alreadyDone = !person.active && moves.length === 0;
  if (!alreadyDone) {
    await deps.audit.record({
      at: now.toISOString(),
      by: actor.email,
      change: 'deactivate-person',
      target: { type: 'person', id: person.id },
      before: { active: person.active },
      after: { active: false, movedActions: moves.map((m) => m.action.ref), sroOf: plan.sroOf.map((a) => a.ref), newSro: newSroId },
    });
  }
  const gained = [...(await newRoles(deps.repository, moves, 'owner')), ...(await newRoles(deps.repository, moves, 'sro'))];
  // Often a stand-in (the action's SRO): they should know why, and whom to ask to hand it on.
  const why = `This is because ${person.name} has left. If any should go to someone else, please ask ${actor.email}.`;
  return { person: after, moves, sroOf: plan.sroOf, alreadyDone, ...(await notifyNewOwners(deps, gained, now, why)) };
}

/** Everyone a move made an owner (or SRO), with the refs they gained, in plan order. */
async function newRoles(repository: Repository, moves: readonly LeaverMove[], role: ActionRole): Promise<NewOwnership[]> {
  const refsById = new Map<string, string[]>();
  for (const { action, ownerIds, sroId } of moves) {
    const gainedBy = role === 'owner' ? ownerIds.filter((owner) => !action.ownerIds.includes(owner)) : sroId !== null && sroId !== action.sroId ? [sroId] : [];
    for (const id of gainedBy) refsById.set(id, [...(refsById.get(id) ?? []), action.ref]);
  }
  const gained: NewOwnership[] = [];
  for (const [id, refs] of refsById) {
    const person = await repository.getPerson(id);
    if (person) gained.push({ person, refs, role });
  }
  return gained;
}

/**
 * One action's move; when someone saved the action meanwhile, it is re-read and re-planned (a few
 * times). Null when, re-read, there is nothing left to move.
 */
async function moveAction(
  deps: PeopleAdminDeps,
  actor: AdminActor,
  leaver: Person,
  move: LeaverMove,
  { newSroId, isHere }: { newSroId: string | null; isHere: (id: string) => boolean },
  now: Date,
): Promise<LeaverMove | null> {
  let current = move;
  for (let attempt = 1; ; attempt++) {
    try {
      const reason = `${leaver.name} has left and was deactivated`;
      const patch = { ownerIds: current.ownerIds, ...(current.sroId !== current.action.sroId ? { sroId: current.sroId } : {}) };
      await recordAdminChange(deps, actor, current.action, { change: 'move-leaver-action', patch, reason }, now);
      return current;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === 3) throw error;
      const fresh = await deps.repository.getAction(move.action.id);
      const replanned = fresh ? planDeactivation([fresh], leaver.id, newSroId, isHere).moves[0] : undefined;
      if (!replanned) return null;
      current = replanned;
    }
  }
}
