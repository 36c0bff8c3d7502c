import { readFile } from 'node:fs/promises';
import { importSpreadsheets } from '../../../functions/adapters/spreadsheet/import-spreadsheets.js';
import { formatImportReport } from '../../../functions/core/import/format-import-report.js';
import { connectLocalRepository } from '../connect.js';
import { readCommandLine } from './command-line.js';

const usage = 'Usage: npm run import -- PLAN.xlsx|PLAN.csv [--people PEOPLE.csv] [--dry-run] [--accept-warnings]';

/** A file named on the command line, or an error that says which file and what to check. */
async function readInput(path: string, what: string): Promise<Buffer> {
  return readFile(path).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'there is no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.code === 'EACCES' ? 'it cannot be read (permissions)' : error.message;
    throw new Error(`Cannot read the ${what} file "${path}": ${why}. Check the path, relative to ${process.cwd()}.`);
  });
}

/** `npm run import -- FILE`: imports a plan (and a directory) into the running local stack. */
async function main(): Promise<number> {
  const { values, positionals } = readCommandLine(
    { allowPositionals: true, options: { people: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'accept-warnings': { type: 'boolean' } } },
    usage,
  );
  if (positionals.length > 1 || (!positionals[0] && !values.people)) throw new Error(usage);
  const files = {
    ...(positionals[0] ? { plan: await readInput(positionals[0], 'plan') } : {}),
    ...(values.people ? { people: await readInput(values.people, 'people directory') } : {}),
  };
  const connection = await connectLocalRepository();
  try {
    const report = await importSpreadsheets(connection.repository, files, {
      now: new Date(),
      dryRun: values['dry-run'] ?? false,
      acceptWarnings: values['accept-warnings'] ?? false,
    });
    console.log(formatImportReport(report));
    if (report.outcome === 'blocked' && report.errors === 0) console.log('To import it anyway, run again with --accept-warnings.');
    return report.outcome === 'blocked' ? 1 : 0;
  } finally {
    connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
