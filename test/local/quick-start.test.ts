import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signInOverHttp } from '../admin/support/sign-in-over-http.js';
import { spawnLocalRunner as start, stopLocalRunner, type SpawnedRunner } from '../support/spawn-local-runner.js';

/** npm ends itself by the signal it passed on, so "clean" means the runner said it stopped and nothing answers. */
async function stop(runner: SpawnedRunner): Promise<void> {
  await stopLocalRunner(runner);
  expect(runner.output()).toContain('Stopped.');
  expect(runner.output()).not.toMatch(/Error|Could not/);
  await expect(fetch(`${runner.appUrl}/healthz`)).rejects.toThrow();
}

/** Signs in to the console as the admin the runner names, as a newcomer would, and reads the dashboard's count. */
async function countActions(runner: SpawnedRunner): Promise<number> {
  const admin = /admin console: \S+, as (\S+)\)/.exec(runner.output())?.[1];
  expect(admin, 'the runner says who can sign in').toBeDefined();
  const cookie = await signInOverHttp(runner.appUrl, runner.mailUrl, admin!);
  const dashboard = await (await fetch(`${runner.appUrl}/admin`, { headers: { Cookie: cookie } })).text();
  return Number(/(\d+) actions in the plan\./.exec(dashboard)?.[1]);
}

describe('the quick start', () => {
  it('starts on free ports, answers /healthz and the mail viewer, and stops cleanly on Ctrl-C', async () => {
    const started = await start(['--memory']);
    try {
      expect(started.output()).toMatch(/Schedules \(Europe\/London\):\n\s+reminders\s+0 9 \* \* 1-5\s+next run \w{3}, \d+ \w{3} \d{4}/);
      const health = await fetch(`${started.appUrl}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.text()).toBe('ok');
      expect((await fetch(`${started.mailUrl}/health-check`)).status).toBe(200);
    } finally {
      await stop(started);
    }
  }, 90_000);

  it('keeps the data for the next start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'apt-data-'));
    const first = await start([], { DATA_DIR: dataDir });
    expect(first.output()).toMatch(/Data:\s+.*apt-data-.*dynamodb/);
    expect(first.output()).toMatch(/Demo data:\s+loaded now/);
    const firstCount = await countActions(first);
    await stop(first);
    expect(first.output()).toContain('Your data is kept for the next start.');

    const second = await start([], { DATA_DIR: dataDir });
    try {
      expect(second.output()).toMatch(/Demo data:\s+already there/);
      const secondCount = await countActions(second);
      expect(secondCount).toBeGreaterThan(0);
      expect(secondCount).toBe(firstCount);
    } finally {
      await stop(second);
    }
  }, 120_000);
});
