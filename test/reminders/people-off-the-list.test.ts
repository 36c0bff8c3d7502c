import { describe, expect, it } from 'vitest';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { runReminders } from '../../functions/core/reminders/run-reminders.js';
import { makePerson } from '../support/make-action.js';
import { owner, sro, staleAction } from './policy-fixture.js';
import { runDeps, seed } from './run-fixture.js';

/** People an action may keep (the console's reassign form keeps them until an admin removes them). */
const leaver = makePerson({ id: 'leaver', name: 'Supt Former Officer', email: 'former@testshire.example', active: false });
const missing = 'dana.shaw.at.testshire.example';
const textTo = (sent: Array<{ to: string[]; text: string }>, address: string) => sent.filter((m) => m.to.includes(address)).map((m) => m.text);

describe('a stale action that keeps someone who cannot be reminded beside an owner who can', () => {
  it.each([
    ['a co-owner who has left', { ownerIds: ['owner', 'leaver'] }],
    ['a co-owner the directory no longer holds', { ownerIds: ['owner', missing] }],
    ['a name the import matched to nobody', { ownerIds: ['owner'], unmatchedNames: ['DS Unknown'] }],
  ])('with %s, reminds the owner and does not tell the SRO that nobody is reminded', async (_, fields) => {
    const { deps, repository, mailer } = runDeps();
    await seed(repository, { people: [owner, sro, leaver], actions: [staleAction(fields)] });
    const { plan } = await runReminders(deps, { dryRun: false });
    expect(textTo(mailer.sent, owner.email)).toEqual([expect.stringContaining('1.01')]);
    expect(textTo(mailer.sent, sro.email)).toEqual([]);
    expect(plan.escalations).toEqual([]);
    expect(mailer.countTo(leaver.email)).toBe(0);
  });

  it('still tells the SRO when nobody on the action can be reminded', async () => {
    const { deps, repository, mailer } = runDeps();
    await seed(repository, { people: [owner, sro, leaver], actions: [staleAction({ ownerIds: ['leaver', missing] })] });
    await runReminders(deps, { dryRun: false });
    const [text] = textTo(mailer.sent, sro.email);
    expect(text).toContain('Supt Former Officer is marked as having left: this action needs a new owner.');
    expect(text).toContain('This owner is not in the people directory, so nobody is being reminded.');
  });
});

describe('the admin an escalation tells the SRO to ask', () => {
  const config = (admins: string[]) =>
    parseForceConfig({ id: 'test', name: 'Testshire Police', baseUrl: 'https://actions.testshire.example', sender: 'actions@testshire.example', admins }, 'test');
  const oldAdmin = makePerson({ id: 'old-admin', name: 'Old Admin', email: 'old.admin@testshire.example', active: false });

  it('is the first on the config’s list who has not left', async () => {
    const { deps, repository, mailer } = runDeps({ config: config(['old.admin@testshire.example', 'admin@testshire.example']) });
    await seed(repository, { people: [owner, sro, leaver, oldAdmin], actions: [staleAction({ ownerIds: ['leaver'] })] });
    await runReminders(deps, { dryRun: false });
    const [text] = textTo(mailer.sent, sro.email);
    expect(text).toContain("ask the plan's admin (admin@testshire.example) to reassign");
    expect(text).not.toContain('old.admin@');
  });

  it('is named without an address when every admin on the list has left', async () => {
    const { deps, repository, mailer } = runDeps({ config: config(['old.admin@testshire.example']) });
    await seed(repository, { people: [owner, sro, leaver, oldAdmin], actions: [staleAction({ ownerIds: ['leaver'] })] });
    await runReminders(deps, { dryRun: false });
    const [text] = textTo(mailer.sent, sro.email);
    expect(text).toContain("ask the plan's admin to reassign");
    expect(text).not.toContain('old.admin@');
  });
});
