import type { RunReport } from '../../../functions/core/reminders/run-report.js';
import type { SendFailureReason } from '../../../functions/core/send-failure.js';
import { formatInstant } from '../../owner/format.js';

/** What an admin can make of why a send failed; SES's own text stays on the person's reminder record. */
export const sendFailureWords: Record<SendFailureReason, string> = {
  throttled: 'the email service was busy',
  unverified: 'the email service may only send to verified addresses, or the sender domain is not verified yet: ask IT (see the README, deploy step 4, DNS and SES)',
  'not-permitted': 'this account may not send email: ask IT to check the email service',
  refused: 'the email service refused the address: check it on their People page',
  // Also a 5xx, a dropped connection or no answer, after which SES may have taken it (the jobs never resend at once).
  other: 'something else went wrong: if it was the email service failing or not answering, the email may still have gone, and they may have it twice',
};

/** The people a run could not email, by name, why, and what happens next. */
export function FailedSends({ runs, names, timeZone }: { runs: RunReport[]; names: ReadonlyMap<string, string>; timeZone: string }) {
  const failing = runs.filter((run) => run.failed.length > 0);
  if (failing.length === 0) return null;
  return (
    <>
      {failing.map((run) => (
        <div class="warning-text">
          <p>Not sent, as far as is known, in the run of {formatInstant(run.startedAt, timeZone)}, and tried again on the next working day:</p>
          <ul>
            {run.failed.map((f) => (
              <li>
                {names.get(f.personId) ?? f.personId}: {sendFailureWords[f.reason]}.
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
