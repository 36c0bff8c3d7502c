import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A dead-letter queue: encrypted, TLS only, kept for the longest SQS allows so that a failed job or
 * mail event can be looked at and replayed after a holiday. The alarms watch its depth.
 */
export function failureQueue(scope: Construct, id: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const reason =
    'This queue is itself where failures end up (a schedule dead-letter queue or a Lambda on-failure destination); nothing consumes it automatically, so it needs no dead-letter queue of its own. Its depth is alarmed and messages are kept 14 days for a person to act on (the alarm says how: invoke the function again, then delete the message).';
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason }, { id: 'Serverless-SQSRedrivePolicy', reason });
  return queue;
}
