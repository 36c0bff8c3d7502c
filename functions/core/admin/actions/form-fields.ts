import * as z from '../../zod.js';
import type { FieldError } from './admin-change.js';
import { formatCount } from '../../words.js';
import { formText } from '../../form-text.js';

/**
 * A required reason: trimmed, with GOV.UK messages naming what to enter ("Enter why it is not complete
 * yet") and, where that is no noun to begin a sentence with, what is too long ("Your reason").
 */
export const reasonText = (what: string, max = 2000, named = `${what.charAt(0).toUpperCase()}${what.slice(1)}`) =>
  z.string().check(z.trim(), z.minLength(1, `Enter ${what}`), z.maxLength(max, `${named} must be ${formatCount(max)} characters or fewer`));

/**
 * A console form's body checked against its schema; each problem is named by its field (the input's
 * id), in the schema's order, for the error summary. Files, arrays and unknown keys are ignored.
 */
export function readForm<S extends z.ZodMiniObject>(schema: S, body: Record<string, unknown>): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldError[] } {
  const strings = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, formText(body[key])]));
  const result = schema.safeParse(strings);
  if (result.success) return { ok: true, data: result.data };
  const order = Object.keys(schema.shape);
  const errors = result.error.issues
    .map((issue) => ({ field: String(issue.path[0] ?? order[0]), message: issue.message }))
    .filter((error, i, all) => all.findIndex((e) => e.field === error.field) === i)
    .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return { ok: false, errors };
}
