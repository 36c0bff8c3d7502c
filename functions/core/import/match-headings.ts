import { InvalidInputError } from '../errors.js';
import { listWords } from '../words.js';
import { cellText, normaliseWords, type Row } from './cells.js';

export const planFields = [
  'area', 'ref', 'evidence', 'text', 'kind', 'accepted', 'sro', 'owners', 'plan',
  'timescale', 'confidence', 'confidenceNarrative', 'progress', 'lastUpdated', 'status',
] as const;
export type PlanField = (typeof planFields)[number];

/** Which column holds which field, and the heading as the file wrote it (for messages). */
export type ColumnMap = Partial<Record<PlanField, { index: number; heading: string }>>;

/** A problem's column, by the heading the file gives the field: nothing for a field it has no column for. */
export const columnOf = (columns: ColumnMap, field: PlanField | undefined): { column?: string } => {
  const column = field && columns[field];
  return column ? { column: column.heading } : {};
};

export interface HeaderMatch {
  /** Index into the rows (0-based); the spreadsheet row number is one more. */
  headerIndex: number;
  columns: ColumnMap;
}

/** The header as importPlan reads it: over one row or two, and the index of the first row below it. */
export interface PlanHeading extends HeaderMatch {
  firstDataIndex: number;
}

/** Without these a row cannot become an action. */
export const requiredFields: readonly PlanField[] = ['ref', 'text'];

/** Each field as a message names it. */
export const planFieldWords: Record<PlanField, string> = {
  area: 'the area', ref: 'the ref', evidence: 'the evidence', text: 'the recommendation', kind: 'the kind of action',
  accepted: 'whether it is accepted', sro: 'the SRO', owners: 'the owners', plan: 'the plan', timescale: 'the timescale',
  confidence: 'the confidence rating', confidenceNarrative: 'the confidence narrative', progress: 'the progress update', lastUpdated: 'when it was last updated',
  status: 'the status',
};
const requiredNames = '"Ref Number" and "Area for Improvement/Cause of Concern/Recommendation"';
/** Title rows and notes sit above the header in real plans; the header is never far down. */
const rowsToSearch = 20;

const has = (words: string, ...terms: string[]) => terms.some((term) => ` ${words} `.includes(` ${term} `));

/**
 * Checked in order, so that the more specific reading wins: "Narrative explaining the confidence
 * rating" before "Confidence", "Plan Owner" before "What? (plan)", "Area for Improvement" before "Area".
 */
const rules: ReadonlyArray<[PlanField, (w: string) => boolean]> = [
  ['confidenceNarrative', (w) => has(w, 'narrative') || (has(w, 'confidence') && has(w, 'explain', 'explaining', 'rationale', 'reason', 'comment', 'comments'))],
  ['confidence', (w) => has(w, 'confidence')],
  ['lastUpdated', (w) => has(w, 'last updated', 'last update', 'date updated', 'updated', 'update date', 'date of update')],
  ['progress', (w) => has(w, 'progress', 'update', 'updates', 'latest position')],
  ['accepted', (w) => has(w, 'accepted', 'accept', 'agreed')],
  ['sro', (w) => has(w, 'sro', 'co lead', 'senior responsible', 'chief officer')],
  ['owners', (w) => has(w, 'owner', 'owners', 'lead', 'responsible officer', 'action owner')],
  ['timescale', (w) => has(w, 'timescale', 'timescales', 'target date', 'deadline', 'due date', 'target')],
  ['text', (w) => has(w, 'area for improvement', 'areas for improvement', 'afi', 'recommendation', 'recommendations', 'cause of concern', 'causes of concern')],
  ['kind', (w) => w === 'kind' || w === 'type' || has(w, 'kind of', 'type of')],
  ['plan', (w) => has(w, 'what', 'plan', 'action plan', 'planned action', 'proposed action', 'actions')],
  ['evidence', (w) => has(w, 'evidence', 'finding', 'findings')],
  ['ref', (w) => has(w, 'ref', 'reference', 'ref no', 'number', 'no', 'id')],
  ['area', (w) => has(w, 'area', 'pillar', 'section', 'theme', 'strand')],
  // Read only to warn that a finished action is imported as open (outcome-warnings.ts). Not "Status
  // update", which is progress.
  ['status', (w) => /\bstatus\b/.test(w)],
];

/**
 * The columns the export and the board pack add, which the tracker works out ("No update for 28+ days",
 * "Overdue"): never read back, and not reported as not read, so that the export imports without a word.
 */
const workedOut = (words: string) => /^(no update for \d+ days|stale|overdue)$/.test(words);

/** The field a heading names, or null when it names none of them. */
export function matchHeading(heading: string): PlanField | null {
  const words = normaliseWords(heading);
  if (!words || workedOut(words)) return null;
  return rules.find(([, test]) => test(words))?.[0] ?? null;
}

/** The headings of the force's own layout, which the console's export writes (plan-columns.ts), so that it reads back. */
export const usualHeadings = {
  area: 'Area', evidence: 'HMIC Evidence', accepted: 'Accepted for action by the force? Yes/No', sro: 'SRO/CO lead', owners: 'Plan Owner',
  plan: 'What?', timescale: 'Timescale? set', confidence: 'Confidence in timescale', confidenceNarrative: 'Narrative explaining the confidence rating',
  progress: 'Progress Update', lastUpdated: 'Last Updated',
} as const satisfies Partial<Record<PlanField, string>>;
const isUsualHeading = (field: PlanField, heading: string) => {
  const usual: string | undefined = (usualHeadings as Partial<Record<PlanField, string>>)[field];
  return usual !== undefined && normaliseWords(usual) === normaliseWords(heading);
};

