import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoLinkTokenStore } from '../../functions/adapters/dynamodb/link-token-store.js';
import { DynamoRepository } from '../../functions/adapters/dynamodb/dynamo-repository.js';
import { DynamoRunReportStore } from '../../functions/adapters/dynamodb/run-report-store.js';
import { createSesClient, SesMailer } from '../../functions/adapters/ses/ses-mailer.js';
import type { ForceConfig } from '../../functions/core/config/force-config.js';
import type { RunRemindersDeps } from '../../functions/core/reminders/run-reminders.js';
import { reminderJobDeps } from '../../functions/reminder-job.js';
import { startLocalSes, type StandIn } from '../../infra/local/stand-ins.js';
import { startDynamoFixture, type DynamoFixture } from '../adapters/dynamo-fixture.js';

export interface StoredEmail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/** dynalite with a command-counting document client, and aws-ses-v2-local read back through /store. */
export class StandIns {
  private constructor(
    readonly dynamo: DynamoFixture,
    readonly ses: StandIn,
  ) {}

  static async start(): Promise<StandIns> {
    return new StandIns(await startDynamoFixture(), await startLocalSes());
  }

  /** A fresh table and an empty mail store, with the production adapters on them. */
  async force(config: ForceConfig): Promise<{ tableName: string; repository: DynamoRepository; sesClient: SESv2Client; deps: (overrides?: Partial<RunRemindersDeps>) => RunRemindersDeps }> {
    const tableName = await this.dynamo.createTable();
    await fetch(`${this.ses.endpoint}/clear-store`, { method: 'POST' });
    const repository = new DynamoRepository(this.dynamo.doc, tableName);
    const sesClient = createSesClient({ region: 'eu-west-2', sesEndpoint: this.ses.endpoint });
    const mailer = new SesMailer(sesClient, config.sender);
    const core = {
      config,
      repository,
      clock: { now: () => new Date() },
      getMailer: async () => mailer,
      linkTokens: new DynamoLinkTokenStore(this.dynamo.doc, tableName),
      runReports: new DynamoRunReportStore(this.dynamo.doc, tableName),
    };
    const deps = (overrides: Partial<RunRemindersDeps> = {}): RunRemindersDeps => ({ ...reminderJobDeps(core, () => undefined), ...overrides });
    return { tableName, repository, sesClient, deps };
  }

  async sent(): Promise<StoredEmail[]> {
    const response = await fetch(`${this.ses.endpoint}/store`);
    return ((await response.json()) as { emails: StoredEmail[] }).emails;
  }

  /** How many emails each address received. */
  async countsByAddress(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const email of await this.sent()) for (const to of email.destination.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    return counts;
  }

  async stop(): Promise<void> {
    await this.dynamo.close();
    await this.ses.close();
  }
}

/** An SDK middleware that fails chosen SendEmail calls before they leave, as SES would refuse them. */
export function failSends(client: SESv2Client, name: string, fail: (to: string[]) => Error | null): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { Destination?: { ToAddresses?: string[] } };
      const error = fail(input.Destination?.ToAddresses ?? []);
      if (error) throw error;
      return next(args);
    },
    { step: 'initialize', name },
  );
}
