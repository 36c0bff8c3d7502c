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
 * A warning for each leaver a row names: where the stored owners or SRO are kept over them, who keeps
 * the action; otherwise (a new action, or one they still hold) that someone should take it over.
 */
export function leaverWarnings(stored: Action | undefined, imported: Action, directory: Directory, row: number): ImportProblem[] {
  const name = (id: string) => directory.get(id)?.name ?? id;
  const warning = (message: string): ImportProblem => ({ row, ref: imported.ref, severity: 'warning', message });
  const returning = stored ? returningLeavers(stored, imported, directory) : { owners: [], sro: null };
  const whoLeft = (ids: string[]) => `the sheet names ${ids.map(name).join(', ')}, who ${ids.length === 1 ? 'has' : 'have'} left (deactivated in People)`;
  const problems: ImportProblem[] = [];
  if (stored && returning.sro) {
    problems.push(warning(`${stored.sroId ? `kept ${name(stored.sroId)} as SRO` : 'kept the action without an SRO'}; ${whoLeft([returning.sro])}`));
  }
  if (stored && returning.owners.length > 0) {
    const owners = [...stored.ownerIds.map(name), ...stored.unmatchedNames];
    const kept = owners.length === 0 ? 'kept the action without an owner' : `kept ${owners.join(', ')} as ${owners.length === 1 ? 'owner' : 'owners'}`;
    problems.push(warning(`${kept}; ${whoLeft(returning.owners)}`));
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
