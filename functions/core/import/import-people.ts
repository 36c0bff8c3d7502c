import { InvalidInputError } from '../errors.js';
import { Person, personIdFromEmail } from '../model/person.js';
import { formatIssues } from '../validation.js';
import { cellText, isEmptyRow, isExcelError, normaliseWords, type ImportProblem, type Row } from './cells.js';

type PeopleField = 'name' | 'role' | 'email' | 'aliases';

const peopleRules: ReadonlyArray<[PeopleField, RegExp]> = [
  ['email', /\be ?mail\b/],
  ['aliases', /\balias(es)?\b|\balso (known|written)\b|\bother names?\b/],
  ['role', /\brole\b|\btitle\b|\bjob\b|\bposition\b/],
  ['name', /\bname\b|\bperson\b/],
];

function mapPeopleColumns(row: Row): Partial<Record<PeopleField, number>> {
  const columns: Partial<Record<PeopleField, number>> = {};
  row.forEach((cell, index) => {
    const words = normaliseWords(cellText(cell));
    const field = peopleRules.find(([, pattern]) => pattern.test(words))?.[0];
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

/** How a message names each field; a person cannot be stored without a name or an email address. */
const fieldWords: Record<PeopleField, string> = { name: "person's name", role: 'role', email: 'email address', aliases: 'aliases' };
const requiredFields: readonly PeopleField[] = ['name', 'email'];

/** A formula that failed (a lookup into an HR export, say): the value it should have shown is unknown. */
function excelErrorProblem(field: PeopleField, shown: string): Pick<ImportProblem, 'severity' | 'message'> {
  const fix = `correct the formula (or type the ${fieldWords[field]} in) and import the file again`;
  return requiredFields.includes(field)
    ? { severity: 'error', message: `the cell shows the Excel error ${shown}: its formula failed; ${fix}` }
    : { severity: 'warning', message: `the cell shows the Excel error ${shown}: its formula failed, so it is read as empty; ${fix}` };
}

const blankMessages = {
  name: "the row has no name; fill in the person's name as the plan writes it",
  email: 'the row has no email address; fill it in (each person needs their own)',
};

/** Other names as the people file (and the console's forms) write them, separated by ";" or lines: tidied, each once. */
export const namesIn = (value: string): string[] => [...new Set(value.split(/[;\n]/).map((name) => name.replace(/\s+/g, ' ').trim()).filter((name) => name !== ''))];

export interface PeopleImport {
  people: Person[];
  problems: ImportProblem[];
}

/**
 * Reads a directory (name, role, email, aliases separated by ";"). Each person's id comes from their
 * email, so a bad or repeated email is an error: the row could not be found again on re-import.
 */
export function importPeople(rows: readonly Row[]): PeopleImport {
  const headerIndex = rows.slice(0, 10).findIndex((row) => {
    const columns = mapPeopleColumns(row);
    return columns.name !== undefined && columns.email !== undefined;
  });
  if (headerIndex < 0) {
    throw new InvalidInputError(['No header row with "name" and "email" columns was found; the people file needs the columns name, role, email, aliases'], 'The file is not a people directory that can be imported');
  }
  const columns = mapPeopleColumns(rows[headerIndex] ?? []);
  const people: Person[] = [];
  const problems: ImportProblem[] = [];
  const rowOfId = new Map<string, number>();
  const heading = (field: PeopleField) => cellText(rows[headerIndex]?.[columns[field]!] ?? null);
  const at = (row: Row, field: PeopleField) => (columns[field] === undefined ? '' : cellText(row[columns[field]] ?? null));

  rows.slice(headerIndex + 1).forEach((row, offset) => {
    if (isEmptyRow(row)) return;
    const rowNumber = headerIndex + offset + 2;
    const failed = (Object.keys(fieldWords) as PeopleField[]).filter((field) => isExcelError(at(row, field)));
    for (const field of failed) problems.push({ row: rowNumber, column: heading(field), ...excelErrorProblem(field, at(row, field)) });
    if (failed.some((field) => requiredFields.includes(field))) return;
    const value = (field: PeopleField) => (failed.includes(field) ? '' : at(row, field));
    const email = value('email').toLowerCase();
    // A list of aliases may hold one lookup that failed among names that are good.
    const aliases = namesIn(value('aliases'));
    for (const shown of new Set(aliases.filter(isExcelError))) {
      problems.push({ row: rowNumber, column: heading('aliases'), severity: 'warning', message: `one of the aliases shows the Excel error ${shown}: its formula failed, so it is left out; correct the formula (or type the aliases in) and import the file again` });
    }
    const candidate = {
      id: personIdFromEmail(email || 'missing'),
      name: value('name').replace(/\s+/g, ' '),
      role: value('role').replace(/\s+/g, ' ') || null,
      email,
      aliases: aliases.filter((alias) => !isExcelError(alias)),
      active: true,
      mailStatus: 'ok',
    };
    const blank = (['name', 'email'] as const).filter((field) => candidate[field] === '');
    for (const field of blank) problems.push({ row: rowNumber, column: heading(field), severity: 'error', message: blankMessages[field] });
    const parsed = Person.safeParse(candidate);
    if (!parsed.success) {
      for (const message of formatIssues(parsed.error)) {
        if (blank.some((field) => message.startsWith(`${field}:`))) continue;
        problems.push({ row: rowNumber, severity: 'error', message: `${message.replace(/^email: .*/, `"${email}" is not an email address`)}; correct the row` });
      }
      return;
    }
    const seen = rowOfId.get(parsed.data.id);
    if (seen !== undefined) {
      problems.push({ row: rowNumber, column: heading('email'), severity: 'error', message: `the address ${email} is also on row ${seen}; each person needs their own email address, so merge the rows (put other spellings of the name in aliases)` });
      return;
    }
    rowOfId.set(parsed.data.id, rowNumber);
    people.push(parsed.data);
  });
  return { people, problems };
}
