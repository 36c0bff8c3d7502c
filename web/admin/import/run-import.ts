import { matchDirectory } from '../../../functions/core/import/apply-import.js';
import { createHash } from 'node:crypto';
import { importSpreadsheets, type SpreadsheetImportReport } from '../../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { readSpreadsheet } from '../../../functions/adapters/spreadsheet/read-spreadsheet.js';
import type { ImportDraft } from '../../../functions/core/admin/import-drafts.js';
import { importPeople } from '../../../functions/core/import/import-people.js';
import type { Person } from '../../../functions/core/model/person.js';
import type { Repository } from '../../../functions/core/ports.js';
import { addPersonAlias, type AddAliasDeps } from '../../../functions/core/admin/add-person-alias.js';

export interface UploadedFiles {
  plan: Uint8Array;
  people: Uint8Array | null;
}

export interface ImportPreview {
  report: SpreadsheetImportReport;
  /**
   * What the admin is shown, as a hash: the confirm imports only when a fresh dry run gives the same,
   * so an alias saved or an action edited in the meantime is previewed again before it is imported.
   */
  digest: string;
  /** Everyone an unmatched name can be resolved to: the stored directory and the uploaded one. */
  choices: Person[];
  /**
   * The names to ask who they are: each the plan's rows matched to nobody, but for a name two people
   * have that every stored action naming it already has one of (kept: see keepNamesakes).
   */
  unmatchedNames: string[];
}

const filesOf = (draft: ImportDraft): UploadedFiles => ({ plan: draft.plan.bytes, people: draft.people?.bytes ?? null });

/** Throws InvalidInputError when the uploaded directory cannot be read, so that the message names that file. */
export async function checkPeopleFile(bytes: Uint8Array): Promise<void> {
  await readPeopleFile(bytes);
}

/** The people in an uploaded directory; throws InvalidInputError when it is not one. */
async function readPeopleFile(bytes: Uint8Array): Promise<Person[]> {
  return importPeople((await readSpreadsheet(bytes)).rows).people;
}

/** A dry run of the whole import: what would be created and updated, and every problem. Writes nothing. */
export async function previewImport(repository: Repository, files: UploadedFiles | ImportDraft, now: Date): Promise<ImportPreview> {
  const { plan, people } = 'id' in files ? filesOf(files) : files;
  const matches = 'id' in files ? files.matches : [];
  const report = await importSpreadsheets(repository, { plan, ...(people ? { people } : {}) }, { now, dryRun: true, acceptWarnings: true, matches });
  const byId = new Map((await repository.listPeople()).map((p) => [p.id, p]));
  for (const { merged } of matchDirectory([...byId.values()], people ? await readPeopleFile(people) : [])) byId.set(merged.id, merged);
  const choices = [...byId.values()].filter((p) => p.active).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const unmatchedNames = (report.plan?.unmatchedNames ?? []).filter((name) => !report.namesHeld.includes(name));
  return { report, digest: reportDigest(report, unmatchedNames, now), choices, unmatchedNames };
}

export type ConfirmResult =
  | { kind: 'imported'; report: SpreadsheetImportReport }
  | { kind: 'changed'; preview: ImportPreview }
  | { kind: 'has-errors'; preview: ImportPreview };

/**
 * Imports the draft as `options.by`, all of it, warnings accepted, but only when a fresh dry run
 * matches the preview the admin confirmed (`digest`) and has no errors. Everything is checked before
 * the first write. The names matched on the preview are used as the preview used them, then saved,
 * each audited: after the import, which has stored by then anyone new from the people file.
 */
export async function confirmImport(deps: AddAliasDeps, draft: ImportDraft, digest: string, options: { now: Date; by: string; onFirstWrite?: () => void }): Promise<ConfirmResult> {
  const { repository } = deps;
  const preview = await previewImport(repository, draft, options.now);
  if (preview.report.errors > 0) return { kind: 'has-errors', preview };
  if (preview.digest !== digest) return { kind: 'changed', preview };
  const { plan, people } = filesOf(draft);
  const report = await importSpreadsheets(repository, { plan, ...(people ? { people } : {}) }, { ...options, acceptWarnings: true, matches: draft.matches });
  for (const { name, personId } of draft.matches) {
    const person = await repository.getPerson(personId);
    if (person) await addPersonAlias(deps, { person, name, by: options.by, now: options.now });
  }
  return { kind: 'imported', report };
}

/**
 * The dry run's own time is in what it reports (a moved target's revision, a Last Updated of this month
 * capped at now), always as `now` itself: it is taken out, or a confirm a second later would never match.
 */
function reportDigest(report: SpreadsheetImportReport, unmatched: string[], now: Date): string {
  const shown = { people: report.people, actions: report.actions, changes: report.changedActions, problems: report.problems, unmatched };
  return createHash('sha256').update(JSON.stringify(shown).replaceAll(now.toISOString(), 'now')).digest('base64url');
}
