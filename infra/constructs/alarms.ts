import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.js';

export interface AlarmsProps {
  alarmEmail: string;
  functions: Record<string, AppFunction>;
  deadLetterQueues: Record<string, IQueue>;
}

/**
 * Tells the force's IT by email when something needs a person: a function failing or being throttled,
 * or anything waiting on a dead-letter queue. One error is enough to alarm: these functions run rarely.
 */
export class Alarms extends Construct {
  readonly topicKey: Key;
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topicKey = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Encrypts the alarm topic' });
    // CloudWatch publishes alarm notifications to the encrypted topic, so it must be able to use the key.
    this.topicKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Topic', { masterKey: this.topicKey, enforceSSL: true });
    const subscription = this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    Validations.of(subscription).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason:
        'The email subscription of the alarm topic: SNS retries delivery, and an alarm that cannot be emailed still shows in ALARM in the CloudWatch console. A dead-letter queue would hold alarm messages that nobody is told about, since its own alarm could only be sent by this same email.',
    });
    const action = new SnsAction(this.topic);

    const watch = (alarmId: string, description: string, metric: IMetric) => {
      const alarm = new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      this.alarms.push(alarm);
    };
    const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
    for (const [name, fn] of Object.entries(props.functions)) {
      watch(`${name}Errors`, `The ${name} function failed: see its log group`, fn.function.metricErrors(fiveMinutes));
      watch(`${name}Throttles`, `The ${name} function was throttled: check the account's Lambda concurrency`, fn.function.metricThrottles(fiveMinutes));
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      watch(
        `${name}Waiting`,
        `Events failed and wait on the ${name} dead-letter queue: read them, fix the cause, then redrive or delete them`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      );
    }
  }
}
