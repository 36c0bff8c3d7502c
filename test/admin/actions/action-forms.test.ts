import { describe, expect, it } from 'vitest';
import { boardSession } from '../support/admin-test-app.js';
import { expectSafeFailureLine } from '../../support/ses-rejection.js';
import { actionsHarness, textOf } from './actions-fixture.js';

const xssCorpus = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea><script>alert(2)</script>',
  'javascript:alert(3)',
  '<a href="javascript:alert(4)">click</a>',
  '{{constructor.constructor("alert(5)")()}}',
  '&lt;b&gt; already escaped &amp;',
];

describe('reasons are required', () => {
  const reasonForms = [
    { change: 'reopen', id: '103', version: '1', field: 'reopenReason', message: 'Enter why the action is being reopened' },
    { change: 'not-accepted', id: '101', version: '3', field: 'notAcceptedReason', message: 'Enter why the force has not accepted the action' },
    { change: 'superseded', id: '101', version: '3', field: 'supersededReason', message: 'Enter why the action is superseded, and by what' },
  ] as const;

  for (const { change, id, version, field, message } of reasonForms) {
    it(`${change} without a reason: the GOV.UK error page, the form open, nothing written`, async () => {
      const h = await actionsHarness();
      const response = await h.post(`/admin/actions/${id}/${change}`, { version, [field]: '   ' });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toMatch(/<title>Error: /);
      expect(html).toContain('class="error-summary"');
      expect(html).toContain(`<a href="#${field}">${message}</a>`);
      expect(html).toMatch(new RegExp(`<details class="change-section" id="change-${change}" open`));
      expect(html).toContain(`id="${field}-error"`);
      expect(await h.historyCount()).toBe(0);
      expect(h.audit.entries).toHaveLength(0);
    });

    it(`${change} with a reason too long: the input is kept`, async () => {
      const h = await actionsHarness();
      const long = `Start of a long reason ${'x'.repeat(6000)}`;
      const response = await h.post(`/admin/actions/${id}/${change}`, { version, [field]: long });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(long);
      expect(await h.historyCount()).toBe(0);
    });
  }

  it('an edit with the text emptied keeps every other field as typed', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/101/edit', { version: '3', kind: 'afi', area: 'Typed area', ref: '1.01', text: '', evidence: 'Typed evidence', plan: 'Typed plan', acceptedValue: 'no', acceptedRationale: 'Typed rationale' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<a href="#text">Enter the text of the item</a>');
    for (const kept of ['value="Typed area"', 'Typed evidence', 'Typed plan', 'Typed rationale']) expect(html).toContain(kept);
    expect(html).toMatch(/id="kind-afi" name="kind" value="afi" checked/);
    expect(await h.historyCount()).toBe(0);
  });

  it('an edit with every long field at its limit in characters a form sends as 9 bytes is saved, not refused for its size', async () => {
    const h = await actionsHarness();
    const long = '“'.repeat(20000);
    const response = await h.post('/admin/actions/101/edit', { version: '3', kind: 'afi', area: 'Effectiveness', ref: '1.01', text: long, evidence: long, plan: long, acceptedValue: 'yes', acceptedRationale: '’'.repeat(5000) });
    expect(response.status).toBe(303);
    expect((await h.repository.getAction('101'))!.plan).toBe(long);
  });

  it('an edit cannot say "not accepted" without the status: the buttons that ask why do both', async () => {
    const h = await actionsHarness();
    const edit = { version: '3', kind: 'recommendation', area: 'Effectiveness', ref: '1.01', text: 'Improve crime recording.', evidence: '', plan: '', acceptedRationale: '' };
    const refused = await h.post('/admin/actions/101/edit', { ...edit, acceptedValue: 'no' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<a href="#acceptedValue">To record that the force has not accepted it, use “Mark not accepted” below');
    expect(await h.historyCount()).toBe(0);

    // Marked not accepted, then reopened: taken on, so its answer is Yes again, and an edit may keep it.
    expect((await h.post('/admin/actions/101/not-accepted', { version: '3', notAcceptedReason: 'Covered by 1.02' })).status).toBe(303);
    const stillNo = await h.post('/admin/actions/101/edit', { ...edit, version: '4', acceptedValue: 'yes' });
    expect(await stillNo.text()).toContain('It is marked not accepted: to take it on, use “Reopen” below');
    expect((await h.post('/admin/actions/101/reopen', { version: '4', reopenReason: 'The board asked for it after all' })).status).toBe(303);
    expect((await h.repository.getAction('101'))!).toMatchObject({ status: 'open', accepted: { value: true, rationale: null } });
    expect((await h.post('/admin/actions/101/edit', { ...edit, version: '5', acceptedValue: 'yes', text: 'Improve crime recording now.' })).status).toBe(303);
  });

  it('an update on behalf without progress or confidence lists both, in page order', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/101/on-behalf', { version: '3', onBehalfOf: 'alex', progress: '', confidenceNarrative: 'Kept narrative', targetMonth: '9', targetYear: '2026' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html.indexOf('href="#progress"')).toBeLessThan(html.indexOf('href="#confidence"'));
    expect(html).toContain('Kept narrative');
    // The admin is told about the owner's words, not asked for their own.
    expect(html).toContain('<a href="#progress">Enter the owner’s progress update</a>');
    expect(html).toContain('<a href="#confidence">Select how confident the owner is that the action will be done by its target date</a>');
    expect(html).not.toMatch(/Enter your|confident you are/);
  });

  it('an update on behalf with medium confidence in a target that has passed is refused on the target', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/101/on-behalf', { version: '3', onBehalfOf: 'alex', progress: 'By phone.', confidence: 'medium', targetMonth: '9', targetYear: '2026' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<a href="#target">The target date has passed: enter a new one, or select Low confidence</a>');
    expect(await h.historyCount()).toBe(0);
    // Nor is the form prefilled with the stored Medium, which would be refused as it stands.
    const form = (await (await h.app.request('/admin/actions/101')).text()).split('id="change-on-behalf"')[1]!;
    expect(form).toContain('name="confidence"');
    expect(form).not.toMatch(/name="confidence" value="[a-z]+" checked/);
    expect(textOf(form)).toContain('Now: September 2026, which has passed: enter the month it will now be done by, or choose Low confidence above');
  });

  it('reassigning to a leaver or someone unknown is refused on that field', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/101/reassign', { version: '3', owner1: 'leaver', owner2: 'nobody', owner3: '', sro: '' });
    expect(response.status).toBe(400);
    const html = textOf(await response.text());
    expect(html).toContain('Former Officer has left (deactivated)');
    expect(html).toContain('that person is not in the directory');
    expect(await h.historyCount()).toBe(0);
  });
});

