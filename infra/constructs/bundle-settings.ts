import { fileURLToPath } from 'node:url';

/** The repository root: entries and the lock file are found from here, whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** One file per deployed Lambda, each exporting `handler`. */
export const functionEntries = {
  http: 'functions/http.ts',
  reminders: 'functions/reminder-job.ts',
  boardSummary: 'functions/board-summary-job.ts',
  mailEvents: 'functions/mail-events.ts',
} as const;
export type FunctionName = keyof typeof functionEntries;

export const entryPath = (name: FunctionName): string => `${repoRoot}${functionEntries[name]}`;

/**
 * The esbuild settings CDK bundles with, shared with bench/bundles.bench.ts so that the sizes it prints
 * are the sizes deployed. ESM needs a real `require` for the CommonJS parts of the SDK that load
 * Node built-ins, hence the banner.
 */
export const bundleSettings = {
  target: 'node24',
  format: 'esm',
  platform: 'node',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  banner: "import { createRequire as __appCreateRequire } from 'node:module'; const require = __appCreateRequire(import.meta.url);",
} as const;
