import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';

const run = promisify(execFile);
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    memory: true,
    ports: { app: 0, mail: 0, dynamo: 0 },
    schedules: false,
    log: () => undefined,
  });
});
afterAll(() => stack?.stop());

function cli(script: string, args: string[], ports = { PORT: new URL(stack.appUrl).port, DYNAMO_PORT: new URL(stack.dynamoEndpoint).port }) {
  return run('npx', ['tsx', `infra/local/cli/${script}.ts`, ...args], { env: { ...process.env, MAIL_PORT: '0', ...ports } }).catch(
    (error: { stdout: string; stderr: string; code: number }) => error,
  );
}

describe('the command-line jobs on the running local stack', () => {
  it('remind --dry-run lists the stale demo actions by owner, refs and ages only', async () => {
    const { stdout } = await cli('remind', ['--dry-run']);
    expect(stdout).toMatch(/^\d+ stale actions? for \d+ (people|person) \(not updated in 28 days\):/);
    const people = await stack.deps.repository.listPeople();
    const named = people.filter((p) => stdout.includes(`${p.name} <${p.email}>`));
    expect(named.length).toBeGreaterThan(1);
    const actions = await stack.deps.repository.listActions();
    for (const action of actions) expect(stdout).not.toContain(action.text.slice(0, 40));
  }, 60_000);

  it('remind without a mode says what to pass', async () => {
    const result = await cli('remind', []);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('--dry-run lists who would be reminded') });
  }, 60_000);

  it('says how to start the stack when nothing is running', async () => {
    const result = await cli('remind', ['--dry-run'], { PORT: '1', DYNAMO_PORT: '1' });
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('Start it first with "npm start"') });
  }, 60_000);

  it('import re-reads the demo plan and directory: nothing changes, nothing written', async () => {
    const { stdout } = await cli('import', ['infra/local/demo/action-plan.csv', '--people', 'infra/local/demo/people.csv']);
    expect(stdout).toMatch(/^Read \d+ actions/);
    expect(stdout).toMatch(/Written: people 0 new, 0 changed, \d+ unchanged; actions 0 new, 0 changed, \d+ unchanged/);
  }, 60_000);

  it('import of a file that is not there names it and what to check', async () => {
    const result = (await cli('import', ['no-such-plan.xlsx'])) as { code?: number; stderr: string };
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot read the plan file "no-such-plan.xlsx": there is no such file. Check the path, relative to');
  }, 60_000);

  it('import of a plan with warnings writes nothing and says how to go on', async () => {
    const before = await stack.deps.repository.listActions();
    const result = (await cli('import', ['test/fixtures/quirky-plan.csv'])) as { code?: number; stdout: string };
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Nothing was written');
    expect(result.stdout).toContain('--accept-warnings');
    expect(await stack.deps.repository.listActions()).toEqual(before);
  }, 60_000);
});