/**
 * Maps one row's cells to fields. Where two headings name one field ("HMIC Evidence" and "Evidence of
 * completion"), the usual heading keeps it, else the first: a mistyped "Plan Ownr", which reads as the
 * plan, never takes the plan from "What?".
 */
export function mapColumns(row: Row): ColumnMap {
  const columns: ColumnMap = {};
  row.forEach((cell, index) => {
    const heading = cellText(cell);
    const field = typeof cell === 'string' ? matchHeading(heading) : null;
    if (field && (!columns[field] || (isUsualHeading(field, heading) && !isUsualHeading(field, columns[field].heading)))) {
      columns[field] = { index, heading: heading.replace(/\s+/g, ' ') };
    }
  });
  return columns;
}

/** Headings of a row that name a field another column is read for, with that field: they are not read. */
export function unreadHeadings(row: Row, columns: ColumnMap): Array<{ heading: string; field: PlanField }> {
  const read = new Set(Object.values(columns).map((column) => column.index));
  return row.flatMap((cell, index) => {
    const field = typeof cell === 'string' && !read.has(index) ? matchHeading(cell) : null;
    return field ? [{ heading: cellText(cell).replace(/\s+/g, ' '), field }] : [];
  });
}

/** Headings that name nothing the importer reads ("RAG", "Notes"), as written: their columns are not read. */
export function unknownHeadings(row: Row, columns: ColumnMap): string[] {
  const read = new Set(Object.values(columns).map((column) => column.index));
  return row.flatMap((cell, index) => {
    const heading = cellText(cell).replace(/\s+/g, ' ');
    return heading === '' || read.has(index) || matchHeading(heading) !== null || workedOut(normaliseWords(heading)) ? [] : [heading];
  });
}

/**
 * Excel users often write the heading over two rows: headings merged down over both (the lower half
 * repeats them in a workbook, and is blank in the sheet saved as CSV), with sub-headings under a heading
 * merged across ("Rating" and "Narrative explaining the confidence rating" under "Confidence"). The row
 * under the header is such a second row only when it holds no ref or text of its own, so that no action
 * is ever lost, and reads as headings: a cell repeats the heading above it, or, with more than one cell
 * filled (a lone cell is a section title, "Recommendations"), a cell names a different field from the
 * heading above it. Returns the columns as the two rows name them, a sub-heading being the more
 * specific ("SRO" under "Lead officers"); null when the row is not a heading row. The header keeps the
 * ref and text columns it named.
 */
export function readSecondHeadingRow(header: Row, below: Row, columns: ColumnMap): ColumnMap | null {
  const words = (row: Row, index: number) => normaliseWords(cellText(row[index] ?? null));
  const filled = below.flatMap((cell, index) => (cellText(cell) === '' ? [] : [index]));
  const repeats = (index: number) => words(header, index) !== '' && words(below, index) === words(header, index);
  const subHeading = (index: number) => {
    const field = matchHeading(cellText(below[index] ?? null));
    return field !== null && !requiredFields.includes(field) && field !== matchHeading(cellText(header[index] ?? null));
  };
  const holdsOwn = (field: PlanField) => filled.some((index) => index === columns[field]?.index && !repeats(index));
  if (requiredFields.some(holdsOwn)) return null;
  if (!filled.some(repeats) && !(filled.length > 1 && filled.some(subHeading))) return null;
  return mapColumns(Array.from({ length: Math.max(header.length, below.length) }, (_, index) => (subHeading(index) ? below[index] : header[index]) ?? null));
}

/** The first row among the first few that names the required columns and at least one more. */
function findHeaderRow(rows: readonly Row[]): HeaderMatch | null {
  for (let i = 0; i < Math.min(rows.length, rowsToSearch); i++) {
    const columns = mapColumns(rows[i] ?? []);
    const found = Object.keys(columns).length;
    if (requiredFields.every((field) => columns[field]) && found >= 3) return { headerIndex: i, columns };
  }
  return null;
}

/** The header and any second heading row under it (readSecondHeadingRow); null when there is no header. */
export function findPlanHeading(rows: readonly Row[]): PlanHeading | null {
  const header = findHeaderRow(rows);
  if (!header) return null;
  const subHeadings = readSecondHeadingRow(rows[header.headerIndex] ?? [], rows[header.headerIndex + 1] ?? [], header.columns);
  return { headerIndex: header.headerIndex, columns: subHeadings ?? header.columns, firstDataIndex: header.headerIndex + (subHeadings ? 2 : 1) };
}

/** As findPlanHeading, but a plan without a header is an error that says what the header needs. */
export function matchHeadings(rows: readonly Row[]): PlanHeading {
  const match = findPlanHeading(rows);
  if (match) return match;
  throw new InvalidInputError(
    [
      `No header row was found in the first ${rowsToSearch} rows. The plan needs a header row with at least ${requiredNames} columns, ` +
        `and usually ${listWords(Object.values(usualHeadings).map((heading) => `"${heading}"`))}. ` +
        'Check that the first sheet is the action plan and that the ref and recommendation headings are on the same row (a heading over two rows is read when its top row names them both).',
    ],
    'The file is not an action plan that can be imported',
  );
}
