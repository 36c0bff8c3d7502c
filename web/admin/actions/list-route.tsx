import type { Context } from 'hono';
import { listActionPage, readFilters } from '../../../functions/core/admin/actions/list-actions.js';
import type { Person } from '../../../functions/core/model/person.js';
import type { AdminEnv } from '../admin-env.js';
import { ListPage } from './list-page.js';
import { rememberListView } from './list-view.js';

const collator = new Intl.Collator('en-GB');
const byName = (a: Person, b: Person) => collator.compare(a.name, b.name);

/** GET /admin/actions: filters from the query string (bad values dropped with a message, never an error). */
export async function listActionsPage(c: Context<AdminEnv>) {
  const deps = c.get('deps');
  const { filters, ignored } = readFilters(c.req.query());
  const [actions, people] = await Promise.all([deps.repository.listActions(), deps.repository.listPeople()]);
  const result = listActionPage(actions, filters, deps.clock.now(), deps.config);
  rememberListView(c, deps.config.baseUrl, filters, result.page);
  const sroIds = new Set<string>();
  const ownerIds = new Set<string>();
  const areaSet = new Set<string>();
  for (const action of actions) {
    if (action.sroId) sroIds.add(action.sroId);
    for (const id of action.ownerIds) ownerIds.add(id);
    areaSet.add(action.area);
  }
  const areas = [...areaSet].sort(collator.compare);
  return c.html(
    <ListPage
      forceName={deps.config.name}
      session={c.get('session')}
      result={result}
      filters={filters}
      ignored={ignored}
      areas={areas}
      sros={people.filter((p) => sroIds.has(p.id)).sort(byName)}
      owners={people.filter((p) => ownerIds.has(p.id)).sort(byName)}
    />,
  );
}
