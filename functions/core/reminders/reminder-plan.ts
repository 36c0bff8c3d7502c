import type { ForceConfig } from '../config/force-config.js';
import type { LocalDate } from '../calendar/local-date.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { ReminderRecord } from '../model/reminder.js';

/** The part of the force config the policy reads. */
export type ReminderPolicyConfig = Pick<
  ForceConfig,
  'staleAfterDays' | 'remindEveryDays' | 'escalateAfterReminders' | 'timeZone' | 'bankHolidays' | 'admins'
>;

export interface ReminderPlanInput {
  now: Date;
  config: ReminderPolicyConfig;
  /** Open actions past the stale cutoff, as the sparse index returns them. */
  staleActions: Action[];
  /** Proposed closures untouched since the same cutoff: their SROs are chased to sign them off. */
  waitingClosures: Action[];
  people: Person[];
  /** Past reminder and escalation records of every person concerned, by person id. */
  history: ReadonlyMap<string, ReminderRecord[]>;
  /** Plan as if today were a working day (the command line's dry run on a weekend); never set by the schedule. */
  assumeWorkingDay?: boolean;
}

/** One stale action as an email may show it: its ref and its age, never its text. */
export interface DigestLine {
  actionId: string;
  ref: string;
  /** Whole days since the last update, or since the action was created when it was never updated. */
  ageDays: number;
  neverUpdated: boolean;
}

export interface ReminderDigest {
  kind: 'reminder';
  person: Person;
  lines: DigestLine[];
  /** The person's previous digest was left unconfirmed by a run that crashed while sending it. */
  recovering: boolean;
}

/** Why an SRO is told about an owner's actions, or (`awaiting-sign-off`) about closures only they can sign off. */
export type EscalationFlag = 'awaiting-sign-off' | 'ignored' | 'inactive' | 'bounced' | 'complained' | 'not-in-directory' | 'no-owner';

/** One owner's actions in an SRO's escalation digest, or every closure awaiting the SRO's sign-off. */
export interface EscalationGroup {
  /**
   * The owner's id; for co-owners who both ignored their reminders, their ids joined with "+"; null
   * for closures awaiting sign-off, which are grouped together whoever owns them, and for no owner.
   */
  ownerId: string | null;
  /** For `ignored`, every owner of the group's actions who went quiet: "Supt A and Ch Insp B". */
  ownerName: string;
  /** How many owners `ownerName` names: co-owners who both ignored their reminders are one group. */
  ownerCount: number;
  flag: EscalationFlag;
  /** For `ignored`: how many reminders went unanswered (the fewest across the group's actions). */
  ignoredReminders: number;
  lines: DigestLine[];
}

export interface EscalationDigest {
  kind: 'escalation';
  person: Person;
  groups: EscalationGroup[];
  recovering: boolean;
}

export type Digest = ReminderDigest | EscalationDigest;

export const skipReasons = [
  'not-working-day',
  'inactive',
  'bounced',
  'complained',
  'no-address',
  'recently-reminded',
  'claimed-today',
  'failed-today',
  'no-sro',
  'sro-owns-it',
  'sro-ignores-own',
] as const;
export type SkipReason = (typeof skipReasons)[number];

/** Someone (or something) the run does not email, and why. */
export interface Skip {
  reason: SkipReason;
  /** Null for the whole run (not a working day) or for an owner that matched nobody. */
  personId: string | null;
  name: string | null;
  /** The person's address, for the dry run's listing; null when there is none. */
  email: string | null;
  kind: 'reminder' | 'escalation' | null;
  actionIds: string[];
  /** The same actions' refs, in the same order, for the dry run's listing. */
  refs: string[];
}

export interface ReminderPlan {
  /** The local date in the force's time zone: one reminder per person per period. */
  period: LocalDate;
  workingDay: boolean;
  staleActions: number;
  /** Proposed closures left waiting past the stale threshold. */
  waitingClosures: number;
  /** Distinct owners (people and unmatched names) with at least one stale action. */
  owners: number;
  reminders: ReminderDigest[];
  escalations: EscalationDigest[];
  skipped: Skip[];
  /** The admin an escalation tells its SRO to ask: the first on the config's list who has not left; null when all have. */
  adminContact: string | null;
}

/**
 * What one person is sent in one run: their reminder, their escalation, or both in one email (issue 4:
 * one digest per person per run). Each part keeps its own record, cadence and outcome.
 */
export interface PersonDigest {
  person: Person;
  reminder: ReminderDigest | null;
  escalation: EscalationDigest | null;
}

export const partsOf = (digest: PersonDigest): Digest[] => [digest.reminder, digest.escalation].filter((d) => d !== null);

/** The plan's digests, one per person, in the plan's order of names. */
export function digestsByPerson(plan: Pick<ReminderPlan, 'reminders' | 'escalations'>): PersonDigest[] {
  const byPerson = new Map<string, PersonDigest>();
  for (const reminder of plan.reminders) byPerson.set(reminder.person.id, { person: reminder.person, reminder, escalation: null });
  for (const escalation of plan.escalations) {
    const entry = byPerson.get(escalation.person.id);
    if (entry) entry.escalation = escalation;
    else byPerson.set(escalation.person.id, { person: escalation.person, reminder: null, escalation });
  }
  return [...byPerson.values()].sort((a, b) => a.person.name.localeCompare(b.person.name));
}

export const digestActionIds = (digest: Digest): string[] =>
  digest.kind === 'reminder' ? digest.lines.map((l) => l.actionId) : [...new Set(digest.groups.flatMap((g) => g.lines.map((l) => l.actionId)))];
