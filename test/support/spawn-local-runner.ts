import { spawn, type ChildProcess } from 'node:child_process';

export interface SpawnedRunner {
  child: ChildProcess;
  output: () => string;
  appUrl: string;
  mailUrl: string;
  /** Milliseconds from spawn to "Press Ctrl-C to stop". */
  readyAfterMs: number;
}

/** Runs `npm start` as a newcomer would, on free ports, and waits for it to say where the app is. */
export async function spawnLocalRunner(args: string[], env: Record<string, string> = {}): Promise<SpawnedRunner> {
  const started = performance.now();
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
    if (child.exitCode !== null || Date.now() > deadline) {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`npm start did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    child,
    output: () => output,
    appUrl: /App:\s+(http:\/\/\S+)/.exec(output)![1]!,
    mailUrl: /Mail viewer:\s+(http:\/\/\S+)/.exec(output)![1]!,
    readyAfterMs: performance.now() - started,
  };
}

/** Ctrl-C reaches the whole process group, as it does in a terminal. */
export async function stopLocalRunner(runner: SpawnedRunner): Promise<void> {
  const exited = new Promise<void>((resolve) => runner.child.once('exit', () => resolve()));
  process.kill(-runner.child.pid!, 'SIGINT');
  await exited;
}
