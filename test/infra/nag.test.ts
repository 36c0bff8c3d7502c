import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forcesDir } from '../../infra/forces/load-force-config.js';
import { nagFindings, synthForce } from './synth-force.js';

const forceIds = (await readdir(forcesDir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

describe('cdk-nag (AwsSolutions and Serverless packs)', () => {
  it.each(forceIds)('finds nothing unacknowledged in the %s stack', async (id) => {
    const { stacks } = await synthForce(id);
    expect(nagFindings(stacks[0]!)).toEqual([]);
  });

  it('synthesises every force with -c force=all, the packs running as validation plugins', async () => {
    const { app, stacks } = await synthForce('all');
    expect(stacks.map((s) => s.stackName).sort()).toEqual(forceIds.map((id) => `ActionPlanTracker-${id}`).sort());
    // Synth fails on an unacknowledged error; the report must also hold no warnings.
    const assembly = app.synth();
    const report = JSON.parse(await readFile(join(assembly.directory, 'validation-report.json'), 'utf8')) as { pluginReports: unknown[] };
    expect(report.pluginReports).toEqual([]);
  });
});

describe('a bad force config fails synth naming the field', () => {
  async function synthWith(change: (config: Record<string, any>) => void): Promise<unknown> {
    const demo = JSON.parse(await readFile(join(forcesDir, 'demo.json'), 'utf8')) as Record<string, any>;
    const dir = await mkdtemp(join(tmpdir(), 'forces-'));
    change(demo);
    await writeFile(join(dir, 'demo.json'), JSON.stringify(demo));
    return synthForce('demo', { dir });
  }

  it.each([
    ['deploy.account', (c: Record<string, any>) => (c.deploy.account = '1234'), /demo\.json is not valid:\n - deploy\.account: must be the 12-digit AWS account id/],
    ['deploy missing', (c: Record<string, any>) => delete c.deploy, /demo\.json is not valid:\n - deploy: is needed to deploy/],
    ['deploy.senderDomain', (c: Record<string, any>) => (c.deploy.senderDomain = 'other.example'), / - deploy\.senderDomain: must be the domain of sender/],
    ['staleAfterDays', (c: Record<string, any>) => (c.staleAfterDays = 0), / - staleAfterDays: must be from 1 to 365 days/],
    ['a schedule Scheduler cannot run', (c: Record<string, any>) => (c.schedules.boardSummary = '30 7 1-7 * 1'), / - schedules\.boardSummary: restricts both the day of month and the day of week/],
    [
      'a board-summary schedule that would skip months',
      (c: Record<string, any>) => (c.schedules.boardSummary = '0 8 1 * *'),
      / - schedules\.boardSummary: must run on every day from the 1st to the 7th of every month, .* Write "0 8 1-7 \* \*"/,
    ],
    [
      'more addresses than Lambda can pass on',
      (c: Record<string, any>) => (c.board = Array.from({ length: 100 }, (_, i) => `board.member.${i}@demo.police.example`)),
      /demo\.json is too large to deploy: .* it would take \d+ bytes of the 3584 it can have\. Shorten the admins and board lists \(10\d addresses\)/,
    ],
  ])('%s', async (_, change, message) => {
    await expect(synthWith(change)).rejects.toThrow(message);
  });

  it('says how to name the force when -c force is missing', async () => {
    await expect(synthForce(undefined as unknown as string)).rejects.toThrow(/add -c force=<id>/);
  });
});
