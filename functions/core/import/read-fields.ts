import type { ActionKind, Confidence } from '../model/action.js';
import { normaliseWords } from './cells.js';

/** Cells that hold a placeholder rather than content: stored as empty. */
const placeholder = /^(awaiting (update|detail|details|information|info)|tbc|tba|n\/?a|-+)\.?$/i;

export function contentOrNull(text: string): string | null {
  return text === '' || placeholder.test(text) ? null : text;
}

export interface ReadValue<T> {
  value: T;
  problem: string | null;
}

/** "Yes", "Y", "No - covered by national work": the answer and whatever reason follows it. */
export function readAccepted(text: string): ReadValue<{ value: boolean | null; rationale: string | null }> {
  if (!text) return { value: { value: null, rationale: null }, problem: null };
  const match = /^(yes|y|no|n)\b[\s.,:;–-]*/i.exec(text);
  if (!match) {
    return {
      value: { value: null, rationale: text },
      problem: `"${text.slice(0, 40)}" is neither Yes nor No; the text is kept as the rationale. Start the cell with Yes or No`,
    };
  }
  const rationale = text.slice(match[0].length).trim();
  return { value: { value: /^y/i.test(match[1] ?? ''), rationale: rationale || null }, problem: null };
}

/**
 * "Complete", "Closed - signed off at board", "Discharged" (HMICFRS's word for a recommendation it has
 * closed): a timescale or status that says the action is finished. Only the start counts: "Not complete"
 * and "Completion due Mar-27" do not.
 */
export const saysFinished = (text: string): boolean => /^(complete|completed|closed|done|discharged)\b/i.test(text.trim());

const confidenceWords: Record<string, Confidence> = {
  high: 'high', h: 'high', green: 'high',
  medium: 'medium', med: 'medium', m: 'medium', amber: 'medium',
  low: 'low', l: 'low', red: 'low',
};

/** High/Medium/Low (or H/M/L, or RAG colours); empty and "Awaiting ..." mean not set. */
export function readConfidence(text: string): ReadValue<Confidence> {
  const words = normaliseWords(text);
  if (!words || /^(awaiting|tbc|tba|n a|not set|no rating|none|unknown)\b/.test(words)) return { value: 'not-set', problem: null };
  const first = confidenceWords[words.split(' ')[0] ?? ''];
  if (first) return { value: first, problem: null };
  return { value: 'not-set', problem: `"${text.slice(0, 40)}" is not a confidence rating; it is imported as not set. Use High, Medium or Low` };
}

const kindWords: Array<[ActionKind, RegExp]> = [
  ['cause-of-concern', /\bcauses? of concern\b|^coc\b|^cause\b/],
  ['afi', /\bareas? for improvement\b|^afi\b/],
  ['recommendation', /\brecommendations?\b|^rec\b|^r\d/],
];

/** The kind a piece of text names, or null when it names none or more than one. */
export function kindNamedBy(text: string): ActionKind | null {
  const words = normaliseWords(text);
  const named = kindWords.filter(([, pattern]) => pattern.test(words)).map(([kind]) => kind);
  return named.length === 1 ? (named[0] ?? null) : null;
}

/**
 * A Kind column wins; then the ref ("AFI 3", "CoC 1"), the item's own words ("... is a cause of
 * concern"), and the heading when it names only one kind; otherwise a recommendation.
 */
export function readKind(sources: { kindCell: string; ref: string; text: string; heading: string }): ActionKind {
  const fromText = /\bcauses? of concern\b/i.test(sources.text) ? 'cause-of-concern' : /\b(areas? for improvement|AFI)\b/i.test(sources.text) ? 'afi' : null;
  return kindNamedBy(sources.kindCell) ?? kindNamedBy(sources.ref) ?? fromText ?? kindNamedBy(sources.heading) ?? 'recommendation';
}

/** Leading zeros dropped from each number: a sheet may pad one month ("AFI 01", "AFI01") and not the next. */
export const withoutLeadingZeros = (id: string): string => id.replace(/(^|\D)0+(?=\d)/g, '$1');

/** An action id from its ref: "AFI 1.2" -> "afi-1-2", "AFI 01" -> "afi-1". Empty when the ref has no letters or digits. */
export function actionIdFromRef(ref: string): string {
  return withoutLeadingZeros(normaliseWords(ref)).replace(/ /g, '-').slice(0, 64).replace(/-+$/, '');
}
