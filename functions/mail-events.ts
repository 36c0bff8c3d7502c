import * as z from './core/zod.js';
import { Month } from './core/board-summary/month.js';
import { boardSummaryTag, type BouncedSend } from './core/board-summary/summary-store.js';
import { recordBoardBounce } from './core/mail-events/record-board-bounce.js';
import { ReminderPeriod, reminderPeriodTag } from './core/model/reminder.js';
import { recordMailEvent, type MailEvent, type MailEventOutcome } from './core/mail-events/record-mail-event.js';
import { parseOrThrow } from './core/validation.js';
import type { CoreDeps } from './runtime/compose.js';
import { composeFromEnvironment } from './runtime/lambda-env.js';

const recipients = z.array(z.object({ emailAddress: z.string().check(z.minLength(3)) })).check(z.minLength(1));

/** SES names the event `eventType` when a configuration set publishes it, `notificationType` for identity notifications. */
const SesEventType = z.object({ eventType: z.optional(z.string()), notificationType: z.optional(z.string()) });
const SesBounce = z.object({
  bounce: z.object({ bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']), bouncedRecipients: recipients }),
  /** The tags the email was sent with (event publishing gives them; identity notifications do not). */
  mail: z.optional(z.object({ tags: z.optional(z.unknown()), messageId: z.optional(z.unknown()), timestamp: z.optional(z.unknown()) })),
});
/** Read apart from the bounce: tags of another shape must not stop the people it names being marked. */
const BounceTags = z.record(z.string(), z.array(z.string()));
const SesComplaint = z.object({ complaint: z.object({ complainedRecipients: recipients }) });

const SnsEvent = z.object({
  Records: z.array(z.object({ EventSource: z.literal('aws:sns'), Sns: z.object({ Message: z.string() }) })).check(z.minLength(1)),
});

/** The email a bounce is about, from what of its id and time SES gave (read leniently: the bounce still counts without them). */
function sentEmail(messageId: unknown, timestamp: unknown): BouncedSend {
  const sentAt = typeof timestamp === 'string' ? new Date(timestamp) : null;
  return { ...(typeof messageId === 'string' ? { messageId } : {}), ...(sentAt && !Number.isNaN(sentAt.getTime()) ? { sentAt } : {}) };
}

/** SES's envelope to the core's MailEvent; null for event types this function does not act on (delivery, send…). */
function toMailEvent(message: string): MailEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    throw new Error('Mail event is not valid:\n - Sns.Message: is not JSON');
  }
  const { eventType, notificationType } = parseOrThrow(SesEventType, json, 'Mail event is not valid');
  const type = eventType ?? notificationType;
  if (type === 'Bounce') {
    const { bounce, mail } = parseOrThrow(SesBounce, json, 'Mail event is not valid');
    // A tag that is not a month (or a day) is not one of ours: the bounce still marks the people it names.
    const tags = BounceTags.safeParse(mail?.tags);
    const boardMonth = Month.safeParse(tags.success ? tags.data[boardSummaryTag]?.[0] : undefined);
    const reminderPeriod = ReminderPeriod.safeParse(tags.success ? tags.data[reminderPeriodTag]?.[0] : undefined);
    return {
      kind: 'bounce',
      permanent: bounce.bounceType === 'Permanent',
      recipients: bounce.bouncedRecipients.map((r) => r.emailAddress),
      ...(boardMonth.success ? { boardMonth: boardMonth.data } : {}),
      ...(reminderPeriod.success ? { reminderPeriod: reminderPeriod.data } : {}),
      // Tells a late or repeated event about an earlier send of the month from one about the latest.
      send: sentEmail(mail?.messageId, mail?.timestamp),
    };
  }
  if (type === 'Complaint') {
    const { complaint } = parseOrThrow(SesComplaint, json, 'Mail event is not valid');
    return { kind: 'complaint', recipients: complaint.complainedRecipients.map((r) => r.emailAddress) };
  }
  return null;
}

type MailEventDeps = Pick<CoreDeps, 'repository' | 'summaries'>;
let deps: MailEventDeps | undefined;

/** What the function did: the people marked, the addresses no person has, the board summaries marked bounced. */
export interface MailEventsOutcome extends MailEventOutcome {
  boardBounces: number;
}

/**
 * The mail-events Lambda: SES bounce and complaint events arrive through SNS. A malformed event throws,
 * so that after Lambda's retries it lands on the dead-letter queue, which is alarmed.
 */
export async function handler(event: unknown): Promise<MailEventsOutcome> {
  const { Records } = parseOrThrow(SnsEvent, event, 'SNS event is not valid');
  // Composed on the first event of a cold start, so the environment is read once and in one place.
  deps ??= composeFromEnvironment(process.env);
  const outcome: MailEventsOutcome = { marked: [], unknown: 0, boardBounces: 0 };
  for (const record of Records) {
    const mailEvent = toMailEvent(record.Sns.Message);
    if (!mailEvent) continue;
    const { marked, unknown } = await recordMailEvent(deps.repository, mailEvent);
    outcome.boardBounces += await recordBoardBounce(deps.summaries, mailEvent);
    outcome.marked.push(...marked);
    outcome.unknown += unknown;
  }
  // Counts only: addresses are personal data and stay out of the logs.
  console.log(JSON.stringify({ message: 'mail events recorded', records: Records.length, marked: outcome.marked.length, unknown: outcome.unknown, boardBounces: outcome.boardBounces }));
  return outcome;
}
