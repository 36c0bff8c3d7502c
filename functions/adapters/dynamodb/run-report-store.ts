import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RunReport, type RunReportStore } from '../../core/reminders/run-report.js';
import { queryFirst } from './query-all.js';

const runPk = 'RUN#reminders';

/**
 * Reminder run reports in the force table, one partition for the job: sk is the ISO start time followed
 * by the run id (two runs may start in the same millisecond), so a Query read backwards gives the newest.
 */
export class DynamoRunReportStore implements RunReportStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(report: RunReport): Promise<void> {
    const item = { ...RunReport.parse(report), pk: runPk, sk: `${new Date(report.startedAt).toISOString()}#${report.runId}` };
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  async listRecent(limit: number): Promise<RunReport[]> {
    const items = await queryFirst(this.doc, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': runPk }, ScanIndexForward: false }, limit);
    return items.map(({ pk: _pk, sk: _sk, ...report }) => RunReport.parse(report));
  }
}
