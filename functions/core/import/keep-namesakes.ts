import type { Action } from '../model/action.js';
import type { SharedName } from './match-person.js';

/** A name two or more people have, in a row's owners or SRO cell. */
export interface Namesake extends SharedName {
  field: 'owners' | 'sro';
}

const holders = (action: Action, field: Namesake['field']): readonly string[] => (field === 'owners' ? action.ownerIds : action.sroId === null ? [] : [action.sroId]);

/** The one of the people a name could be whom the action has in the name's column; null for none, or more than one. */
export function heldNamesake(action: Action, namesake: Namesake): string | null {
  const held = namesake.ids.filter((id) => holders(action, namesake.field).includes(id));
  return held.length === 1 ? (held[0] ?? null) : null;
}

/** A column's ids with the person the stored action has for each name inserted where the cell writes the name, and the names so settled. */
function settle(ids: readonly string[], namesakes: readonly Namesake[], stored: Action): { ids: string[]; names: string[] } {
  const settled = [...ids];
  const names: string[] = [];
  for (const namesake of namesakes) {
    const id = heldNamesake(stored, namesake);
    if (id === null) continue;
    names.push(namesake.name);
    // `at` counts the cell's matched people before the name, not those settled before it here.
    if (!settled.includes(id)) settled.splice(namesake.at + settled.length - ids.length, 0, id);
  }
  return { ids: settled, names };
}

/**
 * The imported action with each name two people share given to the one of them the stored action has
 * in that column: the file names them no less than it did when they were matched on an earlier import's
 * preview, and re-importing it (or the console's Export) must not unassign them. A name the stored
 * action has none of them for, or several, stays unmatched, for the preview to ask about.
 */
export function keepNamesakes(imported: Action, stored: Action, namesakes: readonly Namesake[]): Action {
  const owners = settle(imported.ownerIds, namesakes.filter((n) => n.field === 'owners'), stored);
  const sro = settle(imported.sroId === null ? [] : [imported.sroId], namesakes.filter((n) => n.field === 'sro'), stored);
  return { ...imported, ownerIds: owners.ids, unmatchedNames: imported.unmatchedNames.filter((name) => !owners.names.includes(name)), sroId: sro.ids[0] ?? null };
}
