import { withoutLeavers } from '../admin/find-person.js';
import { daysBetween, toLocalDate, type LocalDate } from '../calendar/local-date.js';
import { isWorkingDay } from '../calendar/working-days.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { ReminderRecord } from '../model/reminder.js';
import { decidesClosureAsSro } from '../rules/decides-closure.js';
import { isClosureWaiting, isStale } from '../rules/stale.js';
import { listWords } from '../words.js';
import { missingOwnerName, unmatchedOwnerName } from '../model/owner-names.js';
import { cadenceFor, shouldEscalate, unreachableReason } from './reminder-history.js';
import type {
  DigestLine,
  EscalationDigest,
  EscalationFlag,
  EscalationGroup,
  ReminderDigest,
  ReminderPlan,
  ReminderPlanInput,
  Skip,
  SkipReason,
} from './reminder-plan.js';

/** An owner's action on its way to the action's SRO. */
interface EscalationItem {
  action: Action;
  line: DigestLine;
  ownerId: string | null;
  ownerName: string;
  flag: EscalationFlag;
  ignored: number;
}

/**
 * The reminder policy, pure: who gets a reminder digest, which SRO an escalation digest (an owner's
 * quiet actions, or closures waiting on the SRO's sign-off), who is skipped and why. The period is the
 * local date in the force's time zone, and every interval is counted in local calendar days, so a clock
 * change neither skips a day nor runs one twice.
 */
export function planReminders(input: ReminderPlanInput): ReminderPlan {
  const { now, config } = input;
  const period = toLocalDate(now, config.timeZone);
  const stale = input.staleActions.filter((a) => isStale(a, now, config.staleAfterDays));
  const waiting = input.waitingClosures.filter((a) => isClosureWaiting(a, now, config.staleAfterDays));
  const adminContact = withoutLeavers(input.people, config.admins)[0] ?? null;
  const base = { period, staleActions: stale.length, waitingClosures: waiting.length, owners: countOwners(stale), reminders: [], escalations: [], adminContact };
  if (!input.assumeWorkingDay && !isWorkingDay(period, config)) {
    const all = [...stale, ...waiting];
    const skip: Skip = { reason: 'not-working-day', personId: null, name: null, email: null, kind: null, actionIds: all.map((a) => a.id), refs: all.map((a) => a.ref) };
    return { ...base, workingDay: false, skipped: [skip] };
  }

  const people = new Map(input.people.map((p) => [p.id, p]));
  const historyOf = (id: string): ReminderRecord[] => input.history.get(id) ?? [];
  const routing: Routing = { people, historyOf, period, config, skips: new SkipList(people), owed: new Map(), escalating: [] };
  for (const action of stale) routeAction(routing, action);
  for (const action of waiting) {
    routing.escalating.push({ action, line: toLine(action, period, config.timeZone), ownerId: null, ownerName: '', flag: 'awaiting-sign-off', ignored: 0 });
  }
  const { skips, owed, escalating } = routing;

  const reminders: ReminderDigest[] = [];
  for (const { person, lines } of owed.values()) {
    const cadence = cadenceFor(historyOf(person.id), 'reminder', period, config.remindEveryDays);
    if (cadence.status !== 'due') skips.add(cadence.status, person.id, person.name, 'reminder', ...lines);
    else reminders.push({ kind: 'reminder', person, lines: sortLines(lines), recovering: cadence.recovering });
  }

  const escalations = planEscalations(escalating, people, historyOf, period, config.remindEveryDays, skips);
  return {
    ...base,
    workingDay: true,
    reminders: reminders.sort((a, b) => a.person.name.localeCompare(b.person.name)),
    escalations,
    skipped: skips.list(),
  };
}

/** What routing the stale actions builds up: reminders owed per person, escalations, skips. */
interface Routing {
  people: ReadonlyMap<string, Person>;
  historyOf: (id: string) => ReminderRecord[];
  period: LocalDate;
  config: ReminderPlanInput['config'];
  skips: SkipList;
  owed: Map<string, { person: Person; lines: DigestLine[] }>;
  escalating: EscalationItem[];
}

/**
 * One stale action: each reachable owner owes it in their digest (and it is escalated once they have
 * ignored enough reminders); an owner who cannot be emailed, or no owner at all, sends it to the SRO.
 * But while one owner is reminded, others kept on the action who have left or are not in the directory
 * are no news for the SRO, whose email would say the action needs an owner or that nobody is reminded:
 * the dashboard lists them for an admin. An owner whose mail bounces is still news: their address needs
 * correcting.
 */
