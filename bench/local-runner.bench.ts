import { percentile, type BenchFigure } from './figure.js';
import { spawnLocalRunner, stopLocalRunner } from '../test/support/spawn-local-runner.js';

/** `npm start -- --memory` from spawn to "ready", demo data loaded, as a newcomer would see it. */
export default async function benchLocalRunner(): Promise<BenchFigure[]> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const runner = await spawnLocalRunner(['--memory']);
    samples.push(runner.readyAfterMs);
    await stopLocalRunner(runner);
  }
  return [{ name: 'local runner start-up (npm start --memory, median of 3)', value: percentile(samples, 50), unit: 'ms', budget: 5000 }];
}
