import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseForceConfig, type ForceConfig } from '../../functions/core/config/force-config.js';

export const forcesDir = fileURLToPath(new URL('.', import.meta.url));

/** Reads infra/forces/<id>.json; a missing file, bad JSON or a bad field each gets its own message. */
export async function loadForceConfig(forceId: string, dir = forcesDir): Promise<ForceConfig> {
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(forceId)) {
    throw new Error(`Force "${forceId}" is not a valid force id: use the name of a file in infra/forces/ without .json`);
  }
  const path = `${dir.replace(/\/?$/, '/')}${forceId}.json`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`No config for force "${forceId}": create infra/forces/${forceId}.json (copy demo.json and edit it)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Force config infra/forces/${forceId}.json is not valid JSON: ${withLine((error as Error).message, text)}`);
  }
  const config = parseForceConfig(json, `infra/forces/${forceId}.json`);
  if (config.id !== forceId) {
    throw new Error(`Force config infra/forces/${forceId}.json is not valid:\n - id: must be "${forceId}", the name of its file`);
  }
  return config;
}

/** "at position 284" as "at line 12, column 3", which an editor can go to (a comma after the last item is the usual cause). */
function withLine(message: string, text: string): string {
  return message.replace(/at position (\d+)(?: \(line \d+ column \d+\))?/, (_, position: string) => {
    const before = text.slice(0, Number(position)).split('\n');
    return `at line ${before.length}, column ${before.at(-1)!.length + 1}`;
  });
}