function routeAction(routing: Routing, action: Action): void {
  const { people, skips, owed, period, config } = routing;
  const line = toLine(action, period, config.timeZone);
  const someoneReminded = action.ownerIds.some((id) => {
    const person = people.get(id);
    return person !== undefined && unreachableReason(person) === null;
  });
  const escalate = (ownerId: string | null, ownerName: string, flag: EscalationFlag, ignored = 0) =>
    routing.escalating.push({ action, line, ownerId, ownerName, flag, ignored });
  const escalateUnreachable = (ownerId: string | null, ownerName: string, flag: EscalationFlag) =>
    (someoneReminded && (flag === 'inactive' || flag === 'not-in-directory')) || escalate(ownerId, ownerName, flag);
  if (action.ownerIds.length === 0 && action.unmatchedNames.length === 0) escalate(null, 'No owner', 'no-owner');
  for (const name of action.unmatchedNames) {
    skips.add('no-address', null, name, 'reminder', line);
    escalateUnreachable(null, unmatchedOwnerName(name), 'not-in-directory');
  }
  for (const ownerId of action.ownerIds) {
    const person = people.get(ownerId);
    if (!person) {
      skips.add('no-address', ownerId, ownerId, 'reminder', line);
      escalateUnreachable(ownerId, missingOwnerName, 'not-in-directory');
      continue;
    }
    const unreachable = unreachableReason(person);
    if (unreachable) {
      skips.add(unreachable, person.id, person.name, 'reminder', line);
      escalateUnreachable(person.id, person.name, unreachable);
      continue;
    }
    const bucket = owed.get(person.id) ?? { person, lines: [] };
    bucket.lines.push(line);
    owed.set(person.id, bucket);
    const decision = shouldEscalate(routing.historyOf(person.id), action, period, config);
    if (decision.escalate) escalate(person.id, person.name, 'ignored', decision.ignored);
  }
}

/** Routes each escalated action to its SRO: one digest per SRO, grouped by owner and why. */
function planEscalations(
  items: EscalationItem[],
  people: Map<string, Person>,
  historyOf: (id: string) => ReminderRecord[],
  period: LocalDate,
  everyDays: number,
  skips: SkipList,
): EscalationDigest[] {
  const toSro: { sro: Person; item: EscalationItem }[] = [];
  for (const item of items) {
    const sro = item.action.sroId === null ? undefined : people.get(item.action.sroId);
    if (!sro || unreachableReason(sro)) {
      skips.add('no-sro', item.action.sroId, sro?.name ?? null, 'escalation', item.line);
      continue;
    }
    if (isAboutThemselves(item, sro.id)) {
      // Reminded as its owner already; but a closure they cannot sign off waits for an admin, and an
      // action they leave quiet has nobody above them to hear of it (unless a co-owner, quiet or
      // unreachable, brings it to them anyway): both are listed, not dropped.
      const escalatedByOthers = items.some((other) => other.action.id === item.action.id && other.flag !== 'awaiting-sign-off' && other.ownerId !== sro.id);
      if (item.flag === 'awaiting-sign-off') skips.add('sro-owns-it', sro.id, sro.name, 'escalation', item.line);
      else if (!escalatedByOthers) skips.add('sro-ignores-own', sro.id, sro.name, 'escalation', item.line);
      continue;
    }
    toSro.push({ sro, item });
  }
  const bySro = new Map<string, { person: Person; groups: Map<string, EscalationGroup> }>();
  for (const { sro, item } of quietCoOwnersTogether(toSro)) {
    const entry = bySro.get(sro.id) ?? { person: sro, groups: new Map<string, EscalationGroup>() };
    const key = `${item.flag}|${item.ownerId ?? item.ownerName}`;
    const group = entry.groups.get(key) ?? { ownerId: item.ownerId, ownerName: item.ownerName, ownerCount: item.ownerCount, flag: item.flag, ignoredReminders: item.ignored, lines: [] };
    if (!group.lines.some((l) => l.actionId === item.line.actionId)) group.lines.push(item.line);
    group.ignoredReminders = Math.min(group.ignoredReminders, item.ignored);
    entry.groups.set(key, group);
    bySro.set(sro.id, entry);
  }
  const digests: EscalationDigest[] = [];
  for (const { person, groups } of bySro.values()) {
    const cadence = cadenceFor(historyOf(person.id), 'escalation', period, everyDays);
    const all = [...groups.values()];
    if (cadence.status !== 'due') {
      skips.add(cadence.status, person.id, person.name, 'escalation', ...all.flatMap((g) => g.lines));
      continue;
    }
    // Closures first: signing them off is the one thing in the digest that only the SRO can do.
    const sorted = all
      .map((g) => ({ ...g, lines: sortLines(g.lines) }))
      .sort((a, b) => closuresFirst(a) - closuresFirst(b) || a.ownerName.localeCompare(b.ownerName) || a.flag.localeCompare(b.flag));
    digests.push({ kind: 'escalation', person, groups: sorted, recovering: cadence.recovering });
  }
  return digests.sort((a, b) => a.person.name.localeCompare(b.person.name));
}

