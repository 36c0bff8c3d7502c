import {
  boardConfidenceLabels,
  boardStatusLabels,
  boardSummaryTitle,
  figuresAsAt,
  movementLabels,
  movementNote,
  noStaleOwners,
  otherStaleOwnersLine,
  ownerlessStaleLine,
  protectiveMarking,
  staleOwnersHeading,
  type MovementList,
} from '../../functions/core/board-summary/board-wording.js';
import { monthLabel } from '../../functions/core/board-summary/month.js';
import type { AreaConfidence, BoardSummary, MovedAction, Retimed } from '../../functions/core/board-summary/snapshot.js';
import { describeTargetMove } from '../../functions/core/board-summary/target-move.js';
import type { ForceConfig } from '../../functions/core/config/force-config.js';
import { confidences, type Confidence } from '../../functions/core/model/action.js';
import { headlineFigures, headlineSentence } from '../../functions/core/board-summary/headline-figures.js';
import { escapeHtml } from '../../functions/core/escape-html.js';
import { plural } from '../../functions/core/words.js';
import { outlookWidthClose, outlookWidthOpen } from './outlook-width.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Refs listed per line of movement before "and N more": the email stays a two-minute read. */
const refsShown = 15;
const colours: Record<Confidence, string> = { high: '#00703c', medium: '#f47738', low: '#d4351c', 'not-set': '#b1b4b6' };
const font = 'font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;';

export const summaryPageUrl = (baseUrl: string, month: string) => `${baseUrl}/admin/summaries/${month}`;

/**
 * One line of each movement; the email carries refs and counts only, never the text of an item. None in
 * the month the plan was loaded: movementNote says why.
 */
function movementLines(summary: BoardSummary): Array<{ label: string; count: number; refs: string[] }> {
  const { movement } = summary;
  if (movement.planLoadedAt) return [];
  const plain = (list: MovedAction[]) => list.map((item) => item.ref);
  const move = (r: Retimed) => (r.from && r.to ? describeTargetMove(r.from, r.to) : r.to ? 'target set' : 'target cleared');
  const refs: Record<MovementList, string[]> = {
    newActions: plain(movement.newActions),
    proposedClosure: plain(movement.proposedClosure),
    closed: plain(movement.closed),
    reopened: movement.reopened.map((a) => `${a.ref} (was ${boardStatusLabels[a.from].toLowerCase()})`),
    setAside: movement.setAside.map((a) => `${a.ref} (${boardStatusLabels[a.to].toLowerCase()})`),
    retimed: movement.retimed.map((r) => `${r.ref} (${move(r)})`),
    confidenceDropped: movement.confidenceDropped.map((d) => `${d.ref} (${boardConfidenceLabels[d.from]} to ${boardConfidenceLabels[d.to]})`),
    becameStale: plain(movement.becameStale),
    becameOverdue: plain(movement.becameOverdue),
  };
  return movementLabels(summary).map(([list, label]) => ({ label, count: refs[list].length, refs: refs[list] }));
}

function listRefs(refs: readonly string[]): string {
  if (refs.length === 0) return '';
  const shown = refs.slice(0, refsShown).join(', ');
  return refs.length > refsShown ? `${shown} and ${refs.length - refsShown} more` : shown;
}

/** Which actions the figures' overdue and awaiting sign-off are, by ref: the board's first question. */
function needsBoardLines({ needsBoard }: BoardSummary): Array<[label: string, refs: string]> {
  if (!needsBoard) return [];
  const lines: Array<[string, readonly string[]]> = [
    ['Past their target date', needsBoard.overdue],
    ['Awaiting sign-off', needsBoard.awaitingSignOff],
  ];
  return lines.filter(([, refs]) => refs.length > 0).map(([label, refs]) => [label, listRefs(refs)]);
}

export type BoardEmailConfig = Pick<ForceConfig, 'name' | 'baseUrl' | 'attachBoardPack'>;

/** What the email carries: refs and counts, unless the force has the pack, every action's text, attached. */
function handlingNote(config: BoardEmailConfig): string {
  return config.attachBoardPack
    ? "The attached board pack holds every action's text (OFFICIAL-SENSITIVE): keep it within the force, and do not forward it."
    : 'Refs and counts only: on the summary page, for signed-in board members, each ref opens the action in full (OFFICIAL-SENSITIVE).';
}

