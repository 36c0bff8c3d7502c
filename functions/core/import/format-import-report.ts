import type { ImportProblem } from './cells.js';
import type { Counts, ImportReport } from './apply-import.js';
import type { PlanSummary } from './import-plan.js';
import { planFieldWords, type PlanField } from './match-headings.js';
import { fieldLabels } from '../model/field-labels.js';
import type { FieldChange } from '../model/update.js';
import { plural } from '../words.js';

const counts = (c: Counts) => `${c.created} new, ${c.updated} changed, ${c.unchanged} unchanged`;

export function formatProblem(p: ImportProblem): string {
  const where = [p.file, p.row > 0 ? `row ${p.row}` : null, p.ref ? `action ${p.ref}` : null, p.column ? `"${p.column}"` : null].filter(Boolean).join(', ');
  return `${p.severity === 'error' ? 'Error' : 'Warning'}${where ? ` (${where})` : ''}: ${p.message}`;
}

/** Who an action passes from and to: the change a reverted reassignment makes, so the one worth spelling out. */
const peopleFields = new Set(['ownerIds', 'sroId']);

function describeChange({ field, from, to }: FieldChange, names: Record<string, string>): string {
  const label = fieldLabels[field] ?? field;
  if (!peopleFields.has(field)) return label;
  const inWords = (value: unknown) => {
    const ids: unknown[] = Array.isArray(value) ? value : value === null ? [] : [value];
    return ids.map((id) => names[String(id)] ?? String(id)).join(', ') || 'nobody';
  };
  return `${label}: ${inWords(from)} → ${inWords(to)}`;
}

/** The fields a plan has no column for, which stored actions keep, in words. */
export const absentLine = (absent: readonly PlanField[]) => `Not in the file, so each stored action keeps its own: ${absent.map((field) => planFieldWords[field]).join(', ')}`;

/** The report as plain text: what was read, what was (or would be) written, each problem on a line. */
export function formatImportReport(report: ImportReport & { plan?: PlanSummary | null }): string {
  const lines: string[] = [];
  if (report.plan) {
    const k = report.plan.kinds;
    lines.push(
      `Read ${plural(report.plan.actions, 'action')} (${plural(k.recommendation, 'recommendation')}, ${plural(k.afi, 'area for improvement', 'areas for improvement')}, ${plural(k['cause-of-concern'], 'cause of concern', 'causes of concern')}) in ${plural(report.plan.areas.length, 'area')}: ${report.plan.areas.join(', ')}`,
    );
    if (report.plan.absent.length > 0) lines.push(absentLine(report.plan.absent));
  }
  const verb = report.outcome === 'written' ? 'Written' : 'Would write';
  lines.push(`${verb}: people ${counts(report.people)}; actions ${counts(report.actions)}`);
  for (const change of report.changedActions) lines.push(`  ${change.ref}: ${change.changes.map((c) => describeChange(c, report.names)).join('; ')}`);
  for (const problem of report.problems) lines.push(formatProblem(problem));
  if (report.outcome === 'blocked') {
    lines.push(
      report.errors > 0
        ? `Nothing was written: fix the ${plural(report.errors, 'error')} in the file and import it again.`
        : `Nothing was written: the file has ${plural(report.warnings, 'warning')}. Fix ${report.warnings === 1 ? 'it' : 'them'} in the file, or accept ${report.warnings === 1 ? 'it' : 'them'} to import the plan as it is.`,
    );
  } else if (report.outcome === 'dry-run') lines.push('Dry run: nothing was written.');
  return lines.join('\n');
}
