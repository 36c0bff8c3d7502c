import * as z from '../zod.js';
import { IsoInstant } from '../model/action.js';

/** One admin change, sign-in or download: who, when, what, and the record before and after. Never edited or deleted. */
export const AuditEntry = z.object({
  at: IsoInstant,
  /** The signed-in person's email address. */
  by: z.string().check(z.minLength(1)),
  /** What was done, as a verb-noun name: "reassign-owners", "deactivate-person", "import-plan"… */
  change: z.string().check(z.minLength(1), z.maxLength(100)),
  target: z.object({ type: z.enum(['action', 'person', 'plan', 'reminders', 'summary', 'session']), id: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * Where an older page of the log starts: the stored key of the last entry shown, its time and a
 * suffix that orders entries of the same millisecond. It travels in a URL, so it is checked.
 */
export const AuditCursor = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9a-f-]{1,36}$/, 'is not a place in the audit log'));
export type AuditCursor = z.infer<typeof AuditCursor>;

/** One page of the log, newest first, and where the next, older page starts (null on the last). */
export interface AuditPage {
  entries: AuditEntry[];
  older: AuditCursor | null;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first, from the start or from an earlier page's `older`. */
  listRecent(limit: number, olderThan?: AuditCursor): Promise<AuditPage>;
}
