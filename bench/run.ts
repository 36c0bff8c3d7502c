import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatFigure, withinBudget, type Benchmark } from './figure.js';

/** Runs every bench/*.bench.ts (or those whose name contains argv[2]) and prints one line per figure. */
const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2] ?? '';
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
let over = 0;
for (const file of files) {
  const { default: run } = (await import(pathToFileURL(`${dir}/${file}`).href)) as { default: Benchmark };
  for (const figure of await run()) {
    console.log(formatFigure(figure));
    if (!withinBudget(figure)) over++;
  }
}
console.log(`${over === 0 ? 'all figures within budget' : `${over} figure(s) over budget`}`);
process.exitCode = over === 0 ? 0 : 1;