/**
 * Co-owners of one action who both ignored their reminders make one item, "owned by A and B", so that
 * the SRO reads the action once, under the pair, rather than under each. Other reasons stay per owner.
 */
function quietCoOwnersTogether(items: { sro: Person; item: EscalationItem }[]): { sro: Person; item: EscalationItem & { ownerCount: number } }[] {
  const merged = new Map<string, { sro: Person; item: EscalationItem & { ownerCount: number }; owners: { id: string; name: string }[] }>();
  const out: { sro: Person; item: EscalationItem & { ownerCount: number } }[] = [];
  for (const { sro, item } of items) {
    if (item.flag !== 'ignored' || item.ownerId === null) {
      out.push({ sro, item: { ...item, ownerCount: 1 } });
      continue;
    }
    const entry = merged.get(item.action.id) ?? { sro, item: { ...item, ownerCount: 0 }, owners: [] };
    entry.owners.push({ id: item.ownerId, name: item.ownerName });
    // By name, so that the same pair is one group whichever of them leads each action.
    const owners = [...entry.owners].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    entry.item = { ...entry.item, ownerId: owners.map((o) => o.id).join('+'), ownerName: listWords(owners.map((o) => o.name)), ownerCount: owners.length, ignored: Math.min(entry.item.ignored, item.ignored) };
    merged.set(item.action.id, entry);
  }
  return [...out, ...[...merged.values()].map(({ sro, item }) => ({ sro, item }))];
}

/**
 * An SRO who owns the action is reminded as its owner, so telling them they ignored themselves adds
 * nothing; and they cannot sign off their own action's closure from their link, which is an admin's to do.
 */
function isAboutThemselves(item: EscalationItem, sroId: string): boolean {
  return item.flag === 'awaiting-sign-off' ? !decidesClosureAsSro(item.action, sroId) : item.flag === 'ignored' && item.ownerId === sroId;
}

const closuresFirst = (group: EscalationGroup): number => (group.flag === 'awaiting-sign-off' ? 0 : 1);

/** Age in local calendar days, from the last update or, for an action never updated, from its creation. */
function toLine(action: Action, period: LocalDate, timeZone: string): DigestLine {
  const since = action.lastUpdatedAt ?? action.createdAt;
  return {
    actionId: action.id,
    ref: action.ref,
    ageDays: Math.max(0, daysBetween(toLocalDate(new Date(since), timeZone), period)),
    neverUpdated: action.lastUpdatedAt === null,
  };
}

const sortLines = (lines: DigestLine[]): DigestLine[] =>
  [...lines].sort((a, b) => b.ageDays - a.ageDays || a.ref.localeCompare(b.ref, 'en', { numeric: true }));

function countOwners(stale: Action[]): number {
  return new Set(stale.flatMap((a) => [...a.ownerIds, ...a.unmatchedNames.map((n) => `unmatched:${n}`)])).size;
}

/** Skips merged per reason, person and kind, so the report counts people, not lines. */
class SkipList {
  private readonly entries = new Map<string, Skip>();

  constructor(private readonly people: ReadonlyMap<string, Person>) {}

  add(reason: SkipReason, personId: string | null, name: string | null, kind: Skip['kind'], ...lines: DigestLine[]): void {
    const key = `${reason}|${personId ?? `name:${name}`}|${kind}`;
    const email = (personId !== null && this.people.get(personId)?.email) || null;
    const entry = this.entries.get(key) ?? { reason, personId, name, email, kind, actionIds: [], refs: [] };
    for (const line of lines) {
      if (entry.actionIds.includes(line.actionId)) continue;
      entry.actionIds.push(line.actionId);
      entry.refs.push(line.ref);
    }
    this.entries.set(key, entry);
  }

  list(): Skip[] {
    return [...this.entries.values()];
  }
}
