import { measureBundle } from '../infra/constructs/build-bundle.js';
import { functionEntries, type FunctionName } from '../infra/constructs/bundle-settings.js';
import type { BenchFigure } from './figure.js';

/**
 * What each Lambda loads at cold start, built from source exactly as `cdk synth` bundles it (SDK inside,
 * lazy imports split off). Budgets in kB: http 450 (the form handler: parse time grows with size);
 * reminders and mail-events 800 (DynamoDB + SES clients, zod, the core); board summary 2,000 (exceljs
 * writes the pack, over 1 MB on its own).
 */
const budgetsKB: Record<FunctionName, number> = { http: 450, reminders: 800, mailEvents: 800, boardSummary: 2000 };
const lazyOnly = [/node_modules\/@aws-sdk\/client-sesv2\//, /node_modules\/exceljs\//];

export default async function benchBundles(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const name of Object.keys(functionEntries) as FunctionName[]) {
    const { startupBytes, totalBytes, startupInputs } = await measureBundle(name);
    figures.push({
      name: `${functionEntries[name]} bundle loaded at start-up (minified, SDK bundled; ${Math.round(totalBytes / 1000)} kB with lazy chunks)`,
      value: startupBytes / 1000,
      unit: 'kB',
      budget: budgetsKB[name],
    });
    if (name === 'http') {
      const evaluated = startupInputs.some((input) => lazyOnly.some((re) => re.test(input)));
      figures.push({ name: 'SES or exceljs evaluated at http start-up', value: evaluated ? 1 : 0, unit: '(0 = no)', budget: 0 });
    }
  }
  return figures;
}
