import { maxFileBytes } from '../../../functions/adapters/spreadsheet/spreadsheet-errors.js';
import type { UploadedFiles } from './run-import.js';

export type UploadField = 'plan' | 'people';
export interface UploadError {
  field: UploadField;
  message: string;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Sentences from the importer start in lower case (they follow a colon in the CLI): a page starts them capitalised. */
export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A browser sends an empty, nameless file for a file input left empty. */
const chosen = (value: unknown): value is File => value instanceof File && (value.size > 0 || value.name !== '');

async function readFile(value: unknown, field: UploadField, errors: UploadError[]): Promise<UploadedFile | null> {
  if (!chosen(value)) return null;
  const which = field === 'plan' ? 'The action plan' : 'The people file';
  if (value.size === 0) errors.push({ field, message: `${which} is empty: save it from Excel as .xlsx or .csv and choose it again` });
  else if (value.size > maxFileBytes) {
    errors.push({ field, message: `${which} is ${megabytes(value.size)} MB, over the limit of ${maxFileBytes / 1024 / 1024} MB: an action plan is far smaller, so check it is the right file (or delete unused sheets and save it again)` });
  } else return { name: value.name.slice(0, 200) || `${field}.csv`, bytes: new Uint8Array(await value.arrayBuffer()) };
  return null;
}

/** The plan (required) and the directory (optional) from a multipart form, with what to do when they are missing or too big. */
export async function readUpload(body: Record<string, unknown>): Promise<{ ok: true; plan: UploadedFile; people: UploadedFile | null } | { ok: false; errors: UploadError[] }> {
  const errors: UploadError[] = [];
  const plan = await readFile(body.plan, 'plan', errors);
  const people = await readFile(body.people, 'people', errors);
  if (!plan && !errors.some((e) => e.field === 'plan')) errors.unshift({ field: 'plan', message: 'Choose the action plan file: the spreadsheet saved from Excel as .xlsx or .csv' });
  if (errors.length > 0 || !plan) return { ok: false, errors };
  return { ok: true, plan, people };
}

export const filesOf = (upload: { plan: UploadedFile; people: UploadedFile | null }): UploadedFiles => ({ plan: upload.plan.bytes, people: upload.people?.bytes ?? null });
