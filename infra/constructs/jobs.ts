import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ForceConfig } from '../../functions/core/config/force-config.js';
import { AppFunction, type MailSending } from './app-function.js';
import type { FunctionName } from './bundle-settings.js';
import { failureQueue } from './failure-queue.js';
import { tableAccess } from './table-access.js';
import { toSchedulerCron } from './scheduler-cron.js';

/** Scheduler retries a failed invocation this often, for this long, then puts the event on the DLQ. */
export const scheduleRetry = { retryAttempts: 3, maxEventAge: Duration.hours(6) };

interface JobSpec {
  name: Extract<FunctionName, 'reminders' | 'boardSummary'>;
  id: string;
  cron: string;
  field: string;
  description: string;
  memorySize: number;
  /** The event the entry's handler parses (its schema is in functions/<entry>.ts). */
  input: ScheduleTargetInput;
}

export interface JobsProps {
  config: ForceConfig;
  table: ITableV2;
  mail: MailSending;
  forceConfigJson: string;
}

/** A scheduled job: its function and the schedule that runs it. */
export interface Job {
  fn: AppFunction;
  schedule: Schedule;
}

/**
 * The reminder and board-summary jobs, run by EventBridge Scheduler at the config's times in the
 * config's time zone (so 09:00 stays 09:00 across the clock change).
 */
export class Jobs extends Construct {
  readonly failedRuns: Queue;
  readonly schedulerRole: Role;
  readonly jobs: Partial<Record<JobSpec['name'], Job>> = {};

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    this.failedRuns = failureQueue(this, 'FailedRuns');
    // Our own role rather than the stack-wide one the schedule target would create, so it can be reviewed here.
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
      description: 'Lets EventBridge Scheduler invoke the job functions and put failed runs on their dead-letter queue',
    });
    const specs: JobSpec[] = [
      {
        name: 'reminders',
        id: 'Reminders',
        cron: props.config.schedules.reminders,
        field: 'schedules.reminders',
        description: 'Sends each owner one digest of their stale actions; escalates to the SRO',
        memorySize: 512,
        input: ScheduleTargetInput.fromObject({
          job: 'reminders',
          scheduledTime: ContextAttribute.scheduledTime,
          executionId: ContextAttribute.executionId,
        }),
      },
      {
        name: 'boardSummary',
        id: 'BoardSummary',
        cron: props.config.schedules.boardSummary,
        field: 'schedules.boardSummary',
        description: 'Compiles and sends the monthly board summary and Excel pack',
        memorySize: 1024,
        // On the month's first working day, judged by when the schedule fired, the job compiles the month
        // just ended; an operator may invoke it with { month }.
        input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
      },
    ];
    for (const spec of specs) {
      this.jobs[spec.name] = this.addJob(spec, props);
    }
  }

  private addJob(spec: JobSpec, props: JobsProps): Job {
    const fn = new AppFunction(this, spec.id, {
      name: spec.name,
      description: spec.description,
      forceConfigJson: props.forceConfigJson,
      memorySize: spec.memorySize,
      // Sending is paced under the SES rate: a large force's digests take minutes, not seconds.
      timeout: Duration.minutes(10),
      failedEventQueue: this.failedRuns,
    })
      .useTable(props.table, tableAccess[spec.name])
      .useMail(props.mail);
    const schedule = new Schedule(this, `${spec.id}Schedule`, {
      description: `${spec.description} (${spec.cron} in ${props.config.timeZone})`,
      schedule: ScheduleExpression.expression(toSchedulerCron(spec.cron, spec.field), TimeZone.of(props.config.timeZone)),
      target: new LambdaInvoke(fn.function, {
        ...scheduleRetry,
        role: this.schedulerRole,
        deadLetterQueue: this.failedRuns,
        input: spec.input,
      }),
    });
    // The finding names the function's logical id, so the acknowledgement is for this function only.
    const logicalId = Stack.of(this).getLogicalId(fn.function.node.defaultChild as CfnFunction);
    Validations.of(this.schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason: `lambda:InvokeFunction on "<${spec.name} function ARN>:*" covers that one function's versions and aliases, as CDK's grantInvoke writes it; no other function is reachable.`,
    });
    return { fn, schedule };
  }
}
