import { InvalidInputError } from '../errors.js';
import { Action } from '../model/action.js';
import { Person } from '../model/person.js';
import type { Repository } from '../ports.js';
import { formatIssues } from '../validation.js';
import type { ImportProblem } from './cells.js';
import { mergeAction, mergePerson, sameValue } from './merge-seed.js';

export interface ImportInput {
  people: Person[];
  actions: Action[];
  problems: ImportProblem[];
}

export interface ApplyOptions {
  /** Work out and report what would change, write nothing. */
  dryRun?: boolean;
  /** Write even though there are warnings (errors always stop the import). */
  acceptWarnings?: boolean;
  /** When the import happens: the time of any timescale revision it records. */
  now: Date;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A stored action the import would write over, and which of its fields would change. */
export interface ChangedAction {
  id: string;
  ref: string;
  /** In the action's field order. */
  fields: Array<keyof Action>;
}

export interface ImportReport {
  /** `blocked`: nothing was written because of problems; `dry-run`: nothing was written on purpose. */
  outcome: 'written' | 'dry-run' | 'blocked';
  errors: number;
  warnings: number;
  people: Counts;
  actions: Counts;
  /** Every stored action the import changes, so that a reverted console edit is seen before it is written. */
  changedActions: ChangedAction[];
  problems: ImportProblem[];
}

interface Write<T> {
  item: T;
  expectedVersion: number | null;
}

/** Every item must satisfy its schema and every owner and SRO must be a known person, before any write. */
function validateInput(input: ImportInput, knownPeople: ReadonlySet<string>): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const person of input.people) {
    const result = Person.safeParse(person);
    if (!result.success) problems.push(...formatIssues(result.error).map((m) => `person ${person.email}: ${m}`));
  }
  for (const action of input.actions) {
    const result = Action.safeParse(action);
    if (!result.success) problems.push(...formatIssues(result.error).map((m) => `action ${action.ref}: ${m}`));
    if (seen.has(action.id)) problems.push(`action ${action.ref}: appears twice in the import; give each action its own ref`);
    seen.add(action.id);
    for (const id of [...action.ownerIds, ...(action.sroId ? [action.sroId] : [])]) {
      if (!knownPeople.has(id)) problems.push(`action ${action.ref}: ${id} is not in the directory; import the people first`);
    }
  }
  if (problems.length > 0) throw new InvalidInputError(problems, 'The import was not written');
}

const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

const changedFields = (stored: Action, merged: Action): Array<keyof Action> =>
  (Object.keys(merged) as Array<keyof Action>).filter((field) => !sameValue(stored[field], merged[field]));

/**
 * Imports a directory and a plan into the repository: people first (so owners exist), then actions.
 * Writes nothing when there are errors, or warnings not accepted; everything is checked before the
 * first write. A new action is created at version 1; a stored one is written (at its version + 1)
 * only when the import changes it, so re-importing the same file changes nothing.
 */
export async function applyImport(repository: Repository, input: ImportInput, options: ApplyOptions): Promise<ImportReport> {
  const errors = input.problems.filter((p) => p.severity === 'error').length;
  const warnings = input.problems.length - errors;
  const blocked = errors > 0 || (warnings > 0 && !options.acceptWarnings);

  const storedPeople = new Map((await repository.listPeople()).map((p) => [p.id, p]));
  const storedActions = new Map((await repository.listActions()).map((a) => [a.id, a]));
  validateInput(input, new Set([...storedPeople.keys(), ...input.people.map((p) => p.id)]));

  const report: ImportReport = { outcome: 'written', errors, warnings, people: emptyCounts(), actions: emptyCounts(), changedActions: [], problems: input.problems };
  const personWrites: Person[] = [];
  for (const imported of input.people) {
    const stored = storedPeople.get(imported.id);
    const merged = mergePerson(stored, imported);
    if (stored && sameValue(stored, merged)) report.people.unchanged++;
    else {
      report.people[stored ? 'updated' : 'created']++;
      personWrites.push(merged);
    }
  }
  const actionWrites: Write<Action>[] = [];
  for (const imported of input.actions) {
    const stored = storedActions.get(imported.id);
    if (!stored) {
      report.actions.created++;
      actionWrites.push({ item: imported, expectedVersion: null });
      continue;
    }
    const merged = mergeAction(stored, imported, options.now);
    if (sameValue(stored, merged)) report.actions.unchanged++;
    else {
      report.actions.updated++;
      report.changedActions.push({ id: stored.id, ref: merged.ref, fields: changedFields(stored, merged) });
      actionWrites.push({ item: { ...merged, version: stored.version + 1 }, expectedVersion: stored.version });
    }
  }

  if (blocked) return { ...report, outcome: 'blocked' };
  if (options.dryRun) return { ...report, outcome: 'dry-run' };
  for (const person of personWrites) await repository.putPerson(person);
  for (const { item, expectedVersion } of actionWrites) await repository.putAction(item, expectedVersion);
  return report;
}
