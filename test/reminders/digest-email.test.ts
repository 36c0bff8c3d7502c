import { describe, expect, it } from 'vitest';
import type { Digest, DigestLine, EscalationDigest, PersonDigest, ReminderDigest } from '../../functions/core/reminders/reminder-plan.js';
import { renderDigestEmail } from '../../web/emails/digest-email.js';
import { makeAction } from '../support/make-action.js';
import { coOwner, owner, sro } from './policy-fixture.js';

const line = (ref: string, ageDays: number, neverUpdated = false): DigestLine => ({ actionId: ref.toLowerCase().replace(/\W/g, '-'), ref, ageDays, neverUpdated });
const link = 'https://actions.testshire.example/u/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
const base = { link: { url: link, expiresAt: '2026-12-15T09:00:00.000Z' }, forceName: 'Testshire Police', timeZone: 'Europe/London', period: '2026-11-24', staleAfterDays: 28, adminContact: 'plan.admin@testshire.example' };

const reminder: ReminderDigest = { kind: 'reminder', person: owner, lines: [line('1.02', 90), line('AFI 3', 40, true)], recovering: false };
const escalation: EscalationDigest = {
  kind: 'escalation',
  person: sro,
  recovering: false,
  groups: [
    { ownerId: null, ownerName: '', ownerCount: 1, flag: 'awaiting-sign-off', ignoredReminders: 0, lines: [line('5.01', 45), line('5.02', 31)] },
    { ownerId: 'co-owner', ownerName: coOwner.name, ownerCount: 1, flag: 'bounced', ignoredReminders: 0, lines: [line('2.01', 33)] },
    { ownerId: 'owner', ownerName: owner.name, ownerCount: 1, flag: 'ignored', ignoredReminders: 2, lines: [line('1.01', 70), line('1.02', 61), line('1.03', 61)] },
    { ownerId: null, ownerName: 'DCI Unknown', ownerCount: 1, flag: 'not-in-directory', ignoredReminders: 0, lines: [line('3.01', 61)] },
    { ownerId: null, ownerName: 'No owner', ownerCount: 1, flag: 'no-owner', ignoredReminders: 0, lines: [line('4.01', 29)] },
  ],
};

/** One part alone: what most people are sent. */
const alone = (part: Digest): PersonDigest =>
  part.kind === 'reminder' ? { person: part.person, reminder: part, escalation: null } : { person: part.person, reminder: null, escalation: part };

/** What an action holds that must never reach a mailbox, as the seed's fields name it. */
const sensitive = makeAction({
  text: 'The force should ensure that VULNERABLE VICTIMS are safeguarded',
  evidence: 'EVIDENCE FROM THE INSPECTION',
  plan: 'PLAN OF WORK for the MASH',
  latestProgress: 'PROGRESS NARRATIVE: training delivered',
  confidenceNarrative: 'CONFIDENCE NARRATIVE',
  accepted: { value: true, rationale: 'ACCEPTANCE RATIONALE' },
});

