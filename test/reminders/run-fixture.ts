import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { MemoryRunReportStore } from '../../functions/adapters/memory/memory-run-report-store.js';
import type { Action } from '../../functions/core/model/action.js';
import type { Person } from '../../functions/core/model/person.js';
import type { Mailer, OutgoingEmail, Repository } from '../../functions/core/ports.js';
import { noPacing } from '../../functions/core/reminders/pacer.js';
import type { Timer } from '../../functions/core/timer.js';
import type { RunRemindersDeps } from '../../functions/core/reminders/run-reminders.js';
import { renderDigestEmail } from '../../web/emails/digest-email.js';
import { makePerson } from '../support/make-action.js';
import { config, daysBefore, staleAction, tuesday } from './policy-fixture.js';

/** When every stand-in link stops working. */
export const linkExpiresAt = '2026-12-15T09:00:00.000Z';

/** Backoff waits take no time in core tests. */
export const instantTimer: Timer = { now: () => 0, sleep: async () => undefined };

/** A clock that each sleep moves on at once: a pacer (which waits until its clock reaches a slot) runs without waiting. */
export function virtualTimer(): Timer {
  let now = 0;
  return { now: () => now, sleep: async (ms) => void (now += ms) };
}

/** n owners with one stale action each, all under one SRO. */
export function smallForce(n: number): { people: Person[]; actions: Action[] } {
  const people = Array.from({ length: n }, (_, i) => makePerson({ id: `p${i}`, name: `Supt Owner ${i}`, email: `owner${i}@testshire.example` }));
  people.push(makePerson({ id: 'sro', name: 'ACC Casey Shaw', email: 'casey@testshire.example' }));
  const actions = Array.from({ length: n }, (_, i) =>
    staleAction({ id: `a${i}`, ref: `R${i}`, ownerIds: [`p${i}`], text: `SECRET RECOMMENDATION TEXT ${i}`, latestProgress: `SECRET PROGRESS ${i}`, lastUpdatedAt: daysBefore(tuesday, 40 + i) }),
  );
  return { people, actions };
}

export async function seed(repository: Repository, force: { people: Person[]; actions: Action[] }): Promise<void> {
  for (const person of force.people) await repository.putPerson(person);
  for (const action of force.actions) await repository.putAction(action, null);
}

/** SES's answer to a send from its sandbox to an unverified address: its text names the address. */
export const sandboxRejection = (address: string): Error =>
  Object.assign(new Error(`Email address is not verified. The following identities failed the check in region EU-WEST-2: ${address}`), { name: 'MessageRejected' });

/** A mailer that keeps what it was given, and can be told to fail or throttle. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  failFor = new Set<string>();
  throttle: (email: OutgoingEmail) => boolean = () => false;

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    if (this.throttle(email)) throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' });
    const failing = email.to.find((to) => this.failFor.has(to));
    if (failing) throw sandboxRejection(failing);
    this.sent.push(email);
    return { messageId: `m-${this.sent.length}` };
  }

  countTo(address: string): number {
    return this.sent.filter((e) => e.to.includes(address)).length;
  }
}

export function runDeps(options: Partial<RunRemindersDeps> & { mailer?: RecordingMailer; now?: Date } = {}) {
  const { mailer: givenMailer, now: givenNow, ...overrides } = options;
  const repository = overrides.repository ?? new MemoryRepository();
  const mailer = givenMailer ?? new RecordingMailer();
  const runReports = new MemoryRunReportStore();
  const logs: string[] = [];
  const links: string[] = [];
  const now = givenNow ?? tuesday;
  const deps: RunRemindersDeps = {
    config,
    repository,
    clock: { now: () => now },
    getMailer: async () => mailer,
    runReports,
    issueLink: async (person) => {
      const url = `${config.baseUrl}/u/token-for-${person.id}-${links.length}`;
      links.push(url);
      return { url, expiresAt: linkExpiresAt };
    },
    renderEmail: renderDigestEmail,
    log: (line) => logs.push(line),
    pacer: noPacing,
    timer: instantTimer,
    ...overrides,
  };
  return { deps, repository, mailer, runReports, logs, links };
}
