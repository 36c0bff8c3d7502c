import type { ImportProblem } from './cells.js';
import type { Counts, ImportReport } from './apply-import.js';
import type { PlanSummary } from './import-plan.js';
import { planFieldWords, usualHeadings } from './match-headings.js';
import { fieldLabels } from '../model/field-labels.js';
import type { FieldChange } from '../model/update.js';
import { listWords, plural } from '../words.js';

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

/**
 * What of the plan is not read, in words: fields it has no column for, which stored actions keep (and,
 * with no Last Updated, the progress of an action updated before, which only a later month would
 * replace), headings read as a field another column is read for, and headings that name nothing the
 * importer reads (a "RAG" column: what it holds is lost unless it is renamed). Null when everything is read.
 */
export function unreadLine(plan: Pick<PlanSummary, 'absent' | 'unread' | 'unknown'>): string | null {
  const unknown = listWords(plan.unknown.map((heading) => `"${heading}"`));
  const one = plan.unknown.length === 1;
  const parts = [
    plan.absent.length > 0 && `Not in the file, so each stored action keeps its own: ${plan.absent.map((field) => planFieldWords[field]).join(', ')}.`,
    plan.absent.includes('lastUpdated') && 'With no Last Updated, an action updated before also keeps its progress, confidence and target.',
    ...plan.unread.map(({ heading, field }) => `The column "${heading}" is not read: it reads as ${planFieldWords[field]}, which another column gives. Rename it if it holds something else.`),
    plan.unknown.length > 0 &&
      `Not read: ${one ? `the column ${unknown}, whose heading` : `the columns ${unknown}, whose headings`} the importer does not know. ` +
        `If ${one ? 'it holds' : 'one holds'} something the tracker keeps (the owners, SRO, timescale, confidence or progress), give it the usual heading, such as "Plan Owner" or "${usualHeadings.confidence}", and import the file again.`,
  ];
  return parts.filter(Boolean).join(' ') || null;
}

/** "; 3 actions with no area", after the count of areas: a count that leaves them out unsaid would mislead. */
export const noAreaWords = (plan: Pick<PlanSummary, 'noArea'>): string => (plan.noArea > 0 ? `; ${plural(plan.noArea, 'action')} with no area` : '');

/** The report as plain text: what was read, what was (or would be) written, each problem on a line. */
export function formatImportReport(report: ImportReport & { plan?: PlanSummary | null; sheet?: string | null }): string {
  const lines: string[] = [];
  if (report.plan) {
    const k = report.plan.kinds;
    const areas = report.plan.areas.length > 0 ? `: ${report.plan.areas.join(', ')}` : '';
    lines.push(
      `Read ${plural(report.plan.actions, 'action')} (${plural(k.recommendation, 'recommendation')}, ${plural(k.afi, 'area for improvement', 'areas for improvement')}, ${plural(k['cause-of-concern'], 'cause of concern', 'causes of concern')})` +
        `${report.sheet ? ` from the sheet "${report.sheet}"` : ''} in ${plural(report.plan.areas.length, 'area')}${areas}${noAreaWords(report.plan)}`,
    );
    const unread = unreadLine(report.plan);
    if (unread) lines.push(unread);
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
