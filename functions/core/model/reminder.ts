import * as z from '../zod.js';
import { IsoInstant } from './action.js';

export const reminderKinds = ['reminder', 'escalation'] as const;
export const reminderStates = ['claimed', 'sent', 'failed'] as const;

/**
 * One digest to one person for one period. It is claimed with a conditional write before sending
 * and completed after, so that no run sends the same person the same digest twice.
 */
export const ReminderRecord = z.object({
  personId: z.string(),
  period: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  kind: z.enum(reminderKinds),
  state: z.enum(reminderStates),
  actionIds: z.array(z.string()),
  claimedAt: IsoInstant,
  completedAt: z.nullable(IsoInstant),
  error: z.nullable(z.string()),
});
export type ReminderRecord = z.infer<typeof ReminderRecord>;
