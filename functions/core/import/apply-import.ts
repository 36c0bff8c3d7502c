import { normaliseEmail } from '../admin/roles.js';
import { InvalidInputError } from '../errors.js';
import { Action } from '../model/action.js';
import { Person } from '../model/person.js';
import type { ActionPatch, FieldChange, Update } from '../model/update.js';
import type { Repository } from '../ports.js';
import { diffPatch } from '../rules/apply-update.js';
import { formatIssues } from '../validation.js';
import { normaliseWords, type ImportProblem } from './cells.js';
import { leaverWarnings } from './leavers.js';
import { cameFromSheet, differInMonth, keepAbsent, mergeAction, mergePerson, sameValue } from './merge-seed.js';
import type { PlanField } from './match-headings.js';
import { keepNamesakes } from './keep-namesakes.js';
import { namesakesOf, namesHeld, warningsThatHold, type OutcomeWarning } from './outcome-warnings.js';
import { withoutLeadingZeros } from './read-fields.js';
import { mapLimited } from '../map-limited.js';

export interface ImportInput {
  people: Person[];
  actions: Action[];
  problems: ImportProblem[];
  /** The sheet's row of each action, by the action's id, for the problems found in merging it. */
  rowOfAction?: ReadonlyMap<string, number>;
  /** Fields the plan has no column for: a stored action keeps its own. */
  absent?: readonly PlanField[];
  /** Warnings that hold or not by what the import makes of each action (outcome-warnings.ts). */
  outcomeWarnings?: readonly OutcomeWarning[];
}

