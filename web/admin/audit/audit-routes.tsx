import { Hono } from 'hono';
import type { AdminEnv } from '../admin-env.js';
import { requireAdmin } from '../require-admin.js';
import { AuditPage } from './audit-page.js';

/** One page is enough to answer "who did this?" for recent weeks; the full log stays in the table. */
const shownEntries = 100;

/** The audit log, for admins only: its before and after hold item text and addresses. */
export function createAuditRoutes() {
  const routes = new Hono<AdminEnv>();
  routes.use(requireAdmin);

  routes.get('/', async (c) => {
    const { config, repository, audit } = c.get('deps');
    const [entries, actions, people] = await Promise.all([audit.listRecent(shownEntries), repository.listActions(), repository.listPeople()]);
    return c.html(
      <AuditPage
        forceName={config.name}
        session={c.get('session')}
        entries={entries}
        limit={shownEntries}
        timeZone={config.timeZone}
        actionRefs={new Map(actions.map((a) => [a.id, a.ref]))}
        personNames={new Map(people.map((p) => [p.id, p.name]))}
      />,
    );
  });

  return routes;
}
