import { Validations, type Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';
import { bundleSettings, entryPath, repoRoot, type FunctionName } from './bundle-settings.js';

/** Function logs hold request ids and errors, not plan text; six months covers an incident review. */
export const functionLogRetention = RetentionDays.SIX_MONTHS;

/** The item operations the repositories use (batch forms included); never Scan, streams or table management. */
export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
};

export interface AppFunctionProps {
  name: FunctionName;
  description: string;
  /** The force config as JSON (may hold tokens, such as the API's URL); read by functions/runtime/lambda-env.ts. */
  forceConfigJson: string;
  memorySize: number;
  timeout: Duration;
  /** For functions invoked asynchronously (schedules, SNS): events that still fail after Lambda's retries land here. */
  failedEventQueue?: IQueue;
}

export interface MailSending {
  configurationSetName: string;
  identityArn: string;
  configurationSetArn: string;
}

/**
 * Every Lambda's defaults in one place: Node.js 24 on arm64, bundled locally by esbuild with the SDK
 * inside, its own role (no managed policies) and log group. Each environment variable comes with the
 * grant that makes it usable, so a function can only reach what it was given.
 */
export class AppFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: functionLogRetention });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.name} function: its log group, X-Ray and what it was granted below`,
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: entryPath(props.name),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}package-lock.json`,
      // Asynchronous invocations that still fail after Lambda's two retries go to the queue, with the error.
      ...(props.failedEventQueue ? { onFailure: new SqsDestination(props.failedEventQueue), retryAttempts: 2 } : {}),
      environment: { FORCE_CONFIG: props.forceConfigJson },
      bundling: {
        forceDockerBundling: false,
        bundleAwsSDK: true,
        externalModules: [],
        target: bundleSettings.target,
        format: OutputFormat.ESM,
        minify: bundleSettings.minify,
        sourceMap: bundleSettings.sourceMap,
        sourcesContent: false,
        mainFields: [...bundleSettings.mainFields],
        banner: bundleSettings.banner,
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: props.failedEventQueue
        ? 'Failed asynchronous invocations go to an on-failure destination (SQS), which keeps the error and request context as well as the event; it supersedes a dead-letter queue.'
        : 'Invoked synchronously by API Gateway: the caller receives the error and there is no event to keep.',
    });
    // The function writes to its own log group only (instead of the managed AWSLambdaBasicExecutionRole).
    this.logGroup.grantWrite(this.role);
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords), added by `tracing: ACTIVE`: these actions have no resource-level permissions, so IAM requires Resource "*".',
    });
  }

  /**
   * Sets TABLE_NAME and grants the item actions of `access` on the table and its named indexes. Written
   * out rather than `grantReadWriteData` so that there is no Scan (the design never scans), no streams
   * and no `index/*` wildcard.
   */
  useTable(table: ITableV2, access: 'read' | 'readWrite'): this {
    this.function.addEnvironment('TABLE_NAME', table.tableName);
    const indexArns = Object.values(tableDefinition.indexes).map((index) => `${table.tableArn}/index/${index.name}`);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: tableActions.read, resources: [table.tableArn, ...indexArns] }),
    );
    if (access === 'readWrite') {
      this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: tableActions.write, resources: [table.tableArn] }));
    }
    return this;
  }

  /** Sets SES_CONFIGURATION_SET and allows sending as the force's identity through that configuration set only. */
  useMail(mail: MailSending): this {
    this.function.addEnvironment('SES_CONFIGURATION_SET', mail.configurationSetName);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [mail.identityArn, mail.configurationSetArn],
      }),
    );
    return this;
  }
}
