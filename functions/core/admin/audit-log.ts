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

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listRecent(limit: number): Promise<AuditEntry[]>;
}
