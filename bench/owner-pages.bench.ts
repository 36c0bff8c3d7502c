import { gzipSync } from 'node:zlib';
import { appCss } from '../web/assets/app-css.js';
import { percentile, type BenchFigure } from './figure.js';
import { measureColdStart } from './owner/cold-start.js';
import { lambdaNode } from './owner/lambda-node.js';
import { benchHarness } from './owner/harness.js';

const kB = (bytes: number) => bytes / 1000;
const mega = (count: number) => `${(count / 1e6).toFixed(0)}M`;
const gzipped = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** The owner pages: page weight, warm render of "My actions" and the http entry's cold start (its bundle: bundles.bench.ts). */
export default async function ownerPagesBench(): Promise<BenchFigure[]> {
  const { app, token, formActionId } = await benchHarness(30);
  const listHtml = await (await app.request(`/u/${token}`)).text();
  const formHtml = await (await app.request(`/u/${token}/actions/${formActionId}`)).text();

  // Warm render of "My actions" for a person with 30 actions, in-process on the in-memory repository.
  for (let i = 0; i < 200; i++) await (await app.request(`/u/${token}`)).text();
  const samples: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const start = performance.now();
    await (await app.request(`/u/${token}`)).text();
    samples.push(performance.now() - start);
  }

  const node = await lambdaNode();
  const coldStart = await measureColdStart(node);
  const onNode = node.fallback ? `on this machine's Node ${node.version}, not Lambda's (${node.fallback})` : `on Node ${node.version}, as Lambda runs it`;
  return [
    { name: 'owner form page HTML (gzip)', value: kB(gzipped(formHtml)), unit: 'kB', budget: 14.6 },
    { name: 'owner "My actions" page HTML, 30 actions (gzip)', value: kB(gzipped(listHtml)), unit: 'kB', budget: 14.6 },
    { name: 'owner first visit, HTML + CSS (gzip)', value: kB(gzipped(listHtml) + gzipped(appCss)), unit: 'kB', budget: 60 },
    { name: 'warm render of "My actions", 30 actions (p95)', value: percentile(samples, 95), unit: 'ms', budget: 2 },
    {
      // Both times move with the host's state, and the ratio with them (1.15 to 1.35 seen for one build): compare builds in one run.
      name: `http entry cold start vs Hono + DynamoDB floor, ${onNode} (median of 20: ${coldStart.httpMs.toFixed(0)} ms vs ${coldStart.floorMs.toFixed(0)} ms)`,
      value: coldStart.httpMs / coldStart.floorMs,
      unit: '×',
      budget: 1.2,
    },
    ...(coldStart.instructions
      ? [
          {
            // The same figure counted rather than timed: repeatable to 0.1%, so it shows what a change is worth.
            name: `http entry cold start vs the floor, ${onNode}, in instructions beyond a bare Node process (callgrind: ${mega(coldStart.instructions.http)} vs ${mega(coldStart.instructions.floor)})`,
            value: coldStart.instructions.http / coldStart.instructions.floor,
            unit: '×',
            budget: 1.2,
          },
        ]
      : []),
    // The first Intl call in a process starts ICU, about 12 ms here: the floor never pays it.
    { name: 'http entry cold start: calls into Intl (ICU) beyond the floor\'s, start-up and an unknown link\'s page', value: coldStart.extraIntlCalls.unknownLink, unit: 'calls', budget: 0 },
    { name: 'http entry cold start: calls into Intl (ICU) beyond the floor\'s, start-up and an owner\'s "My actions", 12 actions', value: coldStart.extraIntlCalls.ownersPage, unit: 'calls', budget: 0 },
  ];
}
