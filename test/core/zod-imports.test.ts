import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const roots = ['functions', 'web', 'infra', 'bench'];

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [])),
  );
  return nested.flat();
}

describe('zod imports', () => {
  it('go through functions/core/zod.ts, which sets the English messages zod/mini lacks and keeps classic zod out of the bundles', async () => {
    const files = (await Promise.all(roots.map(sources))).flat().filter((file) => file !== join('functions', 'core', 'zod.ts'));
    expect(files.length).toBeGreaterThan(100);
    const direct = [];
    for (const file of files) if (/from 'zod(\/[^']*)?'/.test(await readFile(file, 'utf8'))) direct.push(file);
    expect(direct).toEqual([]);
  });
});
