import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction, type MailSending } from './app-function.js';
import { failureQueue } from './failure-queue.js';
import { tableAccess } from './table-access.js';

export interface MailProps {
  senderDomain: string;
  /** The config's sender, at `senderDomain`. */
  sender: string;
  table: ITableV2;
  forceConfigJson: string;
}

/**
 * Sending as the force's domain: the SES identity with DKIM (its DNS records are stack outputs), a
 * configuration set that suppresses addresses that bounced or complained, and bounce and complaint
 * events through an encrypted topic to the mail-events function, which marks the person so that
 * reminders go to their SRO instead.
 */
export class Mail extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly topicKey: Key;
  readonly eventsTopic: Topic;
  readonly mailEvents: AppFunction;
  readonly failedEvents: Queue;
  readonly sending: MailSending;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.senderDomain),
      configurationSet: this.configurationSet,
    });
    this.identity.dkimRecords.forEach((record, i) => {
      // At the stack's top level, named as the README names it (see web.ts).
      new CfnOutput(Stack.of(this), `DkimRecord${i + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${i + 1} of 3 for ${props.senderDomain}: add it to the domain's DNS`,
      });
    });

    this.topicKey = new Key(this, 'TopicKey', {
      enableKeyRotation: true,
      description: 'Encrypts the SES bounce and complaint topic',
    });
    // SES publishes to the encrypted topic, so it must be able to use the key; only for this account.
    this.topicKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.eventsTopic = new Topic(this, 'EventsTopic', { masterKey: this.topicKey, enforceSSL: true });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.eventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.failedEvents = failureQueue(this, 'FailedEvents');
    this.mailEvents = new AppFunction(this, 'MailEvents', {
      name: 'mailEvents',
      description: 'Marks people whose address bounced or complained, and board summaries that bounced',
      forceConfigJson: props.forceConfigJson,
      memorySize: 256,
      timeout: Duration.seconds(30),
      failedEventQueue: this.failedEvents,
    }).useTable(props.table, tableAccess.mailEvents);
    this.eventsTopic.addSubscription(new LambdaSubscription(this.mailEvents.function, { deadLetterQueue: this.failedEvents }));

    this.sending = {
      fromAddress: props.sender,
      configurationSetName: this.configurationSet.configurationSetName,
      identityArn: this.identity.emailIdentityArn,
      configurationSetArn: Stack.of(this).formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: this.configurationSet.configurationSetName,
      }),
    };
  }
}
