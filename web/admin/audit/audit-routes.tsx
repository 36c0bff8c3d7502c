import { Hono } from 'hono';
import { AuditCursor } from '../../../functions/core/admin/audit-log.js';
import { personWithAddress } from '../../../functions/core/admin/find-person.js';
import type { Person } from '../../../functions/core/model/person.js';
import { HttpError } from '../../http-error.js';
import type { AdminEnv } from '../admin-env.js';
import { requireAdmin } from '../require-admin.js';
import { AuditPage } from './audit-page.js';

/** Enough to see a week or two at a glance; older pages follow. */
const pageSize = 100;

function olderThanParam(value: string | undefined): AuditCursor | undefined {
  if (value === undefined) return undefined;
  const parsed = AuditCursor.safeParse(value);
  if (!parsed.success) throw new HttpError(400, 'This page of the audit log cannot be found', 'The link is not complete. Start again from the newest entries: choose Audit log in the menu above.');
  return parsed.data;
}

/** The directory's name for each address entries were made by, the active entry first (personWithAddress). */
function namesOfAddresses(addresses: string[], people: readonly Person[]): Map<string, string> {
  const named = [...new Set(addresses)].map((address) => [address, personWithAddress(people, address)?.name] as const);
  return new Map(named.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
}

/** The audit log, for admins only: its before and after hold item text and addresses. */
export function createAuditRoutes() {
  const routes = new Hono<AdminEnv>();
  routes.use(requireAdmin);

  routes.get('/', async (c) => {
    const { config, repository, audit } = c.get('deps');
    const olderThan = olderThanParam(c.req.query('older'));
    const [page, actions, people] = await Promise.all([audit.listRecent(pageSize, olderThan), repository.listActions(), repository.listPeople()]);
    return c.html(
      <AuditPage
        forceName={config.name}
        session={c.get('session')}
        page={page}
        isNewest={olderThan === undefined}
        pageSize={pageSize}
        timeZone={config.timeZone}
        actionRefs={new Map(actions.map((a) => [a.id, a.ref]))}
        personNames={new Map(people.map((p) => [p.id, p.name]))}
        namesByEmail={namesOfAddresses(page.entries.map((entry) => entry.by), people)}
      />,
    );
  });

  return routes;
}