describe('edited text comes back escaped', () => {
  for (const payload of xssCorpus) {
    it(`${payload.slice(0, 30)}`, async () => {
      const h = await actionsHarness();
      const response = await h.post('/admin/actions/101/edit', { version: '3', kind: 'recommendation', area: payload.slice(0, 200), ref: '1.01', text: payload, evidence: payload, plan: payload, acceptedValue: 'yes', acceptedRationale: payload });
      expect(response.status).toBe(303);
      for (const path of ['/admin/actions/101', '/admin/actions', `/admin/actions?q=${encodeURIComponent(payload)}`]) {
        const html = await (await h.app.request(path)).text();
        expect(html).not.toContain('<script>alert');
        expect(html).not.toMatch(/<img src=x/i);
        expect(html).not.toMatch(/<svg onload/i);
        expect(html).not.toContain('<a href="javascript:');
        expect(html).not.toContain('</textarea><script>');
      }
      const page = await (await h.app.request('/admin/actions/101')).text();
      const escaped = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      expect(page).toContain(`<p class="prose">${escaped}</p>`);
    });
  }
});

describe('edited text is stored without bidirectional controls', () => {
  it('so that it displays as typed, with nothing turned round', async () => {
    const h = await actionsHarness();
    const spoofed = 'Review \u202Edenialp\u202C cases \u2066weekly\u2069';
    const response = await h.post('/admin/actions/101/edit', { version: '3', kind: 'recommendation', area: 'Vetting', ref: '1.01', text: spoofed, evidence: '', plan: spoofed, acceptedValue: 'yes', acceptedRationale: '' });
    expect(response.status).toBe(303);
    expect(await (await h.app.request('/admin/actions/101')).text()).toContain('<p class="prose">Review denialp cases weekly</p>');
  });
});