/**
 * A bar drawn in table cells, one cell per confidence, as wide as its share: Outlook shows no images here,
 * and its Word engine can drop a CSS background, so the cells carry bgcolor too.
 */
function bar(area: AreaConfidence): string {
  const cells = confidences
    .filter((c) => area.counts[c] > 0)
    .map((c) => `<td width="${((area.counts[c] / area.total) * 100).toFixed(1)}%" bgcolor="${colours[c]}" style="background:${colours[c]};height:12px;font-size:1px;line-height:1px;">&nbsp;</td>`)
    .join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${cells}</tr></table>`;
}

function confidenceHtml(summary: BoardSummary): string {
  if (summary.confidenceByArea.length === 0) return `<p style="${font}font-size:15px;">No open actions.</p>`;
  const key = confidences.map((c) => `<span style="color:${colours[c]};" aria-hidden="true">&#9632;</span>&nbsp;${boardConfidenceLabels[c]}`).join(' &nbsp; ');
  const rows = summary.confidenceByArea
    .map(
      (area) => `<tr><td style="${font}font-size:15px;padding:8px 0 2px;word-break:break-word;"><strong>${escapeHtml(area.area)}</strong> (${area.total} open): ${confidences
        .map((c) => `${boardConfidenceLabels[c]} ${area.counts[c]}`)
        .join(', ')}</td></tr><tr><td style="padding:0 0 4px;">${bar(area)}</td></tr>`,
    )
    .join('');
  return `<p style="${font}font-size:13px;margin:0 0 4px;">${key}</p><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${rows}</table>`;
}

const sectionHeading = (text: string) => `<h2 style="${font}font-size:19px;margin:24px 0 8px;">${escapeHtml(text)}</h2>`;
const cell = (content: string, extra = '') => `<td style="${font}font-size:15px;padding:6px 8px;border-bottom:1px solid #b1b4b6;vertical-align:top;word-break:break-word;${extra}">${content}</td>`;

/**
 * With the pack attached, the email carries the plan's text: marked first, in the subject and at the top,
 * where readers and the force's mail-labelling tools look for it, not only in the handling note at the foot.
 */
const markingFor = (config: BoardEmailConfig): string => (config.attachBoardPack ? `${protectiveMarking}: ` : '');

export function renderBoardSummaryHtml(summary: BoardSummary, config: BoardEmailConfig): string {
  const month = monthLabel(summary.month);
  const link = summaryPageUrl(config.baseUrl, summary.month);
  const figures = headlineFigures(summary)
    .map(([label, value]) => `<tr>${cell(escapeHtml(label))}${cell(`<strong>${value}</strong>`, 'text-align:right;width:60px;')}</tr>`)
    .join('');
  const lines = movementLines(summary);
  const moved = lines.length
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;table-layout:fixed;">${lines
        .map((line) => `<tr>${cell(escapeHtml(line.label), 'width:150px;')}${cell(`<strong>${line.count}</strong>`, 'text-align:right;width:40px;')}${cell(escapeHtml(listRefs(line.refs)))}</tr>`)
        .join('')}</table>`
    : '';
  const note = movementNote(summary);
  const others = summary.otherStaleOwners ? `<p style="${font}font-size:15px;">${escapeHtml(otherStaleOwnersLine(summary.otherStaleOwners))}.</p>` : '';
  const ownerless = summary.ownerlessStale ? `<p style="${font}font-size:15px;">${escapeHtml(ownerlessStaleLine(summary.ownerlessStale, summary.staleAfterDays, listRefs))}</p>` : '';
  const owners = summary.staleOwners.length
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${summary.staleOwners
        .map((o) => `<tr>${cell(escapeHtml(o.name))}${cell(`<strong>${o.count}</strong>`, 'text-align:right;width:60px;')}</tr>`)
        .join('')}</table>${others}${ownerless}`
    : `<p style="${font}font-size:15px;">${escapeHtml(noStaleOwners(summary, listRefs))}</p>`;
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(boardSummaryTitle(config.name, summary.month))}</title></head>
<body style="margin:0;padding:0;background:#ffffff;">
${outlookWidthOpen}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;margin:0 auto;border-collapse:collapse;"><tr><td style="padding:16px;">
${config.attachBoardPack ? `<p style="${font}font-size:15px;font-weight:bold;margin:0 0 8px;">${protectiveMarking}</p>
` : ''}<h1 style="${font}font-size:24px;margin:0 0 4px;">Action plan: ${escapeHtml(month)}</h1>
<p style="${font}font-size:15px;margin:0 0 16px;">${escapeHtml(config.name)}. Figures as at ${escapeHtml(figuresAsAt(summary))}; ${plural(summary.figures.total, 'action')} in the plan. ${escapeHtml(headlineSentence(summary))}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">${figures}</table>
${needsBoardLines(summary)
  .map(([label, refs]) => `<p style="${font}font-size:15px;margin:12px 0 0;"><strong>${escapeHtml(label)}:</strong> ${escapeHtml(refs)}</p>`)
  .join('\n')}
