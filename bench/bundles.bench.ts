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
/**
 * Files the http Lambda loads at start-up. Node's ESM loader pays about 0.4 ms for each (here), on
 * top of its bytes; the SDK's own lazy imports split the floor entry into 9. A console module loaded
 * with a dynamic import of its own, rather than with the console, splits the shared code once more.
 */
const httpStartupFilesBudget = 16;
const lazyOnly = [/node_modules\/@aws-sdk\/client-sesv2\//, /node_modules\/exceljs\//];

export default async function benchBundles(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const name of Object.keys(functionEntries) as FunctionName[]) {
    const { startupBytes, startupFiles, totalBytes, startupInputs } = await measureBundle(name);
    figures.push({
      name: `${functionEntries[name]} bundle loaded at start-up (minified, SDK bundled; ${Math.round(totalBytes / 1000)} kB with lazy chunks)`,
      value: startupBytes / 1000,
      unit: 'kB',
      budget: budgetsKB[name],
    });
    if (name === 'http') {
      figures.push({ name: 'http files loaded at start-up', value: startupFiles, unit: 'files', budget: httpStartupFilesBudget });
      const evaluated = startupInputs.some((input) => lazyOnly.some((re) => re.test(input)));
      figures.push({ name: 'SES or exceljs evaluated at http start-up', value: evaluated ? 1 : 0, unit: '(0 = no)', budget: 0 });
    }
  }
  return figures;
}