describe('reassigning tells the new owners', () => {
  it('emails each new owner their personal link and the ref, never the action text', async () => {
    const h = await actionsHarness();
    const response = await h.post('/admin/actions/101/reassign', { version: '3', owner1: 'blake', owner2: 'alex', owner3: '', sro: 'casey' });
    expect(response.status).toBe(303);
    expect(h.sent).toHaveLength(1); // Alex already owned it
    const [email] = h.sent;
    expect(email!.to).toEqual(['blake.reid@testshire.example']);
    expect(email!.subject).toContain('1.01');
    for (const body of [email!.text, email!.html]) {
      expect(body).toMatch(/https:\/\/actions\.testshire\.example\/u\/[A-Za-z0-9_-]{20,}/);
      expect(body).not.toContain('Improve crime recording');
    }
    const token = /\/u\/([A-Za-z0-9_-]+)/.exec(email!.text)![1]!;
    expect(await h.deps.linkTokens.getToken(await (await import('../../../functions/core/links/token-crypto.js')).hashToken(token))).toMatchObject({ personId: 'blake' });
  });

  it('emails a new SRO the ref as its SRO; keeping the SRO emails nobody about it', async () => {
    const h = await actionsHarness();
    await h.post('/admin/actions/104/reassign', { version: '1', owner1: 'blake', owner2: 'alex', owner3: '', sro: 'casey' });
    expect(h.sent.map((e) => [e.to, e.subject])).toEqual([[['casey.lane@testshire.example'], 'You are now the SRO of action 2.01']]);
    expect(h.sent[0]!.text).not.toContain('Estates review');
    await h.post('/admin/actions/104/reassign', { version: '2', owner1: 'alex', owner2: 'blake', owner3: '', sro: 'casey' });
    expect(h.sent).toHaveLength(1);
  });

  it('emails someone made both lead owner and SRO once, naming both roles', async () => {
    const h = await actionsHarness();
    await h.post('/admin/actions/104/reassign', { version: '1', owner1: 'casey', owner2: 'alex', owner3: '', sro: 'casey' });
    expect(h.sent.map((e) => [e.to, e.subject])).toEqual([[['casey.lane@testshire.example'], 'You are now an owner and the SRO of action 2.01']]);
    expect(h.sent[0]!.text).toContain('You are now an owner and the senior responsible officer (SRO) of action 2.01 in');
    // Owning it too, they do not sign it off (an admin does): the link is to update it.
    expect(h.sent[0]!.text).toContain('Open your personal link to see the action and give an update:');
  });

  it('a failed email keeps the change and says who was not told', async () => {
    const h = await actionsHarness({ failMailTo: 'blake.reid@testshire.example' });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await h.post('/admin/actions/101/reassign', { version: '3', owner1: 'blake', owner2: '', owner3: '', sro: '' });
      expect(response.status).toBe(303);
      expect((await h.repository.getAction('101'))!.ownerIds).toEqual(['blake']);
      const page = textOf(await (await h.app.request(response.headers.get('location')!)).text());
      expect(page).toContain('Not emailed (the email failed, or they cannot receive email): Ch Insp Blake Reid . Tell them yourself, or email them a new link from their People page');
      // A warning beside the success banner, not inside it, naming each person with a link to the page that can send them one.
      const html = await (await h.app.request(response.headers.get('location')!)).text();
      expect(html).toMatch(/<p class="warning-text">Not emailed[^<]*<a href="\/admin\/people\/blake">Ch Insp Blake Reid<\/a>\. Tell them yourself/);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expectSafeFailureLine((errors[0] as unknown[])[0], 'blake.reid@testshire.example', { message: 'owner-assigned email failed' });
  });

  it('names only people the directory holds from a console link, whatever text it was crafted to carry', async () => {
    const h = await actionsHarness();
    const planted = 'Your session has expired: ring 0800 000 000 to keep your access';
    const page = textOf(await (await h.app.request(`/admin/actions/101?${new URLSearchParams({ done: 'reassign', notEmailed: `blake,${planted},constructor,blake` })}`)).text());
    expect(page).toContain('Not emailed (the email failed, or they cannot receive email): Ch Insp Blake Reid . Tell them yourself,');
    expect(page).not.toMatch(/0800|constructor/);
    // Nobody the directory holds: no warning at all, rather than an empty one.
    const none = textOf(await (await h.app.request(`/admin/actions/101?${new URLSearchParams({ done: 'reassign', notEmailed: `${planted},toString` })}`)).text());
    expect(none).toContain('Owners reassigned');
    expect(none).not.toMatch(/Not emailed|0800|toString/);
  });

  it('clears names the import could not match', async () => {
    const h = await actionsHarness();
    const action = (await h.repository.getAction('104'))!;
    await h.repository.putAction({ ...action, unmatchedNames: ['DCI Someone'] }, 1);
    await h.post('/admin/actions/104/reassign', { version: '1', owner1: 'blake', owner2: 'alex', owner3: '', sro: '' });
    expect((await h.repository.getAction('104'))!.unmatchedNames).toEqual([]);
    expect(h.sent).toHaveLength(0);
  });
});

