import { Match, type Template } from 'aws-cdk-lib/assertions';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { templateOf } from './synth-force.js';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
const resources = (template: Template, type: string) => Object.entries(template.findResources(type)) as Array<[string, Resource]>;
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

const tableLogicalId = (template: Template) => resources(template, 'AWS::DynamoDB::GlobalTable')[0]![0];
const jobEntries = ['reminders', 'boardSummary'] as const;
const adaptersDir = fileURLToPath(new URL('../../functions/adapters/dynamodb/', import.meta.url));
/** The DocumentClient commands and the DynamoDB actions IAM knows them by; any other command shows as itself and fails. */
const commandActions: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  Query: 'Query',
  BatchWrite: 'BatchWriteItem',
};

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
        (policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }>).map((s) => ({ policy: id, ...s, Action: asArray(s.Action) })),
      );

    /** Where a statement's resource points in the table: "table", "index <name>", or null when elsewhere. */
    function tableTarget(resource: unknown, table: string): string | null {
      const text = JSON.stringify(resource);
      if (!text.includes(table)) return null;
      if (text === JSON.stringify({ 'Fn::GetAtt': [table, 'Arn'] })) return 'table';
      return `index ${/"\/index\/([\w-]+)"/.exec(text)?.[1] ?? text}`;
    }

    /** Each function's table grants as "action on target", by the role's construct path (WebHttp, JobsReminders…). */
    function tableGrants(template: Template): Record<string, string[]> {
      const table = tableLogicalId(template);
      const grants: Record<string, string[]> = {};
      for (const statement of statements(template)) {
        const fn = statement.policy.replace(/RoleDefaultPolicy.*$/, '');
        for (const target of asArray(statement.Resource).map((resource) => tableTarget(resource, table))) {
          if (target) (grants[fn] ??= []).push(...statement.Action.map((action) => `${action} on ${target}`));
        }
      }
      return Object.fromEntries(Object.entries(grants).map(([fn, list]) => [fn, list.sort()]));
    }

    it('has no IAM statement with a wildcard action, and none that scans or touches the table beyond item reads and writes', () => {
      const table = tableLogicalId(demo);
      for (const statement of statements(demo)) {
        for (const action of statement.Action) expect(action, statement.policy).not.toMatch(/\*/);
        if (JSON.stringify(statement.Resource).includes(table)) {
          expect(statement.Action.every((a) => /^dynamodb:(GetItem|Query|PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/.test(a)), statement.policy).toBe(true);
        }
      }
    });

    it('lets no function delete outside sessions, import drafts and summaries: never an action, a history or the audit log', () => {
      const table = tableLogicalId(demo);
      const deleters: Record<string, unknown> = {};
      for (const statement of statements(demo)) {
        if (!JSON.stringify(statement.Resource).includes(table)) continue;
        if (!statement.Action.some((a) => a === 'dynamodb:DeleteItem' || a === 'dynamodb:BatchWriteItem')) continue;
        // Deleting shares no statement with reads and writes, and always carries the partitions it may reach.
        expect(statement.Action.every((a) => a === 'dynamodb:DeleteItem' || a === 'dynamodb:BatchWriteItem'), statement.policy).toBe(true);
        deleters[statement.policy.replace(/RoleDefaultPolicy.*$/, '')] = statement.Condition;
      }
      expect(deleters).toEqual({
        WebHttp: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SESSION#*', 'IMPORTDRAFT#*', 'SUMMARY#*'] } },
        JobsBoardSummary: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SUMMARY#*'] } },
      });
    });

    it('gives each function exactly the table operations its code sends, on the table or the index it sends them to', () => {
      const onTable = (...actions: string[]) => actions.map((action) => `dynamodb:${action} on table`);
      const queries = (...indexes: string[]) => indexes.map((index) => `dynamodb:Query on index ${index}`);
      const expected = {
        WebHttp: [...onTable('GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'Query'), ...queries('open-by-last-updated', 'by-type')],
        JobsReminders: [...onTable('GetItem', 'PutItem', 'Query'), ...queries('open-by-last-updated', 'by-type')],
        JobsBoardSummary: [...onTable('GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'), ...queries('by-type')],
        MailMailEvents: [...onTable('GetItem', 'UpdateItem'), ...queries('by-type')],
      };
      expect(tableGrants(demo)).toEqual(Object.fromEntries(Object.entries(expected).map(([fn, grants]) => [fn, grants.sort()])));
    });

    it('grants, between the functions, every operation the DynamoDB adapters send and no other', async () => {
      const sent = new Set<string>();
      for (const file of await readdir(adaptersDir)) {
        // create-table.ts makes the local runner's table; no function runs it.
        if (file === 'create-table.ts') continue;
        const source = await readFile(join(adaptersDir, file), 'utf8');
        for (const [, command] of source.matchAll(/new (\w+)Command\(/g)) sent.add(`dynamodb:${commandActions[command!] ?? command}`);
      }
      const granted = new Set(Object.values(tableGrants(demo)).flatMap((grants) => grants.map((grant) => grant.split(' ')[0]!)));
      expect([...granted].sort()).toEqual([...sent].sort());
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
        // SES would let the role send as any address at the domain: only the config's sender is allowed.
        expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'action-plan@northshire.example' } });
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
      // Each job is told when its schedule fired: a retry judges the day by that, not by when it runs.
      for (const [, schedule] of schedules) expect(JSON.parse(schedule.Properties.Target.Input as string)).toMatchObject({ scheduledTime: '<aws.scheduler.scheduled-time>' });
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
      // Printed as the README's deploy steps name them.
      expect(Object.keys(demo.findOutputs('*')).sort()).toEqual(['DkimRecord1', 'DkimRecord2', 'DkimRecord3', 'HttpLogGroup', 'Url']);
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

    it("prints the web app's log group, where a sign-in email that did not arrive has its SES error", () => {
      expect(demo.findOutputs('HttpLogGroup').HttpLogGroup?.Value).toEqual({ Ref: expect.stringMatching(/^WebHttpLogs/) });
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
      expect(northshire.findOutputs('DomainTarget').DomainTarget?.Description).toBe('Create a CNAME record: actions.northshire.example -> this value');
    });
  });

  describe('alarms', () => {
    const alarmsOf = (template: Template) => resources(template, 'AWS::CloudWatch::Alarm');
    /** An alarm description with each name CloudFormation fills in at deploy written as <name>. */
    const descriptionOf = (alarm: Resource): string => {
      const description = alarm.Properties.AlarmDescription as string | { 'Fn::Join': [string, unknown[]] };
      return typeof description === 'string' ? description : description['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : '<name>')).join('');
    };
    const alarmNamed = (template: Template, id: RegExp): Resource => alarmsOf(template).find(([logicalId]) => id.test(logicalId))![1];

    it('alarms on errors and throttles of every function, on error pages, on reminder runs with failures, on board summaries not known to be sent and on anything waiting on a dead-letter queue', () => {
      const functions = resources(demo, 'AWS::Lambda::Function').length;
      const alarms = alarmsOf(demo);
      const metrics = alarms.map(([, alarm]) => `${alarm.Properties.Namespace}/${alarm.Properties.MetricName}`);
      expect(metrics.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(functions);
      expect(metrics.filter((m) => m === 'AWS/Lambda/Throttles')).toHaveLength(functions);
      expect(metrics.filter((m) => m === 'AWS/SQS/ApproximateNumberOfMessagesVisible')).toHaveLength(2);
      expect(metrics.filter((m) => m === 'AWS/ApiGateway/5xx')).toHaveLength(1);
      expect(metrics.filter((m) => m === 'ActionPlanTracker-demo/ReminderFailures')).toHaveLength(1);
      expect(metrics.filter((m) => m === 'ActionPlanTracker-demo/ReminderUnconfirmed')).toHaveLength(1);
      expect(metrics.filter((m) => m === 'ActionPlanTracker-demo/BoardSummaryUnconfirmed')).toHaveLength(1);
      expect(alarms).toHaveLength(2 * functions + 6);
      for (const [id, alarm] of alarms) {
        expect(alarm.Properties, id).toMatchObject({ Threshold: 1, EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [{ Ref: expect.stringMatching(/^AlarmsTopic/) }] });
      }
    });

    it('counts the error pages the web app serves, which its function returns without failing', () => {
      demo.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/ApiGateway',
        MetricName: '5xx',
        Dimensions: [
          { Name: 'ApiId', Value: { Ref: Match.stringLikeRegexp('^WebApi') } },
          { Name: 'Stage', Value: '$default' },
        ],
        Statistic: 'Sum',
        Period: 300,
      });
    });

    it('counts reminder runs that could not email someone, and board summary runs whose sends SES may not have taken, from the lines the jobs log, and alarms on them', () => {
      expect(resources(demo, 'AWS::Logs::MetricFilter').map(([, filter]) => filter.Properties)).toEqual([
        {
          LogGroupName: { Ref: expect.stringMatching(/^JobsRemindersLogs/) },
          FilterPattern: '{ $.job = "reminders" && $.failures > 0 }',
          MetricTransformations: [{ MetricNamespace: 'ActionPlanTracker-demo', MetricName: 'ReminderFailures', MetricValue: '$.failures' }],
        },
        {
          LogGroupName: { Ref: expect.stringMatching(/^JobsRemindersLogs/) },
          FilterPattern: '{ $.job = "reminders" && $.unconfirmed > 0 }',
          MetricTransformations: [{ MetricNamespace: 'ActionPlanTracker-demo', MetricName: 'ReminderUnconfirmed', MetricValue: '$.unconfirmed' }],
        },
        {
          LogGroupName: { Ref: expect.stringMatching(/^JobsBoardSummaryLogs/) },
          FilterPattern: '{ $.job = "board-summary" && $.unconfirmed > 0 }',
          MetricTransformations: [{ MetricNamespace: 'ActionPlanTracker-demo', MetricName: 'BoardSummaryUnconfirmed', MetricValue: '$.unconfirmed' }],
        },
      ]);
      for (const metric of ['ReminderFailures', 'ReminderUnconfirmed', 'BoardSummaryUnconfirmed']) {
        demo.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'ActionPlanTracker-demo', MetricName: metric, Statistic: 'Sum' });
      }
    });

    it('emails the alarm address through an encrypted topic', () => {
      demo.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'it.service.desk@northshire.example' });
      demo.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlarmsTopicKey'), 'Arn'] } });
      for (const [id, key] of resources(demo, 'AWS::KMS::Key')) expect(key.Properties.EnableKeyRotation, id).toBe(true);
    });

    it("lets CloudWatch of this account, and no other, publish to the alarm topic (enforceSSL's policy holds only a deny)", () => {
      const [[, policy]] = resources(demo, 'AWS::SNS::TopicPolicy').filter(([, p]) => /^AlarmsTopic/.test(p.Properties.Topics[0].Ref)) as [[string, Resource]];
      const topic = { Ref: expect.stringMatching(/^AlarmsTopic[0-9A-F]+$/) };
      expect(policy.Properties.PolicyDocument.Statement).toEqual([
        { Sid: 'AllowPublishThroughSSLOnly', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: topic, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        {
          Sid: 'AllowCloudWatchAlarms',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: topic,
          Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
        },
      ]);
    });

    it('lets CloudWatch use the alarm topic key for this account only', () => {
      const [[, key]] = resources(demo, 'AWS::KMS::Key').filter(([id]) => id.startsWith('AlarmsTopicKey')) as [[string, Resource]];
      expect(key.Properties.KeyPolicy.Statement).toContainEqual({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
      });
    });

    it('tells IT in each alarm where to look and what to do, within the 1,024 characters CloudWatch allows', () => {
      for (const [id, alarm] of alarmsOf(demo)) {
        const description = descriptionOf(alarm);
        // A filled-in log group, function or queue name is under 100 characters.
        expect(description.length + 100 * (description.match(/<name>/g)?.length ?? 0), id).toBeLessThanOrEqual(1024);
        expect(description, id).toMatch(/\b(Open|Check|Fix|invoke)\b/);
        expect(description, id).not.toMatch(/redrive or delete/);
      }
      expect(descriptionOf(alarmNamed(demo, /^AlarmsHttpServerErrors/))).toMatch(/^The web app served error pages \(HTTP 5xx\).* log group <name> /);
      expect(descriptionOf(alarmNamed(demo, /^AlarmsReminderFailures/))).toMatch(/log group <name> .*"failures".*the next working day's run tries those people again/);
      // The log line counts failures by reason; who failed is on the console's Reminders page (runLogLine).
      expect(descriptionOf(alarmNamed(demo, /^AlarmsReminderFailures/))).toMatch(/"failedReasons" counts them by reason.*Reminders page names each person/);
      expect(descriptionOf(alarmNamed(demo, /^AlarmsBoardSummaryUnconfirmed/))).toMatch(/log group <name> .*"unconfirmed" is above 0.*from 15 minutes after the run, the month's page .* offers to send it to them/);
    });

    it('says how to send a board summary whose run failed: by invoking the function with the month, as no scheduled run will', () => {
      const rerun = 'with {"month":"YYYY-MM"} (the month just ended): the scheduled runs later this month will not send it, and this sends it only to the board members who did not get it';
      expect(descriptionOf(alarmNamed(demo, /^AlarmsBoardSummaryErrors/))).toContain(`invoke the function <name> ${rerun}`);
      expect(descriptionOf(alarmNamed(demo, /^AlarmsFailedJobRunsWaiting/))).toContain(`If it was the board summary, invoke the board-summary function ${rerun}`);
      expect(descriptionOf(alarmNamed(demo, /^AlarmsFailedJobRunsWaiting/))).toMatch(/cannot be redriven into a function\.$/);
    });
  });
});
