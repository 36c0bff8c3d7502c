import { gzipSync } from 'node:zlib';
import { buildBoardPack } from '../functions/adapters/xlsx/board-pack.js';
import { compileBoardSummary } from '../functions/core/board-summary/compile-board-summary.js';
import { renderBoardSummaryEmail } from '../web/emails/board-summary-email.js';
import { generatePlan } from '../test/board-summary/plan-fixture.js';
import { percentile, type BenchFigure } from './figure.js';

const actions = 5_000;
const updatesPerAction = 10;
const config = { timeZone: 'Europe/London', staleAfterDays: 28, name: 'Northshire Police', baseUrl: 'https://actions.northshire.police.uk', attachBoardPack: false };

/**
 * The monthly job's CPU work for a large plan: 5,000 actions with 50,000 updates, texts about as long
 * as a real plan's (a few hundred characters per cell). Storage and SES are not timed here.
 */
export default async function benchBoardSummary(): Promise<BenchFigure[]> {
  const plan = generatePlan(actions, updatesPerAction);
  for (const action of plan.actions) {
    for (const field of ['evidence', 'text', 'plan', 'confidenceNarrative', 'latestProgress'] as const) action[field] = `${action[field]} `.repeat(4).trim();
  }
  const totals: number[] = [];
  const parts = { compile: [] as number[], render: [] as number[], xlsx: [] as number[] };
  let xlsxBytes = 0;
  let snapshotBytes = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const snapshot = compileBoardSummary({ ...plan, previous: null, month: '2026-10', now: new Date('2026-11-02T07:30:00.000Z'), config });
    const t1 = performance.now();
    renderBoardSummaryEmail(snapshot.summary, config);
    const t2 = performance.now();
    const pack = await buildBoardPack(snapshot, { forceName: config.name });
    const t3 = performance.now();
    parts.compile.push(t1 - t0);
    parts.render.push(t2 - t1);
    parts.xlsx.push(t3 - t2);
    totals.push(t3 - t0);
    xlsxBytes = pack.length;
    snapshotBytes = gzipSync(JSON.stringify(snapshot)).length;
  }
  // Worst case for size: random text, which neither shared strings nor zip can shrink.
  const random = generatePlan(actions, 0, { incompressible: true });
  const randomSnapshot = compileBoardSummary({ ...random, previous: null, month: '2026-10', now: new Date('2026-11-02T07:30:00.000Z'), config });
  const randomBytes = (await buildBoardPack(randomSnapshot, { forceName: config.name })).length;
  const label = `${actions.toLocaleString('en-GB')} actions, ${(actions * updatesPerAction).toLocaleString('en-GB')} updates`;
  return [
    { name: `board summary compile + render + XLSX (${label}, median of 3)`, value: percentile(totals, 50), unit: 'ms', budget: 5000 },
    { name: '  of which compile', value: percentile(parts.compile, 50), unit: 'ms', budget: 1000 },
    { name: '  of which email render', value: percentile(parts.render, 50), unit: 'ms', budget: 100 },
    { name: '  of which XLSX pack', value: percentile(parts.xlsx, 50), unit: 'ms', budget: 4000 },
    { name: `board pack XLSX size (${label})`, value: xlsxBytes / 1_000_000, unit: 'MB', budget: 5 },
    { name: `board pack XLSX size, worst case (${actions.toLocaleString('en-GB')} actions of random text, 160 characters a cell)`, value: randomBytes / 1_000_000, unit: 'MB', budget: 5 },
    { name: `kept snapshot, gzipped JSON (${label}; 300 KB chunks)`, value: snapshotBytes / 1_000_000, unit: 'MB', budget: 3 },
  ];
}
