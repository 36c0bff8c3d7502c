import { Person } from '../model/person.js';
import type { Repository } from '../ports.js';
import type { AuditLog } from './audit-log.js';

export interface AddAliasDeps {
  repository: Repository;
  audit: AuditLog;
}

/** Excel cells can hold more than a Person's alias may: such a name is corrected in the file instead. */
export const maxAliasLength = 200;

/**
 * Keeps a name as the plan writes it ("Supt Nobody", "DCS Bell (Head of Crime)") as an alias of a
 * person, so the importer matches it from now on, and records the change in the audit log. `person` is
 * the stored entry, or the uploaded directory's entry for someone not stored yet (who is then stored
 * with the alias). An alias the person has already (in any case) writes nothing.
 */
export async function addPersonAlias(deps: AddAliasDeps, input: { person: Person; name: string; by: string; now: Date }): Promise<Person> {
  const name = input.name.replace(/\s+/g, ' ').trim();
  const stored = await deps.repository.getPerson(input.person.id);
  const base = stored ?? input.person;
  if ([base.name, ...base.aliases].some((known) => known.toLowerCase() === name.toLowerCase())) return base;
  const after = Person.parse({ ...base, aliases: [...base.aliases, name] });
  // A stored person gains the alias alone (a bounce recorded meanwhile stands); one from the upload is stored whole.
  if (!stored || !(await deps.repository.updatePerson(after.id, { aliases: after.aliases }))) await deps.repository.putPerson(after);
  await deps.audit.record({
    at: input.now.toISOString(),
    by: input.by,
    change: 'add-person-alias',
    target: { type: 'person', id: after.id },
    before: stored,
    after,
  });
  return after;
}
