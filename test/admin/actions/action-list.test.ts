import { describe, expect, it } from 'vitest';
import { listActionPage, readFilters } from '../../../functions/core/admin/actions/list-actions.js';
import type { Action } from '../../../functions/core/model/action.js';
import { makeAction } from '../../support/make-action.js';
import { actionsHarness, config, now, textOf } from './actions-fixture.js';

/** Refs of the rows on a rendered list page, in order. */
async function refsOn(h: Awaited<ReturnType<typeof actionsHarness>>, query: string): Promise<string[]> {
  const response = await h.app.request(`/admin/actions${query}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  return [...html.matchAll(/<th scope="row"><a href="\/admin\/actions\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

describe('the actions list', () => {
  it('lists every action in plan order (area, then ref) by default', async () => {
    const h = await actionsHarness();
    expect(await refsOn(h, '')).toEqual(['1.01', '1.02', '2.01', '1.03']);
  });

  it.each([
    ['?status=closed', ['1.03']],
    ['?area=Efficiency', ['1.02', '2.01']],
    ['?owner=alex', ['1.01', '1.02', '2.01']],
    ['?sro=casey', ['1.01', '1.02']],
    ['?confidence=high', ['2.01']],
    ['?stale=yes', ['1.01']],
    ['?overdue=yes', ['1.01']],
    ['?q=SHIFT', ['1.02']],
    ['?q=2.0', ['2.01']],
    ['?owner=alex&status=open', ['1.01', '2.01']],
  ])('filters %s', async (query, refs) => {
    const h = await actionsHarness();
    expect(await refsOn(h, query)).toEqual(refs);
  });

  it.each([
    ['?sort=updated-oldest', ['1.01', '1.03', '1.02', '2.01']],
    ['?sort=updated-newest', ['2.01', '1.02', '1.03', '1.01']],
    ['?sort=target-soonest', ['1.01', '2.01', '1.02', '1.03']],
    ['?sort=target-latest', ['2.01', '1.01', '1.02', '1.03']],
  ])('sorts %s (no target last either way)', async (query, refs) => {
    const h = await actionsHarness();
    expect(await refsOn(h, query)).toEqual(refs);
  });

  it.each([
    ['?status=bogus', 'status'],
    ['?confidence=%3Cscript%3E', 'confidence'],
    ['?page=-3', 'page number'],
    ['?page=99999999999', 'page number'],
    ['?sort=DROP+TABLE', 'sort order'],
    ['?owner=Not%20An%20Id', 'owner'],
    ['?stale=maybe', 'stale'],
    [`?q=${'x'.repeat(300)}`, 'search'],
  ])('ignores a bad value %s with a message, never an error', async (query, what) => {
    const h = await actionsHarness();
    const response = await h.app.request(`/admin/actions${query}`);
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain(`The ${what} "`);
    expect(text).toContain('so it was ignored');
    expect(text).toContain('Showing 1 to 4 of 4 actions');
  });

  it('bad query values are escaped in the message', async () => {
    const h = await actionsHarness();
    const html = await (await h.app.request('/admin/actions?status=%3Cscript%3Ealert(1)%3C/script%3E')).text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps the filters in the form and in the paging links', async () => {
    const actions = Array.from({ length: 120 }, (_, i) => makeAction({ id: `a-${i}`, ref: `R${i}`, area: i % 2 ? 'Odd' : 'Even', ownerIds: ['alex'] }));
    const h = await actionsHarness({ actions });
    const html = await (await h.app.request('/admin/actions?area=Even&sort=updated-oldest&page=2')).text();
    expect(textOf(html)).toContain('Showing 51 to 60 of 60 actions');
    expect(textOf(html)).toContain('Page 2 of 2');
    expect(html).toContain('href="/admin/actions?area=Even&amp;sort=updated-oldest" rel="prev"');
    expect(html).toMatch(/<option value="Even" selected/);
    expect(html).toMatch(/<option value="updated-oldest" selected/);
  });

  it('pages 50 at a time; a page past the end shows the last', async () => {
    const actions = Array.from({ length: 120 }, (_, i) => makeAction({ id: `a-${i}`, ref: `R${i}` }));
    const h = await actionsHarness({ actions });
    expect(await refsOn(h, '')).toHaveLength(50);
    expect((await refsOn(h, '?page=3'))).toEqual(Array.from({ length: 20 }, (_, i) => `R${100 + i}`));
    expect(await refsOn(h, '?page=40')).toEqual(await refsOn(h, '?page=3'));
  });

  it('says so when nothing matches, and counts one match as "1 action"', async () => {
    const h = await actionsHarness({ actions: [makeAction({ id: 'only', ref: '1.01' })] });
    expect(textOf(await (await h.app.request('/admin/actions?q=nothing-like-this')).text())).toContain('No actions match these filters.');
    expect(textOf(await (await h.app.request('/admin/actions')).text())).toContain('Showing 1 to 1 of 1 action.');
  });

  it('works without script: a GET form, a labelled table in a focusable scroll region', async () => {
    const h = await actionsHarness();
    const html = await (await h.app.request('/admin/actions')).text();
    expect(html).toContain('<form method="get" action="/admin/actions"');
    expect(html).toContain('<caption id="actions-caption"');
    expect(html).toContain('role="region" aria-labelledby="actions-caption" tabindex="0"');
    expect(html).not.toContain('<script');
  });
});

