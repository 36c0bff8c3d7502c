import { describe, expect, it } from 'vitest';
import { ownerHarness } from './owner-fixture.js';

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';

describe('an owner opening an action that is not open to them', () => {
  it('is told so, with a way back to their actions, whether it was closed, reassigned or never theirs', async () => {
    const h = await ownerHarness();
    const token = await h.linkFor('alex');
    const given = (await h.repository.getAction('102'))!;
    await h.repository.putAction({ ...given, ownerIds: ['blake'], version: given.version + 1 }, given.version);
    const writes = h.repository.writes;
    for (const id of ['104', '102', '201', 'no-such-action']) {
      const response = await h.app.request(`/u/${token}/actions/${id}`);
      expect(response.status, id).toBe(404);
      const html = await response.text();
      expect(titleOf(html), id).toMatch(/^This action is no longer open to you/);
      expect(html, id).toContain(`<a href="/u/${token}">Go to your actions</a>`);
      // An owner signs off and returns nothing: the SRO's reasons would puzzle them.
      expect(html, id).toContain('It may have been closed (signed off as complete, or set aside by an administrator), or given to someone else.');
      expect(html, id).not.toContain('perhaps by you');
      // Nothing was typed on a GET, so there is nothing to copy.
      expect(html, id).not.toContain('Copy it from below');
      expect(html, id).not.toContain('BLAKE-ONLY');
    }
    expect(h.repository.writes).toBe(writes);
  });
});
