import { build, buildSync, type BuildOptions, type Metafile } from 'esbuild';
import { bundleSettings, entryPath, repoRoot, type FunctionName } from './bundle-settings.js';

/**
 * The one esbuild configuration for a Lambda: CDK bundles with it (app-function.ts) and the benchmarks
 * measure it. Code splitting keeps what an entry imports lazily (the SES client, exceljs) in chunks that
 * Lambda loads only when a request needs them, so they cost nothing at cold start.
 */
export function bundleOptions(name: FunctionName, outdir: string): BuildOptions & { metafile: true } {
  return {
    entryPoints: { index: entryPath(name) },
    absWorkingDir: repoRoot,
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: bundleSettings.platform,
    target: bundleSettings.target,
    format: bundleSettings.format,
    minify: bundleSettings.minify,
    sourcemap: bundleSettings.sourceMap,
    sourcesContent: false,
    mainFields: [...bundleSettings.mainFields],
    banner: { js: bundleSettings.banner },
    metafile: true,
    logLevel: 'warning',
  };
}

/** Writes an entry's bundle into a folder: CDK's local bundling, which must be synchronous. */
export function bundleEntrySync(name: FunctionName, outdir: string): void {
  buildSync(bundleOptions(name, outdir));
}

/** The output files an entry loads before it runs: itself and its static imports, transitively. */
export function startupChunks(metafile: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  return [...seen];
}

export interface BundleMeasure {
  /** JavaScript loaded at cold start (source maps are not loaded). */
  startupBytes: number;
  /** Files loaded at cold start: the entry and the chunks esbuild split off that it imports. */
  startupFiles: number;
  /** All JavaScript in the bundle, lazy chunks included. */
  totalBytes: number;
  /** Packages and files evaluated at cold start, by their input path. */
  startupInputs: string[];
}

/** Builds an entry in memory exactly as deployed and measures what a cold start loads. */
export async function measureBundle(name: FunctionName): Promise<BundleMeasure> {
  const result = await build({ ...bundleOptions(name, `${repoRoot}cdk.out/measure/${name}`), write: false });
  const outputs = result.metafile.outputs;
  const js = (file: string) => file.endsWith('.mjs');
  // Lazily imported modules are entry points too; the Lambda's own is index.mjs.
  const entry = Object.keys(outputs).find((file) => file.endsWith(`${name}/index.mjs`));
  if (!entry) throw new Error(`esbuild produced no entry chunk for ${name}`);
  const startup = startupChunks(result.metafile, entry);
  return {
    startupBytes: startup.reduce((sum, file) => sum + outputs[file]!.bytes, 0),
    startupFiles: startup.length,
    totalBytes: Object.keys(outputs).filter(js).reduce((sum, file) => sum + outputs[file]!.bytes, 0),
    startupInputs: startup.flatMap((file) => Object.keys(outputs[file]!.inputs)),
  };
}
