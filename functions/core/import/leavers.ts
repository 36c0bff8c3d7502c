import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { ImportProblem } from './cells.js';

/** Everyone by id as the import leaves the directory: a file cannot bring a leaver back (mergePerson). */
export type Directory = ReadonlyMap<string, Person>;

const hasLeft = (directory: Directory, id: string) => directory.get(id)?.active === false;

export interface ReturningLeavers {
  owners: string[];
  sro: string | null;
}

/**
 * The people who have left that a row names as owner or SRO of a stored action they no longer hold.
 * A sheet from before they left would hand the action back to them, undoing the handover made when
 * they were deactivated, and leave it with someone nobody reminds; so the stored holders stay instead.
 */
export function returningLeavers(stored: Action, imported: Action, directory: Directory): ReturningLeavers {
  return {
    owners: imported.ownerIds.filter((id) => hasLeft(directory, id) && !stored.ownerIds.includes(id)),
    sro: imported.sroId !== null && imported.sroId !== stored.sroId && hasLeft(directory, imported.sroId) ? imported.sroId : null,
  };
}

/**
 * The owners a re-import leaves on a stored action. Where the sheet brings back someone who has left,
 * it predates the handover made when they were deactivated: its other owners stand, and so do those
 * who hold the action now, so that neither the sheet's co-owners nor the successors are lost.
 */
export function ownersAfterImport(stored: Action, imported: Action, returning: ReturningLeavers): Pick<Action, 'ownerIds' | 'unmatchedNames'> {
  if (returning.owners.length === 0) return { ownerIds: imported.ownerIds, unmatchedNames: imported.unmatchedNames };
  return {
    ownerIds: [...imported.ownerIds.filter((id) => !returning.owners.includes(id)), ...stored.ownerIds.filter((id) => !imported.ownerIds.includes(id))],
    unmatchedNames: [...new Set([...imported.unmatchedNames, ...stored.unmatchedNames])],
  };
}

/** Statuses whose owners and SRO are history: deactivation moves only live actions, and so do these warnings. */
const live = new Set<Action['status']>(['open', 'proposed-closure']);

/**
 * A warning for each leaver a row names: where the stored owners or SRO are kept over them, who keeps
 * the action; otherwise (a new action, or one they still hold) that someone should take it over.
 */
export function leaverWarnings(stored: Action | undefined, imported: Action, directory: Directory, row: number): ImportProblem[] {
  const name = (id: string) => directory.get(id)?.name ?? id;
  const warning = (message: string): ImportProblem => ({ row, ref: imported.ref, severity: 'warning', message });
  const returning = stored ? returningLeavers(stored, imported, directory) : { owners: [], sro: null };
  const whoLeft = (ids: string[]) => `the sheet names ${ids.map(name).join(', ')}, who ${ids.length === 1 ? 'has' : 'have'} left (deactivated in People)`;
  const problems: ImportProblem[] = [];
  if (!live.has((stored ?? imported).status)) return problems;
  if (stored && returning.sro) {
    const kept = stored.sroId === null ? 'kept the action without an SRO' : `kept ${name(stored.sroId)} as SRO${hasLeft(directory, stored.sroId) ? ', who has also left: reassign it' : ''}`;
    problems.push(warning(`${kept}; ${whoLeft([returning.sro])}`));
  }
  if (stored && returning.owners.length > 0) {
    const after = ownersAfterImport(stored, imported, returning);
    const owners = [...after.ownerIds.map(name), ...after.unmatchedNames];
    const now = owners.length === 0 ? 'left the action without an owner' : `owned by ${owners.join(', ')}`;
    problems.push(warning(`${now}; ${whoLeft(returning.owners)}`));
  }
  const stillNamed = [
    ['SRO', imported.sroId && imported.sroId !== returning.sro ? [imported.sroId] : []],
    ['owner', imported.ownerIds.filter((id) => !returning.owners.includes(id))],
  ] as const;
  for (const [role, ids] of stillNamed) {
    for (const id of ids.filter((id) => hasLeft(directory, id))) {
      problems.push(warning(`${name(id)}, named as ${role}, has left (deactivated in People); reassign the action to whoever took it over, after the import or in the file`));
    }
  }
  return problems;
}
