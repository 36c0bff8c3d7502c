/**
 * Why a digest was not sent, as the run report keeps it: a code, never SES's text, which can name the
 * recipient's address ("...failed the check in region EU-WEST-2: someone@force.police.uk") and would
 * carry it into the log line and the stored report. The text itself stays on the person's reminder record.
 */
export const sendFailureReasons = ['throttled', 'unverified', 'not-permitted', 'refused', 'other'] as const;
export type SendFailureReason = (typeof sendFailureReasons)[number];

/** Reads an error as `Name: message` (SES's exception names and messages) for the causes an admin can act on. */
export function classifySendFailure(error: string): SendFailureReason {
  if (/Throttl|TooManyRequests|sending rate/i.test(error)) return 'throttled';
  // The SES sandbox, or a sender or MAIL FROM domain not verified: the account's set-up, not the address.
  if (/not verified|MailFromDomainNotVerified/i.test(error)) return 'unverified';
  if (/AccessDenied|not authorized|sending paused|AccountSendingPaused/i.test(error)) return 'not-permitted';
  if (/MessageRejected|suppression/i.test(error)) return 'refused';
  return 'other';
}

/**
 * Logs an email that could not be sent, as a reason code and the error's name (`MessageRejected`,
 * a DynamoDB exception when the link could not be issued): never the message, which can name the
 * address, nor a person id, which is made from it (personIdFromEmail).
 */
export function logSendFailure(message: string, error: unknown, fields: { actionId?: string } = {}): void {
  const errorName = error instanceof Error ? error.name : typeof error;
  const reason = classifySendFailure(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  console.error(JSON.stringify({ level: 'error', message, ...fields, reason, errorName }));
}