describe('reminder and escalation emails', () => {
  it('reminder: subject, text and Outlook-safe HTML (snapshot)', async () => {
    const email = await renderDigestEmail({ ...base, digest: alone(reminder) });
    expect(email.subject).toBe('2 actions need an update');
    expect(email.text).toMatchInlineSnapshot(`
      "Dear Supt Alex Morgan,

      These 2 actions you own have had no update for 28 days or more, or none yet. Please add an update: it takes a minute.

      - 1.02: last updated 90 days ago
      - AFI 3: never updated (added 40 days ago)

      Update your actions:
      https://actions.testshire.example/u/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde

      The link works until 15 December 2026. It is personal: do not forward it. It opens your actions without a password.

      Testshire Police – Action Plan Tracker. You receive this because you own or sponsor actions in the inspection action plan."
    `);
    expect(email.html).toMatchSnapshot();
  });

  it('does not say "no update for 28 days" of a plan loaded today, whose actions have none yet', async () => {
    const loadedToday = { ...reminder, lines: [line('1.01', 0, true), line('1.02', 0, true)] };
    const { text } = await renderDigestEmail({ ...base, digest: alone(loadedToday) });
    expect(text).toContain('These 2 actions you own have no update yet. Please add an update: it takes a minute.');
    expect(text).toContain('- 1.01: never updated (added today)');
    expect(text).not.toContain('28 days');
  });

  it('does not tell an SRO that actions loaded today "have had no update for 0 days"', async () => {
    const group = (lines: DigestLine[]) => ({ ...escalation, groups: [{ ownerId: null, ownerName: 'No owner', ownerCount: 1, flag: 'no-owner' as const, ignoredReminders: 0, lines }] });
    const loadedToday = (await renderDigestEmail({ ...base, digest: alone(group([line('4.01', 0, true), line('4.02', 0, true)])) })).text;
    expect(loadedToday).toContain('2 actions with no owner have had no update yet.');
    expect(loadedToday).not.toContain('0 days');
    // Some updated, some not: the youngest age among those updated, and the rest said.
    const mixed = (await renderDigestEmail({ ...base, digest: alone(group([line('4.01', 40), line('4.02', 0, true)])) })).text;
    expect(mixed).toContain('2 actions with no owner have had no update for 40 days, or none yet.');
  });

  it('escalation: the closures awaiting sign-off, then one heading per owner with counts, ages and why (snapshot)', async () => {
    const email = await renderDigestEmail({ ...base, digest: alone(escalation) });
    expect(email.subject).toBe('2 closures await your sign-off, and 6 actions in your portfolio need your attention');
    expect(email.text).toContain('2 actions proposed for closure have waited 31 days or more for your sign-off.');
    // A closure's line says how long it has waited, not when it was "last updated", like a stale action's.
    expect(email.text).toContain('- 5.01: waiting 45 days\n- 5.02: waiting 31 days\n');
    expect(email.html).toMatch(/>Ref<\/th><th style="[^"]+">Sign-off<\/th><\/tr><tr><td style="[^"]+">5.01<\/td><td style="[^"]+">waiting 45 days<\/td>/);
    expect(email.text).not.toMatch(/5\.0[12]: last updated/);
    // The refs and ages are a data table, its headings read out by screen readers.
    expect(email.html).toMatch(/<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 16px 0;"><tr><th/);
    expect(email.text).toContain('only you can sign them off: open your actions and choose “Review and sign off” on each.');
    expect(email.text).toContain('3 actions owned by Supt Alex Morgan have had no update for 61 days or more.');
    expect(email.text).toContain("Supt Alex Morgan has been reminded twice about these without updating them. Please ask them to add an update, or ask the plan's admin (plan.admin@testshire.example) to reassign them.");
    expect(email.html).toContain('or ask the plan&#39;s admin (plan.admin@testshire.example) to reassign them.');
    expect(email.text).toContain('1 action owned by Ch Insp Blake Reid has had no update for 33 days.');
    expect(email.text).toContain('1 action with no owner has had no update for 29 days.');
    const pair = { ...escalation, groups: [{ ownerId: 'owner+co-owner', ownerName: `${owner.name} and ${coOwner.name}`, ownerCount: 2, flag: 'ignored' as const, ignoredReminders: 2, lines: [line('1.04', 70)] }] };
    expect((await renderDigestEmail({ ...base, digest: alone(pair) })).text).toContain(
      `1 action owned by ${owner.name} and ${coOwner.name} has had no update for 70 days.\n${owner.name} and ${coOwner.name} have been reminded twice about it without updating it.`,
    );
    const left = { ...escalation, groups: [{ ownerId: 'owner', ownerName: owner.name, ownerCount: 1, flag: 'inactive' as const, ignoredReminders: 0, lines: [line('1.01', 70)] }] };
    expect((await renderDigestEmail({ ...base, digest: alone(left) })).text).toContain(
      "Supt Alex Morgan is marked as having left: this action needs a new owner. Please ask the plan's admin (plan.admin@testshire.example) to reassign it.",
    );
    expect(email.text).toMatchSnapshot();
    expect(email.html).toMatchSnapshot();
  });

  it('an SRO who owns actions too gets both in one email: their own actions first, one link, one button', async () => {
    const ownReminder: ReminderDigest = { kind: 'reminder', person: sro, lines: [line('6.01', 35)], recovering: false };
    const email = await renderDigestEmail({ ...base, digest: { person: sro, reminder: ownReminder, escalation } });
    expect(email.subject).toBe('1 action needs an update, 2 closures await your sign-off, and 6 actions in your portfolio need your attention');
    const text = email.text.split('\n');
    expect(text.slice(0, 6)).toEqual([
      'Dear ACC Casey Shaw,',
      '',
      'This action you own has had no update for 28 days or more. Please add an update: it takes a minute.',
      '',
      '- 6.01: last updated 35 days ago',
      '',
    ]);
    expect(text[6]).toMatch(/^As senior responsible officer, you are told/);
    expect(text.filter((l) => l === link)).toHaveLength(1);
    expect(text).toContain('Update your actions:');
    expect(email.text).toContain('3 actions owned by Supt Alex Morgan have had no update for 61 days or more.');
    expect(email.html.match(/<a /g)).toHaveLength(1);
    expect(email.html).toContain('>Update your actions<');
    expect(email.html.indexOf('6.01')).toBeLessThan(email.html.indexOf('5.01'));
  });

  it('HTML an Outlook renders: layout tables, inline styles, no style sheet, no script', async () => {
    for (const digest of [reminder, escalation]) {
      const { html } = await renderDigestEmail({ ...base, digest: alone(digest) });
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('role="presentation"');
      expect(html).not.toMatch(/<style|<link|<script|class="/);
      expect(html).toContain(`href="${link}"`);
    }
  });

  it('fits a phone: fluid up to 600 px, with a fixed 600 px table for Outlook alone, which ignores max-width', async () => {
    const { html } = await renderDigestEmail({ ...base, digest: { person: sro, reminder: { ...reminder, person: sro }, escalation } });
    const outlookOnly = /<!--\[if mso\]>.*?<!\[endif\]-->/g;
    expect(html.match(outlookOnly)).toEqual([expect.stringContaining('<table role="presentation" width="600"'), expect.stringContaining('</table>')]);
    const everyoneElse = html.replace(outlookOnly, '');
    expect(everyoneElse).not.toMatch(/width="\d+"|[^-]width:\s*\d+px/);
    expect(everyoneElse).toContain('width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;');
  });

  it('carries no recommendation text, plan, evidence or progress narrative, whatever the action holds', async () => {
    const withSensitive = { ...reminder, lines: [{ actionId: sensitive.id, ref: sensitive.ref, ageDays: 40, neverUpdated: false }] };
    const fields = [sensitive.text, sensitive.evidence, sensitive.plan, sensitive.latestProgress, sensitive.confidenceNarrative, sensitive.accepted.rationale];
    for (const digest of [withSensitive, escalation]) {
      const email = await renderDigestEmail({ ...base, digest: alone(digest) });
      for (const part of [email.subject, email.text, email.html]) {
        for (const field of fields) expect(part).not.toContain(field!.slice(0, 20));
        expect(part).not.toMatch(/recommendation|progress update:|narrative/i);
      }
    }
  });

  it('escapes names and refs, and refuses a link that is not http(s)', async () => {
    const odd = { ...reminder, person: { ...owner, name: '<b>Supt & Co</b>' }, lines: [line('<R1>', 30)] };
    const { html } = await renderDigestEmail({ ...base, digest: alone(odd) });
    expect(html).toContain('&lt;b&gt;Supt &amp; Co&lt;/b&gt;');
    expect(html).toContain('&lt;R1&gt;');
    await expect(renderDigestEmail({ ...base, link: { ...base.link, url: 'javascript:alert(1)' }, digest: alone(reminder) })).rejects.toThrow('Refusing');
  });
});
