import type { RunReport } from '../../../functions/core/reminders/run-report.js';
import { formatInstant } from '../../owner/format.js';

/** What an admin can make of SES's error names; the detail stays in the function's log. */
export function sendFailureReason(error: string): string {
  if (/Throttl|TooManyRequests|sending rate/i.test(error)) return 'the email service was busy';
  // The SES sandbox, or a sender or MAIL FROM domain not verified: the account's set-up, not the address.
  if (/not verified|MailFromDomainNotVerified/i.test(error)) {
    return 'the email service may only send to verified addresses, or the sender domain is not verified yet: ask IT (see the README, deploy step 5)';
  }
  if (/AccessDenied|not authorized|sending paused|AccountSendingPaused/i.test(error)) return 'this account may not send email: ask IT to check the email service';
  if (/MessageRejected|suppression/i.test(error)) return 'the email service refused the address: check it on their People page';
  return 'the email could not be sent';
}

/** The people a run could not email, by name, why, and what happens next. */
export function FailedSends({ runs, names, timeZone }: { runs: RunReport[]; names: ReadonlyMap<string, string>; timeZone: string }) {
  const failing = runs.filter((run) => run.failed.length > 0);
  if (failing.length === 0) return null;
  return (
    <>
      {failing.map((run) => (
        <div class="warning-text">
          <p>Not sent in the run of {formatInstant(run.startedAt, timeZone)}, and tried again on the next working day:</p>
          <ul>
            {run.failed.map((f) => (
              <li>
                {names.get(f.personId) ?? f.personId}: {sendFailureReason(f.error)}.
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
