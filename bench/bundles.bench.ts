import { buildBundle } from '../infra/constructs/build-bundle.js';
import { entryExists, functionEntries, type FunctionName } from '../infra/constructs/bundle-settings.js';
import type { BenchFigure } from './figure.js';

/**
 * Minified size of each Lambda bundle, built from source exactly as `cdk synth` bundles it (SDK
 * inside). Budgets in KiB: http 450 (the form handler's cold start: parse time grows with size);
 * reminders and mail-events 800 (DynamoDB + SES clients, zod, the core); board summary 2,000 (exceljs
 * writes the pack, over 1 MiB on its own).
 */
const budgetsKiB: Record<FunctionName, number> = { http: 450, reminders: 800, mailEvents: 800, boardSummary: 2000 };

export default async function benchBundles(): Promise<BenchFigure[]> {
  const names = (Object.keys(functionEntries) as FunctionName[]).filter(entryExists);
  const figures: BenchFigure[] = [];
  for (const name of names) {
    const { bytes } = await buildBundle(name);
    figures.push({ name: `${functionEntries[name]} bundle (minified, SDK bundled)`, value: bytes / 1024, unit: 'KiB', budget: budgetsKiB[name] });
  }
  return figures;
}
