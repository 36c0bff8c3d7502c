import { confidenceLabels } from '../../functions/core/model/action.js';
import type { Person } from '../../functions/core/model/person.js';
import type { MyActionItem } from '../../functions/core/owner/list-my-actions.js';
import { Layout } from '../views/layout.js';
import { formatDaysAgo, formatTarget, ownerPaths, shorten } from './format.js';

export interface MyActionsPageProps {
  forceName: string;
  token: string;
  person: Person;
  items: MyActionItem[];
  /** Set after a save: the action just updated and the next one needing the person. */
  saved?: { item: MyActionItem; next: MyActionItem | null };
}

/** Every action the person owns or co-owns, what needs them first. */
export function MyActionsPage({ forceName, token, person, items, saved }: MyActionsPageProps) {
  const needing = items.filter((item) => item.stale || item.overdue).length;
  return (
    <Layout title="Your actions" forceName={forceName}>
      {saved && <SavedBanner token={token} saved={saved} />}
      <h1>Your actions</h1>
      <p class="lead">
        {person.name}:{' '}
        {items.length === 0
          ? 'you have no open actions.'
          : `${items.length === 1 ? '1 open action' : `${items.length} open actions`}, ${needing === 0 ? 'all up to date' : `${needing} need${needing === 1 ? 's' : ''} an update`}.`}
      </p>
      <ul class="action-list">
        {items.map((item) => (
          <ActionCard token={token} item={item} />
        ))}
      </ul>
    </Layout>
  );
}

function SavedBanner({ token, saved }: { token: string; saved: { item: MyActionItem; next: MyActionItem | null } }) {
  return (
    <div class="notification-success" role="status" aria-labelledby="saved-title">
      <h2 id="saved-title" class="notification-title">
        Update saved for {saved.item.action.ref}
      </h2>
      {saved.next ? (
        <p>
          Next, {saved.next.action.ref} needs an update:{' '}
          <a href={ownerPaths.action(token, saved.next.action.id)}>update {saved.next.action.ref}</a>
        </p>
      ) : (
        <p>None of your other actions needs an update now.</p>
      )}
    </div>
  );
}

function ActionCard({ token, item }: { token: string; item: MyActionItem }) {
  const { action } = item;
  const headingId = `action-${action.id}`;
  return (
    <li class="action-card">
      <h2 class="action-card-title" id={headingId}>
        {action.ref}
        {item.overdue && <span class="tag tag-overdue">Overdue</span>}
        {item.stale && <span class="tag tag-stale">Needs an update</span>}
        {action.status === 'proposed-closure' && <span class="tag tag-closure">Awaiting sign-off</span>}
      </h2>
      <p class="caption">{action.area}</p>
      <p class="prose">{shorten(action.text)}</p>
      <dl class="summary-list summary-list-compact">
        <div>
          <dt>Target</dt>
          <dd>{formatTarget(action.timescale)}</dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd>{confidenceLabels[action.confidence]}</dd>
        </div>
        <div>
          <dt>Last updated</dt>
          <dd>{formatDaysAgo(item.daysSinceUpdate)}</dd>
        </div>
      </dl>
      <a class="button" href={ownerPaths.action(token, action.id)}>
        Update<span class="visually-hidden"> {action.ref}</span>
      </a>
    </li>
  );
}
