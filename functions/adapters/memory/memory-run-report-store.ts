import { RunReport, type RunReportStore } from '../../core/reminders/run-report.js';

/** The RunReportStore port in memory: for tests and the dry runs of benchmarks. */
export class MemoryRunReportStore implements RunReportStore {
  private readonly reports: RunReport[] = [];

  async save(report: RunReport): Promise<void> {
    this.reports.push(RunReport.parse(structuredClone(report)));
  }

  async listRecent(limit: number): Promise<RunReport[]> {
    return [...this.reports]
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
      .slice(0, limit)
      .map((r) => structuredClone(r));
  }
}