${sectionHeading('Confidence in timescales, open actions by area')}${confidenceHtml(summary)}
${sectionHeading('What moved since last month')}${note ? `<p style="${font}font-size:15px;">${escapeHtml(note)}</p>` : ''}
${moved}
${sectionHeading(staleOwnersHeading(summary.staleAfterDays))}${owners}
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0 8px;"><tr><td bgcolor="#1d70b8" style="background:#1d70b8;padding:10px 16px;"><a href="${escapeHtml(link)}" style="${font}color:#ffffff;font-size:16px;font-weight:bold;text-decoration:none;">Open the summary and the board pack</a></td></tr></table>
<p style="${font}font-size:13px;margin:16px 0 0;">${escapeHtml(handlingNote(config))}</p>
</td></tr></table>
${outlookWidthClose}
</body></html>
`;
}

export function renderBoardSummaryText(summary: BoardSummary, config: BoardEmailConfig): string {
  const month = monthLabel(summary.month);
  const lines = [...(config.attachBoardPack ? [protectiveMarking] : []), `Action plan: ${month}`, `${config.name}. Figures as at ${figuresAsAt(summary)}; ${plural(summary.figures.total, 'action')} in the plan. ${headlineSentence(summary)}`, ''];
  for (const [label, value] of headlineFigures(summary)) lines.push(`${label}: ${value}`);
  const needs = needsBoardLines(summary);
  if (needs.length > 0) lines.push('', ...needs.map(([label, refs]) => `${label}: ${refs}`));
  lines.push('', 'Confidence in timescales, open actions by area');
  if (summary.confidenceByArea.length === 0) lines.push('No open actions.');
  for (const area of summary.confidenceByArea) lines.push(`- ${area.area} (${area.total} open): ${confidences.map((c) => `${boardConfidenceLabels[c]} ${area.counts[c]}`).join(', ')}`);
  lines.push('', 'What moved since last month');
  const note = movementNote(summary);
  if (note) lines.push(note);
  for (const line of movementLines(summary)) lines.push(`- ${line.label}: ${line.count}${line.refs.length ? ` (${listRefs(line.refs)})` : ''}`);
  lines.push('', staleOwnersHeading(summary.staleAfterDays));
  if (summary.staleOwners.length === 0) lines.push(noStaleOwners(summary, listRefs));
  for (const owner of summary.staleOwners) lines.push(`- ${owner.name}: ${owner.count}`);
  if (summary.otherStaleOwners) lines.push(`- ${otherStaleOwnersLine(summary.otherStaleOwners)}`);
  if (summary.staleOwners.length > 0 && summary.ownerlessStale) lines.push(ownerlessStaleLine(summary.ownerlessStale, summary.staleAfterDays, listRefs));
  lines.push('', `Open the summary and the board pack: ${summaryPageUrl(config.baseUrl, summary.month)}`);
  lines.push(handlingNote(config));
  return `${lines.join('\n')}\n`;
}

/** The board's monthly email: HTML that Outlook renders (tables, inline styles, no images or scripts) and plain text. */
export function renderBoardSummaryEmail(summary: BoardSummary, config: BoardEmailConfig): RenderedEmail {
  return { subject: `${markingFor(config)}${boardSummaryTitle(config.name, summary.month)}`, html: renderBoardSummaryHtml(summary, config), text: renderBoardSummaryText(summary, config) };
}
