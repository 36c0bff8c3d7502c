import { Hono } from 'hono';
import { daysSinceUpdate, isOverdue, isStale } from '../../functions/core/rules/stale.js';
import type { AppEnv } from '../app.js';
import { Layout } from '../views/layout.js';

/** Local runner only (see AppDeps.localPreview): the demo plan at a glance. */
export function createPreviewRoutes() {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { repository, config, clock } = c.get('deps');
    const now = clock.now();
    const [actions, people] = await Promise.all([repository.listActions(), repository.listPeople()]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    return c.html(
      <Layout title="Plan preview" forceName={config.name}>
        <h1>Plan preview</h1>
        <p>
          {actions.length} actions. This local-only page lists the demo plan until the admin console exists; it is never
          deployed.
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Ref</th>
              <th scope="col">Area</th>
              <th scope="col">Owners</th>
              <th scope="col">Status</th>
              <th scope="col">Last updated</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => {
              const days = daysSinceUpdate(action, now);
              return (
                <tr>
                  <td>{action.ref}</td>
                  <td>{action.area}</td>
                  <td>{[...action.ownerIds.map((id) => names.get(id) ?? id), ...action.unmatchedNames].join(', ')}</td>
                  <td>
                    {action.status}{' '}
                    {isStale(action, now, config.staleAfterDays) && <span class="tag tag-stale">Stale</span>}{' '}
                    {isOverdue(action, now, config.timeZone) && <span class="tag tag-overdue">Overdue</span>}
                  </td>
                  <td>{days === null ? 'Never' : `${days} days ago`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Layout>,
    );
  });
}
