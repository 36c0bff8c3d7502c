import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Started {
  child: ChildProcess;
  output: () => string;
  appUrl: string;
  mailUrl: string;
}

/** Runs `npm start` as a newcomer would, on free ports, and waits for it to say where the app is. */
async function start(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn('npm', ['start', '--silent', '--', ...args], {
    env: { ...process.env, PORT: '0', MAIL_PORT: '0', DYNAMO_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!/Press Ctrl-C to stop/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    output: () => output,
    appUrl: /App:\s+(http:\/\/\S+)/.exec(output)![1]!,
    mailUrl: /Mail viewer:\s+(http:\/\/\S+)/.exec(output)![1]!,
  };
}

/**
 * Ctrl-C reaches the whole process group, as it does in a terminal. npm passes the signal on and then
 * ends itself by it, so "clean" means the runner said it stopped and nothing answers any more.
 */
async function stop(started: Started): Promise<void> {
  const exited = new Promise<void>((resolve) => started.child.once('exit', () => resolve()));
  process.kill(-started.child.pid!, 'SIGINT');
  await exited;
  expect(started.output()).toContain('Stopped.');
  expect(started.output()).not.toMatch(/Error|Could not/);
  await expect(fetch(`${started.appUrl}/healthz`)).rejects.toThrow();
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
    const firstPreview = await (await fetch(`${first.appUrl}/preview`)).text();
    await stop(first);
    expect(first.output()).toContain('Your data is kept for the next start.');

    const second = await start([], { DATA_DIR: dataDir });
    try {
      expect(second.output()).toMatch(/Demo data:\s+already there/);
      const secondPreview = await (await fetch(`${second.appUrl}/preview`)).text();
      const count = (html: string) => /(\d+) actions\./.exec(html)?.[1];
      expect(Number(count(secondPreview))).toBeGreaterThan(0);
      expect(count(secondPreview)).toBe(count(firstPreview));
    } finally {
      await stop(second);
    }
  }, 120_000);
});
