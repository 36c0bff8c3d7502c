import type { NameMatch } from '../../core/admin/import-drafts.js';
import type { ImportProblem } from '../../core/import/cells.js';
import { applyImport, matchDirectory, type ApplyOptions, type ImportReport } from '../../core/import/apply-import.js';
import { choosePlanSheet } from '../../core/import/choose-plan-sheet.js';
import { importPeople } from '../../core/import/import-people.js';
import { importPlan, type PlanSummary } from '../../core/import/import-plan.js';
import type { Person } from '../../core/model/person.js';
import type { Repository } from '../../core/ports.js';
import { readSheets, readSpreadsheet } from './read-spreadsheet.js';

export interface SpreadsheetFiles {
  /** The action plan, .xlsx or .csv bytes. */
  plan?: Uint8Array;
  /** The directory (name, role, email, aliases), .xlsx or .csv bytes. */
  people?: Uint8Array;
}

export interface SpreadsheetImportReport extends ImportReport {
  /** What was read from the plan; null when no plan was given. */
  plan: PlanSummary | null;
  /** The workbook's sheet the plan was read from; null for a CSV, or when no plan was given. */
  sheet: string | null;
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
  const sheet = files.plan ? choosePlanSheet(await readSheets(files.plan)) : null;
  const plan = sheet ? importPlan(sheet.rows, [...known.values()], options.now, options.matches) : null;
  const report = await applyImport(
    repository,
    {
      people: directory.people,
      actions: plan?.actions ?? [],
      problems: [...tag('people', directory.problems), ...tag('plan', [...(sheet?.problems ?? []), ...(plan?.problems ?? [])])],
      ...(plan
        ? { rowOfAction: plan.rowOfAction, absent: plan.summary.absent, outcomeWarnings: plan.outcomeWarnings.map((w) => ({ ...w, problem: { ...w.problem, file: 'plan' } })) }
        : {}),
    },
    options,
  );
  return { ...report, plan: plan?.summary ?? null, sheet: sheet?.name ?? null };
}
