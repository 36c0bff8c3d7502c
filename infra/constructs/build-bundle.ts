import { build } from 'esbuild';
import { bundleSettings, entryPath, repoRoot, type FunctionName } from './bundle-settings.js';

/**
 * Builds one entry with the settings NodejsFunction passes to esbuild (see app-function.ts), in
 * memory, and returns the size of the JavaScript Lambda would load (the source map is not loaded).
 */
export async function buildBundle(name: FunctionName): Promise<{ bytes: number; code: string }> {
  const result = await build({
    entryPoints: [entryPath(name)],
    absWorkingDir: repoRoot,
    bundle: true,
    write: false,
    outfile: `${repoRoot}cdk.out/bench/${name}/index.mjs`,
    platform: bundleSettings.platform,
    target: bundleSettings.target,
    format: bundleSettings.format,
    minify: bundleSettings.minify,
    sourcemap: bundleSettings.sourceMap,
    sourcesContent: false,
    mainFields: [...bundleSettings.mainFields],
    banner: { js: bundleSettings.banner },
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((file) => file.path.endsWith('.mjs'));
  if (!js) throw new Error(`esbuild produced no JavaScript for ${name}`);
  return { bytes: js.contents.byteLength, code: js.text };
}