export interface ApplyOptions {
  /** Work out and report what would change, write nothing. */
  dryRun?: boolean;
  /** Write even though there are warnings (errors always stop the import). */
  acceptWarnings?: boolean;
  /** When the import happens: the time of the history entries and timescale revisions it records. */
  now: Date;
  /** Who imports, for the history: the admin's email address; "import" when run from the command line. */
  by?: string;
  /** Called once, just before the first write: an error after it may leave the import written in part. */
  onFirstWrite?: () => void;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A stored action the import would write over, and what each changed field would go from and to. */
export interface ChangedAction {
  id: string;
  ref: string;
  /** In the action's field order, as the action's history records them. */
  changes: FieldChange[];
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
  /** Everyone's name by id, the directory as the import leaves it: owners and SROs in the changes are ids. */
  names: Record<string, string>;
  /** Names two or more people have that each action naming them keeps one of, as stored: nobody need say who they are. */
  namesHeld: string[];
  problems: ImportProblem[];
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

/** A person in the directory file, the stored person they are (if any), and the two merged as they would be stored. */
export interface DirectoryMatch {
  imported: Person;
  stored: Person | undefined;
  merged: Person;
}

const keptEmail = (stored: Person, imported: Person) => (normaliseEmail(stored.email) === normaliseEmail(imported.email) ? imported.email : stored.email);

/**
 * Each person in the directory file with the stored person they are: the one with the same address,
 * whatever its case, else the one with the same id. The address comes first because one corrected on
 * the person page keeps the id derived from the old address (actions refer to it): by id alone, a file
 * with the corrected address would add them again. A row matched only by id has an address the stored
 * person no longer has (an older file): the stored address stays, so that the file does not undo the
 * correction.
 */
export function matchDirectory(stored: readonly Person[], imported: readonly Person[]): DirectoryMatch[] {
  const byEmail = new Map(stored.map((p) => [normaliseEmail(p.email), p]));
  const byId = new Map(stored.map((p) => [p.id, p]));
  const inFile = new Set(imported.map((p) => normaliseEmail(p.email)));
  return imported.map((person) => {
    // Someone whose own address is in the file is that row's: by id they would be another row's too
    // (one stored before ids told "jo_bloggs" from "jo-bloggs" has the id "jo-bloggs" now gives).
    const sameId = byId.get(person.id);
    const match = byEmail.get(normaliseEmail(person.email)) ?? (sameId && !inFile.has(normaliseEmail(sameId.email)) ? sameId : undefined);
    return { imported: person, stored: match, merged: match ? { ...mergePerson(match, person), id: match.id, email: keptEmail(match, person) } : person };
  });
}

/**
 * Where the file and the stored directory disagree about someone's address: an older address kept, and
 * a new person with a stored person's name, whom the plan could not tell apart by name.
 */
function directoryWarnings(matches: readonly DirectoryMatch[], stored: readonly Person[]): ImportProblem[] {
  const problem = (severity: ImportProblem['severity'], message: string): ImportProblem => ({ file: 'people', row: 0, severity, message });
  const warning = (message: string) => problem('warning', message);
  const byId = new Map(stored.map((p) => [p.id, p]));
  return matches.flatMap(({ imported, stored: match, merged }) => {
    if (match) {
      return merged.email === imported.email ? [] : [warning(`kept ${merged.email} as ${merged.name}’s address; the file has ${imported.email}. If that is their address now, use “Change email address” on their People page`)];
    }
    const holder = byId.get(merged.id);
    if (holder) {
      return [problem('error', `${imported.email} cannot be added: the tracker cannot tell this address apart from ${holder.name}’s (${holder.email}), and adding them would overwrite ${holder.name}. Leave them out of the file, and ask whoever supports the tracker to add them`)];
    }
    const namesake = stored.find((p) => normaliseWords(p.name) === normaliseWords(imported.name));
    if (!namesake) return [];
    return [
      warning(
        `${imported.email} would add a second ${imported.name}: the directory already has ${namesake.name} at ${namesake.email}. If this is their new address, use “Change email address” on their People page instead; if not, the plan cannot tell them apart by name`,
      ),
    ];
  });
}

const changedFields = (stored: Action, merged: Action): Array<keyof Action> =>
  (Object.keys(merged) as Array<keyof Action>).filter((field) => !sameValue(stored[field], merged[field]));

/**
 * A re-imported action's changes as a history entry, like any other change, so that the action's
 * history shows them and a past month's plan can be wound back through them. The sheet's Last Updated
 * travels in the patch: the import itself is not progress.
 */
function importUpdate(stored: Action, merged: Action, fields: Array<keyof Action>, options: ApplyOptions): Update {
  const patch = Object.fromEntries(fields.map((field) => [field, merged[field]])) as ActionPatch;
  return {
    actionId: stored.id,
    version: stored.version + 1,
    at: options.now.toISOString(),
    by: options.by ?? 'import',
    onBehalfOf: null,
    via: 'import',
    patch,
    changes: diffPatch(stored, patch),
    countsAsProgress: false,
  };
}

/**
 * Imports a directory and a plan into the repository: people first (so owners exist), then actions.
 * Writes nothing when there are errors, or warnings not accepted; everything is checked before the
 * first write. A new action is created at version 1; a stored one changes only when the import changes
 * it, through a history entry (at its version + 1), so re-importing the same file changes nothing.
 * Someone who has left is warned about wherever a row names them, and never handed back a stored
 * action they no longer hold (mergeAction).
 */
export async function applyImport(repository: Repository, input: ImportInput, options: ApplyOptions): Promise<ImportReport> {
  const storedList = await repository.listPeople();
  const storedPeople = new Map(storedList.map((p) => [p.id, p]));
  const storedActions = new Map((await repository.listActions()).map((a) => [a.id, a]));
  // Ids stored before refs' leading zeros were dropped ("afi-01") still match their row, and are kept.
  const storedByUnpaddedId = new Map([...storedActions.values()].map((a) => [withoutLeadingZeros(a.id), a]));
  const matches = matchDirectory(storedList, input.people);
  validateInput(input, new Set([...storedPeople.keys(), ...matches.map((m) => m.merged.id)]));

  const people = emptyCounts();
  const directory = new Map(storedPeople);
  const personWrites: Person[] = [];
  for (const { stored, merged } of matches) {
    directory.set(merged.id, merged);
    if (stored && sameValue(stored, merged)) people.unchanged++;
    else {
      people[stored ? 'updated' : 'created']++;
      personWrites.push(merged);
    }
  }
  const actions = emptyCounts();
  const problems = [...input.problems, ...directoryWarnings(matches, storedList)];
  const changedActions: ChangedAction[] = [];
  const creates: Action[] = [];
  const updates: Update[] = [];
  const matched: Array<{ imported: Action; stored: Action; merged: Action }> = [];
  const outcomeWarnings = input.outcomeWarnings ?? [];
  const mergeInto = async (stored: Action, imported: Action) => {
    const storedFromSheet = differInMonth(stored.lastUpdatedAt, imported.lastUpdatedAt) && cameFromSheet(await repository.listUpdates(stored.id));
    const settled = keepNamesakes({ ...imported, id: stored.id }, stored, namesakesOf(outcomeWarnings, imported.id));
    return keepAbsent(mergeAction(stored, settled, options.now, directory, storedFromSheet), stored, input.absent ?? []);
  };
  for (const imported of input.actions) {
    const stored = storedActions.get(imported.id) ?? storedByUnpaddedId.get(imported.id);
    problems.push(...leaverWarnings(stored, imported, directory, input.rowOfAction?.get(imported.id) ?? 0));
    if (!stored) {
      actions.created++;
      creates.push(imported);
      problems.push(...warningsThatHold(outcomeWarnings, imported.id, imported, true));
    } else matched.push({ imported, stored, merged: await mergeInto(stored, imported) });
  }
  // The list does not settle a history entry written ahead of its action (a save or an import that
  // stopped between the two): a read of each action about to change does, so that the change is built
  // on the action as it is, or found already made by that earlier import, not met as someone else's.
  await mapLimited(
    matched.filter((row) => !sameValue(row.stored, row.merged)),
    8,
    async (row) => {
      const settled = await repository.getAction(row.stored.id);
      if (settled && settled.version !== row.stored.version) Object.assign(row, { stored: settled, merged: await mergeInto(settled, row.imported) });
    },
  );
  for (const { imported, stored, merged } of matched) {
    problems.push(...warningsThatHold(outcomeWarnings, imported.id, merged, !sameValue(stored, merged)));
    if (sameValue(stored, merged)) actions.unchanged++;
    else {
      const update = importUpdate(stored, merged, changedFields(stored, merged), options);
      actions.updated++;
      changedActions.push({ id: stored.id, ref: merged.ref, changes: update.changes });
      updates.push(update);
    }
  }

  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const names = Object.fromEntries([...directory.values()].map((p) => [p.id, p.name]));
  const after = new Map([...creates.map((action) => [action.id, action] as const), ...matched.map(({ imported, merged }) => [imported.id, merged] as const)]);
  const report: ImportReport = { outcome: 'written', errors, warnings, people, actions, changedActions, names, namesHeld: namesHeld(outcomeWarnings, after), problems };
  if (errors > 0 || (warnings > 0 && !options.acceptWarnings)) return { ...report, outcome: 'blocked' };
  if (options.dryRun) return { ...report, outcome: 'dry-run' };
  if (personWrites.length + creates.length + updates.length > 0) options.onFirstWrite?.();
  for (const person of personWrites) await repository.putPerson(person);
  for (const action of creates) await repository.putAction(action, null);
  for (const update of updates) await repository.saveUpdate(update);
  return report;
}
