import { readFileSync } from 'node:fs';
import type { Cell } from '../../functions/core/import/cells.js';
import { readCsv } from '../../functions/adapters/spreadsheet/read-csv.js';

const read = (path: string) => new Uint8Array(readFileSync(new URL(path, import.meta.url)));

/** The demo force's plan and directory double as the project's own sample files. */
export const demoPlanCsv = read('../../infra/local/demo/action-plan.csv');
export const demoPeopleCsv = read('../../infra/local/demo/people.csv');
/** The demo's quirks plus a title row, section rows, odd headings, an unmatched owner, a serial date. */
export const quirkyPlanCsv = read('../fixtures/quirky-plan.csv');

export const csvRows = (bytes: Uint8Array): Cell[][] => readCsv(new TextDecoder().decode(bytes));

/** "Late 2026": the demo has stale and overdue items relative to this. */
export const now = new Date('2026-11-16T09:00:00.000Z');

export const personId = (local: string) => `${local}.at.northshire.police.example`;
