import { readSpreadsheet } from '../../../functions/adapters/spreadsheet/read-spreadsheet.js';
import { importPeople } from '../../../functions/core/import/import-people.js';
import type { Person } from '../../../functions/core/model/person.js';

/** Loaded with a dynamic import only (run-import.ts): this module graph holds exceljs. */
export { importSpreadsheets } from '../../../functions/adapters/spreadsheet/import-spreadsheets.js';

/** The people in an uploaded directory; throws InvalidInputError when it is not one. */
export async function readPeopleFile(bytes: Uint8Array): Promise<Person[]> {
  return importPeople((await readSpreadsheet(bytes)).rows).people;
}
