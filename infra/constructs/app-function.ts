import { AssetHashType, DockerImage, Validations, type Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { dirname } from 'node:path';
import { deletablePartitions, tableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';
import { entryPath, functionEntries, type FunctionName } from './bundle-settings.js';
import { bundleEntrySync } from './build-bundle.js';
import type { TableAccess, TableAction } from './table-access.js';

/** Function logs hold request ids and errors, not plan text; six months covers an incident review. */
export const functionLogRetention = RetentionDays.SIX_MONTHS;

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
  /** The config's sender: the only From address the functions may send as, though SES would allow the whole domain. */
  fromAddress: string;
}

/**
 * The entry bundled by the local esbuild with the SDK inside (no Docker), split so that lazily imported
 * modules stay out of the cold start; NodejsFunction writes one file and cannot. The asset is named by
 * the hash of its output, so an unchanged bundle is not uploaded again.
 */
function bundledCode(name: FunctionName): Code {
  return Code.fromAsset(dirname(entryPath(name)), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds or throws, but CDK asks for an image.
      image: DockerImage.fromRegistry('node:24'),
      // CDK names its bundling folder by a hash of the source and these options: the entry must be in it,
      // or every function that shares the source folder would get the first one's bundle.
      command: ['esbuild', functionEntries[name]],
      local: {
        tryBundle(outputDir) {
          bundleEntrySync(name, outputDir);
          return true;
        },
      },
    },
  });
}

/**
 * Every Lambda's defaults in one place: Node.js 24 on arm64, bundled locally by esbuild with the SDK
 * inside, its own role (no managed policies) and log group. Each environment variable comes with the
 * grant that makes it usable, so a function can only reach what it was given.
 */
export class AppFunction extends Construct {
  readonly name: FunctionName;
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.name = props.name;
    this.logGroup = new LogGroup(this, 'Logs', { retention: functionLogRetention });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.name} function: its log group, X-Ray and what it was granted below`,
    });
    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.name),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      // Asynchronous invocations that still fail after Lambda's two retries go to the queue, with the error.
      ...(props.failedEventQueue ? { onFailure: new SqsDestination(props.failedEventQueue), retryAttempts: 2 } : {}),
      environment: { FORCE_CONFIG: props.forceConfigJson },
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
   * Sets TABLE_NAME and grants exactly `access` (see table-access.ts): its actions on the table, Query on
   * the indexes it names. Written out rather than `grantReadWriteData` so that there is no Scan, no
   * streams, no `index/*` wildcard and no operation the function never sends.
   */
  useTable(table: ITableV2, access: TableAccess): this {
    this.function.addEnvironment('TABLE_NAME', table.tableName);
    const deleting = new Set<TableAction>(['DeleteItem', 'BatchWriteItem']);
    const others = access.actions.filter((action) => !deleting.has(action));
    const deletes = access.actions.filter((action) => deleting.has(action));
    if (others.length > 0) {
      this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: others.map((action) => `dynamodb:${action}`), resources: [table.tableArn] }));
    }
    if (deletes.length > 0) {
      if (!access.deletes?.length) throw new Error(`${this.node.id} deletes from the table: name the partitions it deletes from (table-access.ts)`);
      const leadingKeys = access.deletes.map((key) => `${deletablePartitions[key]}*`);
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: deletes.map((action) => `dynamodb:${action}`),
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys } },
        }),
      );
    }
    if (access.indexes.length > 0) {
      const indexArns = access.indexes.map((key) => `${table.tableArn}/index/${tableDefinition.indexes[key].name}`);
      this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:Query'], resources: indexArns }));
    }
    return this;
  }

  /** Sets SES_CONFIGURATION_SET and allows sending from the config's sender, as the force's identity, through that configuration set only. */
  useMail(mail: MailSending): this {
    this.function.addEnvironment('SES_CONFIGURATION_SET', mail.configurationSetName);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [mail.identityArn, mail.configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': mail.fromAddress } },
      }),
    );
    return this;
  }
}
