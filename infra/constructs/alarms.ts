import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.js';
import { alarmTexts } from './alarm-texts.js';

/**
 * The line a reminder run logs when it could not email some people. The run still ends normally (one
 * person's failure must not stop the others), so neither Lambda's errors nor a queue would show it.
 */
export const reminderFailuresPattern = '{ $.job = "reminders" && $.failures > 0 }';

/**
 * The line a reminder run logs when it sent some digests but could not record them: those people may
 * be sent the same email again on the next working day, and the run's counts leave them out.
 */
export const reminderUnconfirmedPattern = '{ $.job = "reminders" && $.unconfirmed > 0 }';

/**
 * The line a board summary run logs when SES's answer to some sends was lost: they may have gone, so
 * the run neither fails (a retry could send a second copy) nor sends them again, and only this tells.
 */
export const boardSummaryUnconfirmedPattern = '{ $.job = "board-summary" && $.unconfirmed > 0 }';

/** Five-minute periods: the functions run rarely, so one occurrence in any period is worth an email. */
const sumOverFiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
const highestOverFiveMinutes = { period: Duration.minutes(5), statistic: 'Maximum' };

export interface AlarmsProps {
  alarmEmail: string;
  /** Every function, by the name its alarms carry. */
  functions: Record<string, AppFunction>;
  /** The web app answers an unexpected error with a 500 page, so its invocation succeeds: only the stage counts it. */
  web: { http: AppFunction; stage: IHttpStage };
  /** A run that could not email some people still ends normally: only its log line tells. */
  reminders: AppFunction | undefined;
  /** A run whose sends SES may or may not have taken ends normally too. */
  boardSummary: AppFunction | undefined;
  /** Scheduled job runs that failed after their retries. */
  failedJobRuns: IQueue;
  /** Bounce and complaint events the mail-events function could not record. */
  failedMailEvents: IQueue;
}

/**
 * Tells the force's IT by email when something needs a person: a function failing or being throttled,
 * error pages served, reminders that could not be sent, or anything waiting on a dead-letter queue. Each
 * alarm says what to do (alarm-texts.ts).
 */
export class Alarms extends Construct {
  readonly topicKey: Key;
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topicKey = this.createTopicKey();
    this.topic = this.createTopic(props.alarmEmail);

    for (const [name, fn] of Object.entries(props.functions)) {
      this.watch(`${name}Errors`, alarmTexts.failed(fn), fn.function.metricErrors(sumOverFiveMinutes));
      this.watch(`${name}Throttles`, alarmTexts.throttled(fn), fn.function.metricThrottles(sumOverFiveMinutes));
    }
    this.watch('HttpServerErrors', alarmTexts.serverErrors(props.web.http), props.web.stage.metricServerError(sumOverFiveMinutes));
    if (props.reminders) {
      // The people the run could not email, so the graph shows how many as well as when.
      this.watchLogLine(props.reminders, 'ReminderFailures', reminderFailuresPattern, '$.failures', alarmTexts.reminderFailures(props.reminders));
      this.watchLogLine(props.reminders, 'ReminderUnconfirmed', reminderUnconfirmedPattern, '$.unconfirmed', alarmTexts.reminderUnconfirmed(props.reminders));
    }
    if (props.boardSummary) {
      this.watchLogLine(props.boardSummary, 'BoardSummaryUnconfirmed', boardSummaryUnconfirmedPattern, '$.unconfirmed', alarmTexts.boardSummaryUnconfirmed(props.boardSummary));
    }

    this.watch('FailedJobRunsWaiting', alarmTexts.failedJobRuns(props.failedJobRuns), props.failedJobRuns.metricApproximateNumberOfMessagesVisible(highestOverFiveMinutes));
    this.watch('FailedMailEventsWaiting', alarmTexts.failedMailEvents(props.failedMailEvents), props.failedMailEvents.metricApproximateNumberOfMessagesVisible(highestOverFiveMinutes));
  }

  /** Counts a function's log lines that match `pattern`, each by the number at `value`, and alarms on any. */
  private watchLogLine(fn: AppFunction, name: string, pattern: string, value: string, description: string): void {
    const filter = new MetricFilter(this, `${name}Filter`, {
      logGroup: fn.logGroup,
      filterPattern: FilterPattern.literal(pattern),
      metricNamespace: Stack.of(this).stackName,
      metricName: name,
      metricValue: value,
    });
    this.watch(name, description, filter.metric(sumOverFiveMinutes));
  }

  /** CloudWatch publishes alarm notifications to the encrypted topic, so it must be able to use the key; only for this account. */
  private createTopicKey(): Key {
    const key = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Encrypts the alarm topic' });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    return key;
  }

  /**
   * `enforceSSL` gives the topic a policy holding only its deny, and a topic policy is the only way a
   * service principal can publish: without the allow, CloudWatch could never deliver an alarm.
   */
  private createTopic(alarmEmail: string): Topic {
    const topic = new Topic(this, 'Topic', { masterKey: this.topicKey, enforceSSL: true });
    topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarms',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    const subscription = topic.addSubscription(new EmailSubscription(alarmEmail));
    Validations.of(subscription).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason:
        'The email subscription of the alarm topic: SNS retries delivery, and an alarm that cannot be emailed still shows in ALARM in the CloudWatch console. A dead-letter queue would hold alarm messages that nobody is told about, since its own alarm could only be sent by this same email.',
    });
    return topic;
  }

  private watch(alarmId: string, description: string, metric: IMetric): void {
    const alarm = new Alarm(this, alarmId, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
