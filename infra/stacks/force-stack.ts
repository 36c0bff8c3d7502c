import { Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { runtimeConfigOf, type DeployConfig, type ForceConfig } from '../../functions/core/config/force-config.js';
import { Alarms } from '../constructs/alarms.js';
import type { AppFunction } from '../constructs/app-function.js';
import { Data } from '../constructs/data.js';
import { Jobs } from '../constructs/jobs.js';
import { Mail } from '../constructs/mail.js';
import { Web } from '../constructs/web.js';

/**
 * Lambda allows 4 KB for all of a function's environment variables; FORCE_CONFIG gets what the table
 * name, the configuration set's name and the variable names leave.
 */
export const maxForceConfigBytes = 3584;

/** Refused at synth, naming what to shorten: past the limit the deploy itself fails, much later. */
function checkForceConfigSize(config: Omit<ForceConfig, 'deploy'>, deploy: DeployConfig): void {
  // Without a custom domain the app's address is the API's own, known only at deploy: allow for its length.
  const baseUrl = deploy.domainName ? `https://${deploy.domainName}` : `https://abcdefghij.execute-api.${deploy.region}.amazonaws.com`;
  const bytes = Buffer.byteLength(JSON.stringify({ ...config, baseUrl }));
  if (bytes > maxForceConfigBytes) {
    throw new Error(
      `Force config infra/forces/${config.id}.json is too large to deploy: the functions receive it in an environment variable, ` +
        `which Lambda limits, and it would take ${bytes} bytes of the ${maxForceConfigBytes} it can have. ` +
        `Shorten the admins and board lists (${config.admins.length + config.board.length} addresses): a shared mailbox can stand for several people.`,
    );
  }
}

export interface ForceStackProps extends StackProps {
  config: ForceConfig;
  deploy: DeployConfig;
}

/** One force, one stack: every construct of a concern is composed here. */
export class ForceStack extends Stack {
  readonly data: Data;
  readonly mail: Mail;
  readonly web: Web;
  readonly jobs: Jobs;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: ForceStackProps) {
    super(scope, id, props);
    const { config, deploy } = props;
    // Every function reads the same config. Its baseUrl is where the app is served, known only once the
    // web construct exists (the API's own address when there is no custom domain), hence Lazy. The
    // deploy section stays out: the functions do not need account ids or the alarm email.
    const runtimeConfig = runtimeConfigOf(config);
    checkForceConfigSize(runtimeConfig, deploy);
    const forceConfigJson = Lazy.string({ produce: () => this.toJsonString({ ...runtimeConfig, baseUrl: this.web.url }) });

    this.data = new Data(this, 'Data');
    this.mail = new Mail(this, 'Mail', { senderDomain: deploy.senderDomain, sender: config.sender, table: this.data.table, forceConfigJson });
    this.web = new Web(this, 'Web', { table: this.data.table, mail: this.mail.sending, forceConfigJson, deploy });
    this.jobs = new Jobs(this, 'Jobs', { config, table: this.data.table, mail: this.mail.sending, forceConfigJson });

    const functions: Record<string, AppFunction> = { Http: this.web.http, MailEvents: this.mail.mailEvents };
    if (this.jobs.jobs.reminders) functions.Reminders = this.jobs.jobs.reminders.fn;
    if (this.jobs.jobs.boardSummary) functions.BoardSummary = this.jobs.jobs.boardSummary.fn;
    this.alarms = new Alarms(this, 'Alarms', {
      alarmEmail: deploy.alarmEmail,
      functions,
      web: this.web,
      reminders: this.jobs.jobs.reminders?.fn,
      boardSummary: this.jobs.jobs.boardSummary?.fn,
      failedJobRuns: this.jobs.failedRuns,
      failedMailEvents: this.mail.failedEvents,
    });
  }
}