describe('board members', () => {
  it('see the action and its history without any form', async () => {
    const h = await actionsHarness({ session: boardSession });
    const html = await (await h.app.request('/admin/actions/102')).text();
    expect(html).toContain('1.02');
    expect(html).toContain('History');
    expect(html).not.toContain('<form method="post" action="/admin/actions');
    expect(html).not.toContain('Change this action');
    // The stored version guards against lost updates; it means nothing to a reader.
    expect(html).not.toContain('<dt>Version</dt>');
  });

  it('admins see a form for each change that fits the status', async () => {
    const h = await actionsHarness();
    const proposed = await (await h.app.request('/admin/actions/102')).text();
    for (const change of ['sign-off', 'on-behalf', 'reassign', 'edit', 'reopen', 'not-accepted', 'superseded']) {
      expect(proposed).toContain(`action="/admin/actions/102/${change}"`);
    }
    const open = await (await h.app.request('/admin/actions/101')).text();
    expect(open).not.toContain('action="/admin/actions/101/sign-off"');
    // The update on behalf asks why a target moves only of an action that has had one, as the owner's form does.
    const onBehalf = (html: string) => html.split('id="change-on-behalf"')[1]!.split('</form>')[0]!;
    expect(onBehalf(open)).toContain('name="timescaleReason"');
    expect(onBehalf(proposed)).not.toContain('name="timescaleReason"');
    expect(open).not.toContain('action="/admin/actions/101/reopen"');
  });

  it('a GET never writes', async () => {
    const h = await actionsHarness();
    for (const path of ['/admin/actions', '/admin/actions/101', '/admin/actions/101?done=edit', '/admin/actions/101/sign-off']) await h.app.request(path);
    expect(await h.historyCount()).toBe(0);
    expect(h.audit.entries).toHaveLength(0);
  });
});
