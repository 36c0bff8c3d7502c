import type { Context } from 'hono';
import { listActionPage, readFilters } from '../../../functions/core/admin/actions/list-actions.js';
import type { Person } from '../../../functions/core/model/person.js';
import type { AdminEnv } from '../admin-env.js';
import { ListPage } from './list-page.js';

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name, 'en-GB');

/** GET /admin/actions: filters from the query string (bad values dropped with a message, never an error). */
export async function listActionsPage(c: Context<AdminEnv>) {
  const deps = c.get('deps');
  const { filters, ignored } = readFilters(c.req.query());
  const [actions, people] = await Promise.all([deps.repository.listActions(), deps.repository.listPeople()]);
  const result = listActionPage(actions, filters, deps.clock.now(), deps.config);
  const sroIds = new Set(actions.flatMap((a) => (a.sroId ? [a.sroId] : [])));
  const ownerIds = new Set(actions.flatMap((a) => a.ownerIds));
  const areas = [...new Set(actions.map((a) => a.area))].sort((a, b) => a.localeCompare(b, 'en-GB'));
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
