import type { NameMatch } from '../../core/admin/import-drafts.js';
import type { ImportProblem } from '../../core/import/cells.js';
import { applyImport, matchDirectory, type ApplyOptions, type ImportReport } from '../../core/import/apply-import.js';
import { importPeople } from '../../core/import/import-people.js';
import { importPlan, type PlanSummary } from '../../core/import/import-plan.js';
import type { Person } from '../../core/model/person.js';
import type { Repository } from '../../core/ports.js';
import { hasPlanHeader, readSpreadsheet } from './read-spreadsheet.js';

export interface SpreadsheetFiles {
  /** The action plan, .xlsx or .csv bytes. */
  plan?: Uint8Array;
  /** The directory (name, role, email, aliases), .xlsx or .csv bytes. */
  people?: Uint8Array;
}

export interface SpreadsheetImportReport extends ImportReport {
  /** What was read from the plan; null when no plan was given. */
  plan: PlanSummary | null;
}

const tag = (file: string, problems: ImportProblem[]) => problems.map((p) => ({ ...p, file }));

/**
 * Reads a directory and a plan and imports them: owners are matched against the directory in the
 * file together with the people already stored. Throws InvalidInputError for a file that cannot be
 * read at all (too big, not a spreadsheet, no header), before anything is written.
 */
export async function importSpreadsheets(
  repository: Repository,
  files: SpreadsheetFiles,
  options: ApplyOptions & { matches?: readonly NameMatch[] },
): Promise<SpreadsheetImportReport> {
  const directory = files.people ? importPeople((await readSpreadsheet(files.people)).rows) : { people: [], problems: [] };
  const known = new Map<string, Person>((await repository.listPeople()).map((p) => [p.id, p]));
  // As they will be stored: matched by address or id, with the aliases already kept (matchDirectory).
  for (const { merged } of matchDirectory([...known.values()], directory.people)) known.set(merged.id, merged);
  // Names matched on the console's preview, as aliases (so that they match as loosely as stored ones)
  // and settled (so that they match even where someone else has them too); saved only when the import
  // is confirmed (see confirmImport).
  for (const { name, personId } of options.matches ?? []) {
    const person = known.get(personId);
    if (person) known.set(personId, { ...person, aliases: [...person.aliases, name] });
  }
  const plan = files.plan ? importPlan((await readSpreadsheet(files.plan, { prefer: hasPlanHeader })).rows, [...known.values()], options.now, options.matches) : null;
  const report = await applyImport(
    repository,
    {
      people: directory.people,
      actions: plan?.actions ?? [],
      problems: [...tag('people', directory.problems), ...tag('plan', plan?.problems ?? [])],
      ...(plan ? { rowOfAction: plan.rowOfAction, absent: plan.summary.absent } : {}),
    },
    options,
  );
  return { ...report, plan: plan?.summary ?? null };
}
