import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../functions/core/form-text.js';
import { Action } from '../../functions/core/model/action.js';
import { makeAction, makePerson } from '../support/make-action.js';
import { ownerHarness, postForm, validUpdate } from './owner-fixture.js';

const xssCorpus = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(document.cookie)',
  '<a href="javascript:alert(1)">click</a>',
  '<iframe src="https://evil.example"></iframe>',
  '{{constructor.constructor("alert(1)")()}}',
  '&lt;script&gt;',
  '<style>body{display:none}</style>',
];

/** No markup from the corpus survives, and no link anywhere points at a javascript: URL. */
function expectEscaped(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(img|svg|iframe|style)\b/i);
  // With quoted attribute values blanked, any event-handler attribute left would be a real one.
  expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
  expect(html).not.toMatch(/<\/textarea><script/i);
}

describe('owner pages: bad input', () => {
  it('escape an XSS corpus in every form field, on the error page and after saving', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    let version = 1;
    for (const payload of xssCorpus) {
      const invalid = await postForm(h.app, `/u/${token}/actions/101`, {
        version: String(version),
        progress: payload,
        confidence: payload,
        confidenceNarrative: payload,
        targetMonth: payload,
        targetYear: payload,
        timescaleReason: payload,
        complete: payload,
      });
      expect(invalid.status).toBe(400);
      const invalidHtml = await invalid.text();
      expectEscaped(invalidHtml);
      if (payload.includes('<')) expect(invalidHtml).toContain(payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));

      const saved = await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ version: String(version), progress: payload, confidenceNarrative: payload }));
      expect(saved.status).toBe(303);
      version++;
      const landed = await (await h.app.request(saved.headers.get('location')!)).text();
      expect(landed).toContain('Update saved for 1.01');
      for (const page of [landed, await (await h.app.request(`/u/${token}/actions/101`)).text()]) expectEscaped(page);
      const conflict = await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ version: '1', progress: payload, timescaleReason: payload }));
      expect(conflict.status).toBe(409);
      expectEscaped(await conflict.text());
    }
    const email = await postForm(h.app, '/u/new-link', { email: xssCorpus[1]! });
    expect(email.status).toBe(400);
    expectEscaped(await email.text());
  });

  it('escape an XSS corpus in stored action and person fields, and never render a javascript: URL as a link', async () => {
    const payload = (i: number) => xssCorpus[i % xssCorpus.length]!;
    const actions = xssCorpus.map((_, i) =>
      makeAction({ id: `x${i}`, ref: payload(i), area: payload(i + 1), text: payload(i + 2), plan: payload(i + 3), ownerIds: ['alex'], confidenceNarrative: payload(i + 4), timescale: { text: payload(i + 5), target: null, originalTarget: null, revisions: [] } }),
    );
    const h = await ownerHarness({ actions });
    await h.repository.putPerson(makePerson({ id: 'alex', name: 'javascript:alert(1)', email: 'alex.morgan@testshire.example' }));
    const token = await h.linkFor('alex');
    expectEscaped(await (await h.app.request(`/u/${token}`)).text());
    for (const action of actions) expectEscaped(await (await h.app.request(`/u/${token}/actions/${action.id}`)).text());
  });

  it('store text without bidirectional controls, which would make it display as other than it is', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const spoofed = 'Training \u202Edenialp\u202C for all staff \u2067by March\u2069';
    const saved = await postForm(h.app, `/u/${token}/actions/101`, validUpdate({ progress: spoofed, confidenceNarrative: `\u202D${spoofed}` }));
    expect(saved.status).toBe(303);
    const action = (await h.memory.getAction('101'))!;
    expect(action.latestProgress).toBe('Training denialp for all staff by March');
    expect(action.confidenceNarrative).toBe('Training denialp for all staff by March');
    expect(await (await h.app.request(`/u/${token}/actions/101`)).text()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('never answers 5xx to arbitrary fields and values, and stores only valid updates', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const names = ['version', 'progress', 'confidence', 'confidenceNarrative', 'targetMonth', 'targetYear', 'timescaleReason', 'complete', '__proto__', 'constructor', 'extra'];
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('high', 'medium', 'low', 'yes', '9', '2026', '2027', '6', '', ' ', '0', '-1', '1e3', 'NaN', '99999999999', ...xssCorpus),
      fc.string({ minLength: 4990, maxLength: 5020, unit: fc.constantFrom('a', ' ', 'é') }),
    );
    const arbitrary = fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length });
    // Half start from a valid form with a few fields replaced, so that the stored branch is exercised too.
    const form = fc.oneof(arbitrary, fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 2 }).map((fields) => ({ ...validUpdate(), ...fields })));
    let storedCount = 0;
    await fc.assert(
      fc.asyncProperty(form, fc.boolean(), async (fields, useCurrentVersion) => {
        const before = (await h.memory.getAction('101'))!;
        const sent: Record<string, string> = { ...fields, ...(useCurrentVersion ? { version: String(before.version) } : {}) };
        const response = await postForm(h.app, `/u/${token}/actions/101`, sent);
        expect(response.status).toBeLessThan(500);
        const after = (await h.memory.getAction('101'))!;
        const stored = after.version !== before.version;
        if (response.status === 303 && !stored) {
          // The form that made the latest update, sent again: counted as saved, and nothing more stored.
          expect(sent.version).toBe(String(before.version - 1));
          expect(after.latestProgress).toBe(plainText(sent.progress ?? '').trim());
          expect(after).toEqual(before);
        } else expect(stored).toBe(response.status === 303);
        if (stored) {
          storedCount++;
          const progress = plainText(sent.progress ?? '').trim();
          expect(progress.length).toBeGreaterThan(0);
          expect(progress.length).toBeLessThanOrEqual(5000);
          expect(['high', 'medium', 'low']).toContain(sent.confidence);
          expect(sent.version).toBe(String(before.version));
          expect(Action.safeParse(after).success).toBe(true);
          expect(after.latestProgress).toBe(progress);
        } else {
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 300 },
    );
    expect(storedCount).toBeGreaterThan(10);
  });
});
