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
    throw new Error(`Force config infra/forces/${forceId}.json is not valid JSON: ${describeJsonError((error as Error).message, text)}`);
  }
  const config = parseForceConfig(json, `infra/forces/${forceId}.json`);
  if (config.id !== forceId) {
    throw new Error(`Force config infra/forces/${forceId}.json is not valid:\n - id: must be "${forceId}", the name of its file`);
  }
  return config;
}

/**
 * What is wrong with the JSON, said as someone who edits the file by hand can act on: the two usual
 * slips (a comma after the last item, a comment) by name and line when JSON.parse stopped at one;
 * otherwise its message, with "at position 284" as "at line 12, column 3", which an editor can go to.
 */
function describeJsonError(message: string, text: string): string {
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const slip = slipAt(message, text);
  if (slip?.kind === 'comment') return `line ${lineOf(slip.at)} holds a comment (${text.slice(slip.at, slip.at + 2)}), which JSON files cannot: delete it`;
  if (slip?.kind === 'comma') return `line ${lineOf(slip.at)} has a comma after the last item before "${slip.closing}", which JSON does not allow: delete that comma`;
  return message.replace(/at position (\d+)(?: \(line \d+ column \d+\))?/, (_, position: string) => {
    const before = text.slice(0, Number(position)).split('\n');
    return `at line ${before.length}, column ${before.at(-1)!.length + 1}`;
  });
}

type Slip = { kind: 'comment'; at: number } | { kind: 'comma'; at: number; closing: string };

/**
 * The slip JSON.parse stopped at, if it was one of the two: at the position its message gives, or, where
 * it gives none ("Unexpected token ']', ..."), the first of the kind its unexpected token points to.
 */
function slipAt(message: string, text: string): Slip | null {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) {
    const at = Number(position);
    if (/^\/[/*]/.test(text.slice(at))) return { kind: 'comment', at };
    const comma = /,\s*$/.exec(text.slice(0, at));
    return comma && /^[}\]]/.test(text.slice(at)) ? { kind: 'comma', at: comma.index, closing: text[at]! } : null;
  }
  const token = /Unexpected token '?([^',\s])/.exec(message)?.[1];
  if (token === '/') return firstSlip(text, 'comment');
  return token === '}' || token === ']' ? firstSlip(text, 'comma') : null;
}

/** The first comment, or comma before a closing bracket, outside strings. */
function firstSlip(text: string, kind: Slip['kind']): Slip | null {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (kind === 'comment' && char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return { kind, at: i };
    else if (kind === 'comma' && char === ',') {
      const closing = /^\s*([}\]])/.exec(text.slice(i + 1))?.[1];
      if (closing) return { kind, at: i, closing };
    }
  }
  return null;
}
