import type * as z from './zod.js';
import { InvalidInputError } from './errors.js';

/** "field.sub[2]: message" for each issue, so that every bad field gets its own line. */
export function formatIssues(error: z.core.$ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${formatPath([...issue.path, key])}: is not a known field; check its spelling or remove it`);
    }
    const path = formatPath(issue.path);
    return [path ? `${path}: ${issue.message}` : issue.message];
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('');
}

/** Parses or throws an InvalidInputError that names every bad field. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, input: unknown, summary: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidInputError(formatIssues(result.error), summary);
  return result.data;
}
