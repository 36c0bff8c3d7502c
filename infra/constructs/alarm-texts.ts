import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { claimTimeoutMs } from '../../functions/core/board-summary/summary-store.js';
import type { AppFunction } from './app-function.js';
import type { FunctionName } from './bundle-settings.js';

/**
 * What each alarm email tells the force's IT to do, in plain words: they read it without this code, and
 * often without the README ("When an alarm fires" in its Deploy section says the same at more length).
 * Names of log groups, functions and queues are filled in at deploy. CloudWatch allows 1,024 characters.
 */

const logs = (fn: AppFunction) => `Open CloudWatch log group ${fn.logGroup.logGroupName}, find the error and fix its cause`;

/** The scheduled runs act on the month's first working day only, so a summary that failed waits for a person. */
const boardSummaryRerun = (fnName: string) =>
  `invoke ${fnName} with {"month":"YYYY-MM"} (the month just ended): the scheduled runs later this month will not send it, and this sends it only to the board members who did not get it (one whose send a stopped run left unconfirmed, from ${claimTimeoutMs / 60_000} minutes after that run)`;

const onFailure: Record<FunctionName, (fn: AppFunction) => string> = {
  http: (fn) => `The web app failed to answer: people may have seen an error. ${logs(fn)} (often a permission, a quota or a config value), then check that the app opens.`,
  reminders: (fn) =>
    `The reminder job failed before it finished. Lambda tries it twice more; if that fails too, the failed-job-runs alarm follows. ${logs(fn)}. Nothing needs re-running: the next working day's run sends every reminder still due.`,
  boardSummary: (fn) =>
    `The board summary job failed: the summary may not have reached every board member. Lambda tries it twice more within minutes. ${logs(fn)}. If the failed-job-runs alarm follows, ${boardSummaryRerun(`the function ${fn.function.functionName}`)}.`,
  mailEvents: (fn) =>
    `The mail-events function could not record a bounce or complaint. Lambda tries it twice more; if that fails too, the failed-mail-events alarm follows. ${logs(fn)}.`,
};

const labels: Record<FunctionName, string> = { http: 'web app (http)', reminders: 'reminder job', boardSummary: 'board summary job', mailEvents: 'mail-events' };

const deleteAfter = 'Then delete the message: a dead-letter queue cannot be redriven into a function.';

export const alarmTexts = {
  failed: (fn: AppFunction): string => onFailure[fn.name](fn),

  throttled: (fn: AppFunction): string =>
    `The ${labels[fn.name]} function was refused for lack of Lambda concurrency in this account, so its work was delayed or refused. Check what else runs in the account and its Lambda concurrent executions quota (Service Quotas), and ask AWS for more if needed.`,

  serverErrors: (http: AppFunction): string =>
    `The web app served error pages (HTTP 5xx): people could not open or save something. Open CloudWatch log group ${http.logGroup.logGroupName} and look for lines with "level":"error"; fix the cause (often a permission, a quota or a config value). The API's access log shows which requests failed and when.`,

  reminderFailures: (fn: AppFunction): string =>
    `A reminder run could not email some people, though the run itself finished. Open CloudWatch log group ${fn.logGroup.logGroupName} and find the run's line with "failures": "failedReasons" counts them by reason (the console's Reminders page names each person and says why in words; SES's own message is on the person's reminder record in the table). Fix the cause (often SES: the account still in the sandbox, its sending quota, or an address it refuses). Nothing needs re-running: the next working day's run tries those people again.`,

  reminderUnconfirmed: (fn: AppFunction): string =>
    `A reminder run sent some people their digest but could not record it (the table did not take the write), so the next working day's run may send them the same email again. Open CloudWatch log group ${fn.logGroup.logGroupName} and find the run's line whose "unconfirmed" is above 0 (how many). If it happens again, look at the table's DynamoDB metrics (throttled or failed writes); nothing needs re-running.`,

  boardSummaryUnconfirmed: (fn: AppFunction): string =>
    `The board summary job sent the month to some board members, but the email service's answer was lost: they may or may not have it, and nothing sends it to them again by itself. Open CloudWatch log group ${fn.logGroup.logGroupName} and find the run's line whose "unconfirmed" is above 0 (how many). Tell the admins: from ${claimTimeoutMs / 60_000} minutes after the run, the month's page in the console (Summaries) names the board members who have not had it and offers to send it to them; they should ask them first whether they had it.`,

  failedJobRuns: (queue: IQueue): string =>
    `A scheduled job run failed even after its retries. Its message is kept 14 days on queue ${queue.queueName} (SQS console, Send and receive messages, Poll): it names the function and the error. Fix the cause first. If it was the board summary, ${boardSummaryRerun('the board-summary function')}. If it was the reminder job, nothing needs re-running: the next working day's run catches up. ${deleteAfter}`,

  failedMailEvents: (queue: IQueue): string =>
    `A bounce or complaint could not be recorded. It is kept 14 days on queue ${queue.queueName}. SES has already stopped mailing that address, but the person is not marked, so their reminders do not yet go to their SRO. Fix the cause (the mail-events function's log group), then invoke the mail-events function with the message's "requestPayload" (the README's "When an alarm fires" says what to do when it has none). ${deleteAfter}`,
};
