import { Action } from '../model/action.js';
import { formatIssues } from '../validation.js';
import { cellText, isExcelError, maxCellLength, type Cell, type ImportProblem, type Row } from './cells.js';
import { columnOf, type ColumnMap, type PlanField } from './match-headings.js';
import type { Namesake } from './keep-namesakes.js';
import { describeAlike, matchNames, type MatchedNames, type PersonIndex } from './match-person.js';
import type { OutcomeWarning } from './outcome-warnings.js';
import { parseLastUpdated, parseTimescale } from './parse-timescale.js';
import { actionIdFromRef, contentOrNull, readAccepted, readConfidence, readKind, saysFinished } from './read-fields.js';

export interface RowContext {
  columns: ColumnMap;
  /** The spreadsheet's row number, for messages. */
  rowNumber: number;
  /** The area named by the Area column or by the last section row above. */
  area: string;
  people: PersonIndex;
  now: Date;
}

/** Which column each Action field comes from, so that a schema problem names the column. */
const fieldColumns: Partial<Record<keyof Action, PlanField>> = {
  area: 'area', ref: 'ref', evidence: 'evidence', text: 'text', accepted: 'accepted', sroId: 'sro',
  ownerIds: 'owners', plan: 'plan', timescale: 'timescale', confidence: 'confidence',
  confidenceNarrative: 'confidenceNarrative', latestProgress: 'progress', lastUpdatedAt: 'lastUpdated', kind: 'kind',
};

/**
 * One data row as an action, or the problems that stop it being one (and warnings either way). A
 * warning about a name two people have is apart, in `namesakeWarnings`: a stored action that has one of
 * them settles it (keepNamesakes).
 */
export type ReadRow = { action: Action; problems: ImportProblem[]; unmatchedSroNames: string[]; namesakeWarnings: OutcomeWarning[] } | { action: null; problems: ImportProblem[] };

export function readActionRow(row: Row, ctx: RowContext): ReadRow {
  const problems: ImportProblem[] = [];
  const where: Pick<ImportProblem, 'row' | 'ref'> = { row: ctx.rowNumber };
  const problemAt = (field: PlanField | undefined, severity: ImportProblem['severity'], message: string): ImportProblem => ({ ...where, ...columnOf(ctx.columns, field), severity, message });
  const report = (field: PlanField | undefined, severity: ImportProblem['severity'], message: string) => problems.push(problemAt(field, severity, message));
  const raw = (field: PlanField): Cell => {
    const column = ctx.columns[field];
    return column ? (row[column.index] ?? null) : null;
  };
  const text = (field: PlanField) => cellText(raw(field));
  const ref = text('ref').replace(/\s+/g, ' ');
  const id = isExcelError(ref) || ref.length > maxCellLength ? null : actionIdFromRef(ref);
  // Every problem of the row names its ref once there is one, so that it can be found in a sorted sheet.
  if (id) where.ref = ref;

  for (const field of Object.keys(ctx.columns) as PlanField[]) {
    if (text(field).length > maxCellLength) report(field, 'error', `the cell holds ${text(field).length} characters, more than Excel's limit of ${maxCellLength}; shorten it`);
    if (isExcelError(text(field))) report(field, 'error', `the cell shows the Excel error ${text(field)}: its formula failed; correct it (or type the value in) and save the sheet again`);
  }
  if (problems.length > 0) return { action: null, problems };

  if (!id) {
    report('ref', 'error', 'the row has no ref, so it cannot be told apart from the others on re-import; give it the ref HMICFRS used');
    return { action: null, problems };
  }

  if (!text('text')) {
    report('text', 'error', `the row has the ref "${ref}" but no text; fill in the recommendation, area for improvement or cause of concern, or delete the row`);
    return { action: null, problems };
  }

  const accepted = readAccepted(text('accepted'));
  if (accepted.problem) report('accepted', 'warning', accepted.problem);
  const confidence = readConfidence(text('confidence'));
  if (confidence.problem) report('confidence', 'warning', confidence.problem);
  const timescale = parseTimescale(raw('timescale'));
  // "Complete" is no month to write in: what matters is that the action stays open, which outcomeWarnings says.
  if (timescale.problem && !saysFinished(text('timescale'))) report('timescale', 'warning', timescale.problem);
  const lastUpdated = parseLastUpdated(raw('lastUpdated'), ctx.now);
  if (lastUpdated.problem) report('lastUpdated', 'warning', lastUpdated.problem);

  const sro = matchNames(text('sro'), ctx.people);
  const owners = matchNames(text('owners'), ctx.people);
  // A name two people share is no missing person: the fix is a fuller name or an alias, not a new entry.
  const unmatched = (name: string) => {
    const alike = ctx.people.alike(name);
    return alike.length > 0
      ? `"${name}" could be any of ${describeAlike(alike)}; choose who it is on the console's import preview, write the name in full, or add this spelling as an alias of the right one in the people file`
      : `"${name}" matches nobody in the directory; add them (or this spelling as an alias) to the people file`;
  };
  const namesakeWarnings: OutcomeWarning[] = [];
  const warnUnmatched = (field: Namesake['field'], matched: MatchedNames, accepting: string) => {
    for (const name of matched.unmatched) {
      const problem = problemAt(field, 'warning', `${unmatched(name)}, or accept to ${accepting}`);
      const shared = matched.shared.find((s) => s.name === name);
      if (shared) namesakeWarnings.push({ actionId: id, when: 'unheld', problem, namesake: { ...shared, field } });
      else problems.push(problem);
    }
  };
  warnUnmatched('sro', sro, 'import the action without this SRO');
  warnUnmatched('owners', owners, 'keep the name for an admin to resolve');
  if (sro.ids.length > 1) report('sro', 'warning', `the cell names ${sro.ids.length} people; the first is taken as the SRO`);

  const candidate = {
    id,
    kind: readKind({ kindCell: text('kind'), ref, text: text('text'), heading: ctx.columns.text?.heading ?? '' }),
    area: ctx.area,
    ref,
    evidence: contentOrNull(text('evidence')),
    text: text('text'),
    accepted: accepted.value,
    sroId: sro.ids[0] ?? null,
    ownerIds: owners.ids,
    // Names the owners cell did not match stand in for owners until resolved; an unmatched SRO is not an owner.
    unmatchedNames: [...new Set(owners.unmatched)],
    plan: contentOrNull(text('plan')),
    timescale: { text: timescale.text, target: timescale.target, originalTarget: timescale.target, revisions: [] },
    confidence: confidence.value,
    confidenceNarrative: contentOrNull(text('confidenceNarrative')),
    latestProgress: contentOrNull(text('progress')),
    lastUpdatedAt: lastUpdated.at,
    status: accepted.value.value === false ? 'not-accepted' : 'open',
    version: 1,
    createdAt: ctx.now.toISOString(),
  };
  const parsed = Action.safeParse(candidate);
  if (parsed.success) return { action: parsed.data, problems, unmatchedSroNames: sro.unmatched, namesakeWarnings };
  const messages = formatIssues(parsed.error);
  parsed.error.issues.forEach((issue, i) => report(fieldColumns[issue.path[0] as keyof Action], 'error', `${messages[i]}; correct the cell`));
  return { action: null, problems };
}
