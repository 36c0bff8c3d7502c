import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { templateOf } from './synth-force.js';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
const resources = (template: Template, type: string) => Object.entries(template.findResources(type)) as Array<[string, Resource]>;
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

const tableLogicalId = (template: Template) => resources(template, 'AWS::DynamoDB::GlobalTable')[0]![0];
const jobEntries = ['reminders', 'boardSummary'] as const;

/** A function's FORCE_CONFIG with the API's address token replaced, as Lambda would see it. */
function forceConfigOf(fn: Resource): unknown {
  const value = fn.Properties.Environment.Variables.FORCE_CONFIG as string | { 'Fn::Join': [string, unknown[]] };
  const text = typeof value === 'string' ? value : value['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'https://api.example')).join('');
  return JSON.parse(text);
}

describe('force stack for the sample configs', () => {
  let demo: Template;
  let northshire: Template;
  beforeAll(async () => {
    [demo, northshire] = await Promise.all([templateOf('demo'), templateOf('northshire')]);
  });

  describe('data', () => {
    it('keeps the table: point-in-time recovery, deletion protection, retained with the stack', () => {
      demo.hasResource('AWS::DynamoDB::GlobalTable', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          Replicas: [{ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }],
          TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        },
      });
    });

    it('declares the indexes from the one table definition the repository uses', () => {
      const [[, table]] = resources(demo, 'AWS::DynamoDB::GlobalTable') as [[string, Resource]];
      const indexes = (table.Properties.GlobalSecondaryIndexes as Array<{ IndexName: string; KeySchema: Array<{ AttributeName: string }> }>).map((i) => [
        i.IndexName,
        ...i.KeySchema.map((k) => k.AttributeName),
      ]);
      expect(indexes).toEqual(Object.values(tableDefinition.indexes).map((i) => [i.name, i.partitionKey, i.sortKey]));
    });
  });

  describe('functions', () => {
    it('has the http and mail-events functions and one per job entry in the checkout', () => {
      expect(resources(demo, 'AWS::Lambda::Function')).toHaveLength(2 + jobEntries.length);
    });

    it('runs every function on Node.js 24, arm64, with memory, timeout, tracing and a log group with retention', () => {
      const logGroups = Object.fromEntries(resources(demo, 'AWS::Logs::LogGroup'));
      for (const [id, fn] of resources(demo, 'AWS::Lambda::Function')) {
        expect(fn.Properties, id).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler', TracingConfig: { Mode: 'Active' } });
        expect(fn.Properties.MemorySize, id).toBeGreaterThanOrEqual(256);
        expect(fn.Properties.Timeout, id).toBeGreaterThan(3);
        const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
        expect(logGroups[logGroupId]?.Properties.RetentionInDays, id).toBe(180);
      }
    });

    it('gives each function the whole force config except the deploy section, with the address the app is served at', () => {
      for (const [template, baseUrl] of [
        [demo, 'https://api.example'],
        [northshire, 'https://actions.northshire.example'],
      ] as const) {
        for (const [id, fn] of resources(template, 'AWS::Lambda::Function')) {
          const config = forceConfigOf(fn);
          expect(config, id).not.toHaveProperty('deploy');
          expect(parseForceConfig(config, id).baseUrl).toBe(baseUrl);
          expect(fn.Properties.Environment.Variables.TABLE_NAME, id).toEqual({ Ref: tableLogicalId(template) });
        }
      }
    });

    it('sends failed asynchronous invocations of the jobs and mail events to a queue', () => {
      const configs = resources(demo, 'AWS::Lambda::EventInvokeConfig');
      expect(configs).toHaveLength(1 + jobEntries.length);
      for (const [, config] of configs) {
        expect(config.Properties).toMatchObject({ MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } } } });
      }
    });
  });

  describe('least privilege', () => {
    const statements = (template: Template) =>
      resources(template, 'AWS::IAM::Policy').flatMap(([id, policy]) =>
        (policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>).map((s) => ({ policy: id, ...s, Action: asArray(s.Action) })),
      );

    it('has no IAM statement with a wildcard action, and none that scans or touches the table beyond item reads and writes', () => {
      const table = tableLogicalId(demo);
      for (const statement of statements(demo)) {
        for (const action of statement.Action) expect(action, statement.policy).not.toMatch(/\*/);
        if (JSON.stringify(statement.Resource).includes(table)) {
          expect(statement.Action.every((a) => /^dynamodb:(GetItem|BatchGetItem|Query|PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/.test(a)), statement.policy).toBe(true);
        }
      }
    });

    it('allows Resource "*" only for the X-Ray actions, which have no resource-level permissions', () => {
      const starred = statements(demo).filter((s) => s.Resource === '*');
      expect(starred.length).toBeGreaterThan(0);
      for (const statement of starred) expect(statement.Action).toEqual(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']);
    });

    it('lets only the sending functions send, as the force identity through its configuration set', () => {
      const senders = statements(demo).filter((s) => s.Action.some((a) => a.startsWith('ses:')));
      const senderNames = senders.map((s) => s.policy.replace(/RoleDefaultPolicy.*$/, '')).sort();
      expect(senderNames).toEqual(['WebHttp', ...jobEntries.map((name) => `Jobs${name[0]!.toUpperCase()}${name.slice(1)}`)].sort());
      for (const statement of senders) {
        expect(statement.Action).toEqual(['ses:SendEmail']);
        const resourcesText = JSON.stringify(statement.Resource);
        expect(resourcesText).toMatch(/:ses:eu-west-2:111111111111:identity\/",\{"Ref":"MailIdentity/);
        expect(resourcesText).toMatch(/:ses:eu-west-2:111111111111:configuration-set\/",\{"Ref":"MailConfigurationSet/);
        expect(asArray(statement.Resource)).toHaveLength(2);
      }
    });

    it('uses no managed policies', () => {
      for (const [id, role] of resources(demo, 'AWS::IAM::Role')) expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    });
  });

  describe('jobs', () => {
    it('runs each schedule in Europe/London with a retry policy, a dead-letter queue and the input its handler reads', () => {
      const schedules = resources(demo, 'AWS::Scheduler::Schedule');
      expect(schedules).toHaveLength(jobEntries.length);
      const expressions = schedules.map(([, schedule]) => {
        expect(schedule.Properties).toMatchObject({
          ScheduleExpressionTimezone: 'Europe/London',
          FlexibleTimeWindow: { Mode: 'OFF' },
          Target: {
            RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21600 },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/^JobsFailedRuns/), 'Arn'] } },
            Input: expect.any(String),
          },
        });
        return schedule.Properties.ScheduleExpression as string;
      });
      const expected = { reminders: 'cron(0 9 ? * MON-FRI *)', boardSummary: 'cron(30 7 1-7 * ? *)' };
      expect(expressions.sort()).toEqual(jobEntries.map((name) => expected[name]).sort());
    });

    it('keeps failed runs on an encrypted, TLS-only queue for 14 days', () => {
      for (const [id, queue] of resources(demo, 'AWS::SQS::Queue')) {
        expect(queue.Properties, id).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
      }
      demo.hasResourceProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    });
  });

  describe('mail', () => {
    it('verifies the sender domain with DKIM and prints its DNS records', () => {
      demo.hasResourceProperties('AWS::SES::EmailIdentity', {
        EmailIdentity: 'northshire.example',
        DkimAttributes: Match.absent(),
        ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('^MailConfigurationSet') } },
      });
      expect(Object.keys(demo.findOutputs('*')).filter((key) => /DkimRecord[123]/.test(key))).toHaveLength(3);
    });

    it('has a configuration set with the suppression list on, requiring TLS', () => {
      demo.hasResourceProperties('AWS::SES::ConfigurationSet', {
        SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
        DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      });
    });

    it('publishes bounces and complaints to an encrypted topic that the mail-events function reads', () => {
      demo.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['bounce', 'complaint'],
          SnsDestination: { TopicARN: { Ref: Match.stringLikeRegexp('^MailEventsTopic') } },
        },
      });
      demo.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MailTopicKey'), 'Arn'] } });
      demo.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'lambda',
        Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MailMailEventsFunction'), 'Arn'] },
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MailFailedEvents'), 'Arn'] } },
      });
    });
  });

  describe('web', () => {
    it('throttles the HTTP API and writes access logs without the path (owner links carry their token there)', () => {
      const [[, stage]] = resources(demo, 'AWS::ApiGatewayV2::Stage') as [[string, Resource]];
      expect(stage.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true, DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 } });
      const format = stage.Properties.AccessLogSettings.Format as string;
      expect(JSON.parse(format)).toHaveProperty('requestId', '$context.requestId');
      expect(format).not.toMatch(/path|routeKey|\$context\.uri/i);
    });

    it('sends every path to the http function through one $default route', () => {
      demo.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
      demo.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    });

    it('gives the http function a whole vCPU, as its cold start is CPU-bound and most visits are one', () => {
      demo.hasResourceProperties('AWS::Lambda::Function', { Description: 'Owner links and admin console (Hono)', MemorySize: 1769 });
    });

    it('serves the force with a custom domain on that domain only', () => {
      northshire.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
        DomainName: 'actions.northshire.example',
        DomainNameConfigurations: [Match.objectLike({ CertificateArn: Match.stringLikeRegexp('^arn:aws:acm:eu-west-2:222222222222:') })],
      });
      northshire.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
      northshire.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
      demo.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    });
  });

  describe('alarms', () => {
    it('alarms on errors and throttles of every function and on anything waiting on a dead-letter queue', () => {
      const functions = resources(demo, 'AWS::Lambda::Function').length;
      const alarms = resources(demo, 'AWS::CloudWatch::Alarm');
      const metrics = alarms.map(([, alarm]) => `${alarm.Properties.Namespace}/${alarm.Properties.MetricName}`);
      expect(metrics.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(functions);
      expect(metrics.filter((m) => m === 'AWS/Lambda/Throttles')).toHaveLength(functions);
      expect(metrics.filter((m) => m === 'AWS/SQS/ApproximateNumberOfMessagesVisible')).toHaveLength(2);
      for (const [id, alarm] of alarms) {
        expect(alarm.Properties, id).toMatchObject({ Threshold: 1, AlarmActions: [{ Ref: expect.stringMatching(/^AlarmsTopic/) }] });
      }
    });

    it('emails the alarm address through an encrypted topic', () => {
      demo.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'it.service.desk@northshire.example' });
      demo.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlarmsTopicKey'), 'Arn'] } });
      for (const [id, key] of resources(demo, 'AWS::KMS::Key')) expect(key.Properties.EnableKeyRotation, id).toBe(true);
    });
  });
});
