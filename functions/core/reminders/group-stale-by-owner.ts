import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import { daysSinceUpdate, isStale } from '../rules/stale.js';

export interface StaleActionLine {
  actionId: string;
  ref: string;
  /** Null when the action was never updated. */
  daysSinceUpdate: number | null;
}

export interface StaleDigest {
  personId: string;
  name: string;
  email: string | null;
  actions: StaleActionLine[];
}

/**
 * Who owns which stale actions: one digest per person, the lead and every co-owner alike. Names
 * that matched nobody at import are grouped under their written name, without an address.
 */
export function groupStaleByOwner(actions: Action[], people: Person[], now: Date, staleAfterDays: number): StaleDigest[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const digests = new Map<string, StaleDigest>();
  for (const action of actions) {
    if (!isStale(action, now, staleAfterDays)) continue;
    const line = { actionId: action.id, ref: action.ref, daysSinceUpdate: daysSinceUpdate(action, now) };
    const owners = [
      ...action.ownerIds.map((id) => ({ key: id, name: byId.get(id)?.name ?? id, email: byId.get(id)?.email ?? null })),
      ...action.unmatchedNames.map((name) => ({ key: `unmatched:${name}`, name, email: null })),
    ];
    for (const owner of owners) {
      const digest = digests.get(owner.key) ?? { personId: owner.key, name: owner.name, email: owner.email, actions: [] };
      digest.actions.push(line);
      digests.set(owner.key, digest);
    }
  }
  return [...digests.values()].sort((a, b) => b.actions.length - a.actions.length || a.name.localeCompare(b.name));
}