describe('back from an action to the list as it was', () => {
  it('returns to the filters and page last used, through a save on the way, and to all actions otherwise', async () => {
    const h = await actionsHarness();
    const listed = await h.app.request('/admin/actions?area=Efficiency&sort=updated-oldest&unknown=x');
    const cookie = listed.headers.getSetCookie().find((c) => c.startsWith('__Host-actions-list='))!.split(';')[0]!;
    const back = async (headers: Record<string, string>) => /<a class="back-link" href="([^"]*)">([^<]*)</.exec(await (await h.app.request('/admin/actions/101', { headers })).text())!.slice(1);
    expect(await back({ Cookie: cookie })).toEqual(['/admin/actions?area=Efficiency&amp;sort=updated-oldest', 'Back to the list of actions']);
    // After a save, the action page the redirect lands on keeps it.
    const saved = await h.app.request('/admin/actions/103/reopen', { method: 'POST', body: new URLSearchParams({ version: '1', reopenReason: 'Not finished' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie } });
    expect(saved.status).toBe(303);
    expect(await (await h.app.request(saved.headers.get('location')!, { headers: { Cookie: cookie } })).text()).toContain('href="/admin/actions?area=Efficiency&amp;sort=updated-oldest"');
    expect(await back({})).toEqual(['/admin/actions', 'Back to all actions']);
    // Whatever the cookie holds, only the list's own choices come back.
    expect(await back({ Cookie: `__Host-actions-list=${encodeURIComponent('https://evil.example/?area=x')}` })).toEqual(['/admin/actions', 'Back to all actions']);
    expect(await back({ Cookie: `__Host-actions-list=${encodeURIComponent('/admin/actions?status=%22%3E%3Cscript%3E&area=Efficiency')}` })).toEqual(['/admin/actions?area=Efficiency', 'Back to the list of actions']);
  });
});

describe('listActionPage (core)', () => {
  const base: Action[] = Array.from({ length: 5 }, (_, i) => makeAction({ id: `a-${i}`, ref: `R${i}`, lastUpdatedAt: i === 0 ? null : `2026-1${i % 2}-0${i}T10:00:00.000Z` }));

  it('never-updated actions are the oldest', () => {
    expect(listActionPage(base, { sort: 'updated-oldest' }, now, config).rows[0]!.action.id).toBe('a-0');
  });

  it('reads filters without throwing on anything', () => {
    for (const value of ['', ' ', '\u0000', '[]', '{}', '1e9', 'NaN', '🙂'.repeat(100)]) {
      expect(() => readFilters({ q: value, status: value, page: value, sort: value, owner: value })).not.toThrow();
    }
  });
});

describe('plan order after an edit', () => {
  it('a changed ref moves the action in the list (the remembered order is not reused)', async () => {
    const h = await actionsHarness();
    expect(await refsOn(h, '?area=Efficiency')).toEqual(['1.02', '2.01']);
    await h.post('/admin/actions/104/edit', { version: '1', kind: 'recommendation', area: 'Efficiency', ref: '0.9', text: 'Estates review.', evidence: '', plan: '', acceptedValue: 'yes', acceptedRationale: '' });
    expect(await refsOn(h, '?area=Efficiency')).toEqual(['0.9', '1.02']);
    expect(await refsOn(h, '?area=Efficiency&sort=updated-newest')).toEqual(['0.9', '1.02']);
  });
});
