import type { DigestLine, EscalationDigest, EscalationGroup, ReminderDigest } from '../../functions/core/reminders/reminder-plan.js';
import { linkWorksUntil } from '../../functions/core/links/link-email.js';
import { plural } from '../../functions/core/words.js';

/**
 * Every sentence the reminder and escalation emails say, shared by the HTML and the plain-text part.
 * Only refs, counts, ages, names and the link: police action plans are OFFICIAL-SENSITIVE, so an email
 * never carries an action's text, plan, evidence or progress narrative. An action's age is said by
 * ageText (core/reminders/line-words.ts), as the console's and the CLI's reminder plan say it.
 */
export function reminderSubject(digest: ReminderDigest): string {
  const n = digest.lines.length;
  return `${plural(n, 'action')} ${n === 1 ? 'needs' : 'need'} an update`;
}

/**
 * "N days or more": an action is stale after N whole 24-hour periods, and its age below is counted in
 * calendar days, which can read N itself ("more than 28 days" above "last updated 28 days ago"). An
 * action never updated is stale from the start (a plan just loaded), so for it that would be untrue.
 */
export function reminderIntro(digest: ReminderDigest, staleAfterDays: number): string {
  const n = digest.lines.length;
  const never = digest.lines.filter((line) => line.neverUpdated).length;
  const quiet = `had no update for ${plural(staleAfterDays, 'day')} or more`;
  const what = never === 0 ? quiet : never === n ? 'no update yet' : `${quiet}, or none yet`;
  return `${n === 1 ? 'This action you own has' : `These ${n} actions you own have`} ${what}. Please add an update: it takes a minute.`;
}

/**
 * The subject's clauses: closures first, since signing them off is the one thing only the SRO can do,
 * and a subject line is all a phone shows of an email.
 */
export function escalationSubject(digest: EscalationDigest): string[] {
  const count = (closures: boolean) => new Set(digest.groups.filter((g) => (g.flag === 'awaiting-sign-off') === closures).flatMap((g) => g.lines.map((l) => l.actionId))).size;
  const [closures, others] = [count(true), count(false)];
  return [
    ...(closures > 0 ? [`${plural(closures, 'closure')} ${closures === 1 ? 'awaits' : 'await'} your sign-off`] : []),
    ...(others > 0 ? [`${plural(others, 'action')} in your portfolio ${others === 1 ? 'needs' : 'need'} your attention`] : []),
  ];
}

/** "A, and B" or "A, B, and C": clauses, each with its own verb, so the comma before "and" stays. */
export const joinClauses = (clauses: readonly string[]): string => (clauses.length < 2 ? (clauses[0] ?? '') : `${clauses.slice(0, -1).join(', ')}, and ${clauses.at(-1)!}`);

/**
 * "3 actions owned by Supt X have had no update for 61 days" and why they reach the SRO. An action never
 * updated is counted from when it was added (today, for a plan just loaded), so it has had "none yet".
 */
export function groupHeading(group: EscalationGroup): string {
  const has = group.lines.length === 1 ? 'has' : 'have';
  const youngestOf = (lines: DigestLine[]) => {
    const youngest = Math.min(...lines.map((l) => l.ageDays));
    return `${plural(youngest, 'day')}${lines.every((l) => l.ageDays === youngest) ? '' : ' or more'}`;
  };
  // A closure waits on the SRO, not on its owners: its age is how long it has waited.
  if (group.flag === 'awaiting-sign-off') return `${groupSubject(group)} ${has} waited ${youngestOf(group.lines)} for your sign-off`;
  const updated = group.lines.filter((l) => !l.neverUpdated);
  if (updated.length === 0) return `${groupSubject(group)} ${has} had no update yet`;
  const noneYet = updated.length < group.lines.length ? ', or none yet' : '';
  return `${groupSubject(group)} ${has} had no update for ${youngestOf(updated)}${noneYet}`;
}

function groupSubject(group: EscalationGroup): string {
  const actions = plural(group.lines.length, 'action');
  if (group.flag === 'awaiting-sign-off') return `${actions} proposed for closure`;
  return group.flag === 'no-owner' ? `${actions} with no owner` : `${actions} owned by ${group.ownerName}`;
}

/** Why the group reaches the SRO and what to do; `adminContact` is the address to ask for a reassignment, if any admin is still here. */
export function groupReason(group: EscalationGroup, adminContact: string | null): string {
  const admin = adminContact ? `the plan's admin (${adminContact})` : "the plan's admin";
  switch (group.flag) {
    case 'awaiting-sign-off':
      return group.lines.length === 1
        ? 'Its owners believe it is complete, and only you can sign it off: open your actions and choose “Review and sign off”.'
        : 'Their owners believe they are complete, and only you can sign them off: open your actions and choose “Review and sign off” on each.';
    case 'ignored':
      // Per action, not per person: they may have updated others since.
      return `${group.ownerName} ${group.ownerCount > 1 ? 'have' : 'has'} been reminded ${times(group.ignoredReminders)} about ${group.lines.length === 1 ? 'it' : 'these'} without updating ${them(group)}. Please ask them to add an update, or ask ${admin} to reassign ${them(group)}.`;
    case 'inactive':
      return `${group.ownerName} is marked as having left: ${group.lines.length === 1 ? 'this action needs' : 'these actions need'} a new owner. Please ask ${admin} to reassign ${them(group)}.`;
    case 'bounced':
      return `Email to ${group.ownerName} bounced, so they are not being reminded. Please ask ${admin} to correct their address or reassign ${them(group)}.`;
    case 'complained':
      return `${group.ownerName}'s mailbox reported our email as unwanted, so they are not being reminded. Please follow up with them, or ask ${admin} to reassign ${them(group)}.`;
    case 'not-in-directory':
      return `This owner is not in the people directory, so nobody is being reminded. Please ask ${admin} to assign an owner.`;
    case 'no-owner':
      return `Nobody is being reminded. Please ask ${admin} to assign an owner.`;
  }
}

const them = (group: EscalationGroup) => (group.lines.length === 1 ? 'it' : 'them');
const times = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

export const linkAdvice = (expiresAt: string, timeZone: string): string =>
  `${linkWorksUntil(expiresAt, timeZone)} It is personal: do not forward it. It opens your actions without a password.`;
export const footer = (forceName: string): string => `${forceName} – Action Plan Tracker. You receive this because you own or sponsor actions in the inspection action plan.`;

/** Links are built from the configured base URL; anything but http(s) here is a bug, never rendered. */
export function safeLink(url: string): string {
  const { protocol } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`Refusing to put a ${protocol} link in an email`);
  return url;
}
