import { describe, expect, it } from 'vitest';
import { readCommandLine } from '../../infra/local/cli/command-line.js';

const usage = 'Usage: npm run import -- PLAN.csv [--people PEOPLE.csv] [--dry-run]';
const options = { people: { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;
const read = (args: string[]) => readCommandLine({ args, allowPositionals: true, options }, usage);

describe('reading a command line', () => {
  it('gives the options and files typed', () => {
    expect(read(['plan.csv', '--people', 'people.csv', '--dry-run'])).toEqual({ values: { people: 'people.csv', 'dry-run': true }, positionals: ['plan.csv'] });
  });

  it.each(['--dryrun', '--Dry-Run', '--dry_run', '--dry'])('says which option %s was meant for, with the usage', (typed) => {
    expect(() => read(['plan.csv', typed])).toThrow(`There is no option ${typed}: did you mean --dry-run?\n${usage}`);
  });

  it('says an option is unknown when it is like none of them', () => {
    expect(() => read(['plan.csv', '--force'])).toThrow(`There is no option --force.\n${usage}`);
    expect(() => read(['plan.csv', '--pe'])).toThrow(`There is no option --pe.\n${usage}`);
  });

  it('says an option needs its value', () => {
    expect(() => read(['plan.csv', '--people'])).toThrow(`--people needs a value after it.\n${usage}`);
  });
});
