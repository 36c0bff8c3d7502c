import * as z from '../zod.js';
import { IsoInstant } from './action.js';

export const reminderKinds = ['reminder', 'escalation'] as const;
/** `bounced`: sent, and SES reported a permanent bounce of it: it never reached the person. */
export const reminderStates = ['claimed', 'sent', 'failed', 'bounced'] as const;

/** The SES tag a digest is sent with: its period, by which a bounce of it finds its records. */
export const reminderPeriodTag = 'reminder-period';

/** A digest's period: the local date of the run that sent it. */
export const ReminderPeriod = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/**
 * One digest to one person for one period. It is claimed with a conditional write before sending
 * and completed after, so that no run sends the same person the same digest twice.
 */
export const ReminderRecord = z.object({
  personId: z.string(),
  period: ReminderPeriod,
  kind: z.enum(reminderKinds),
  state: z.enum(reminderStates),
  actionIds: z.array(z.string()),
  claimedAt: IsoInstant,
  completedAt: z.nullable(IsoInstant),
  error: z.nullable(z.string()),
});
export type ReminderRecord = z.infer<typeof ReminderRecord>;
