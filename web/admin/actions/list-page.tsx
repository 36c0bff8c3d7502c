import { pageSize, type ActionFilters, type ActionListPage, type ListRow } from '../../../functions/core/admin/actions/list-actions.js';
import { confidenceLabels, confidences, statuses } from '../../../functions/core/model/action.js';
import type { Person } from '../../../functions/core/model/person.js';
import { formatDaysAgo, formatTarget, shorten, statusLabels } from '../../owner/format.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { StatusTags } from './action-page.js';
import { actionPaths } from './paths.js';
import { plural } from '../../../functions/core/words.js';

export interface ListPageProps {
  forceName: string;
  session: AdminSession;
  result: ActionListPage;
  filters: ActionFilters;
  /** A message for each query value that was ignored. */
  ignored: string[];
  areas: string[];
  /** People named as an SRO, and as an owner, somewhere in the plan. */
  sros: Person[];
  owners: Person[];
}

const sortLabels = {
  plan: 'Plan order (area, then ref)',
  'updated-oldest': 'Last updated, oldest first',
  'updated-newest': 'Last updated, newest first',
  'target-soonest': 'Target date, soonest first',
  'target-latest': 'Target date, latest first',
} as const;

/** The query string for the same filters on another page (or with the filters as given). */
export function listHref(filters: ActionFilters, page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (key !== 'page' && value !== undefined && value !== '') query.set(key, String(value));
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `${actionPaths.list}?${text}` : actionPaths.list;
}

function Select({ id, label, value, choices }: { id: string; label: string; value: string | undefined; choices: Array<{ value: string; label: string }> }) {
  return (
    <div class="filter">
      <label class="label" for={id}>
        {label}
      </label>
      <select class="select" id={id} name={id}>
        <option value="">Any</option>
        {choices.map((c) => (
          <option value={c.value} selected={c.value === value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters({ filters, areas, sros, owners }: Pick<ListPageProps, 'filters' | 'areas' | 'sros' | 'owners'>) {
  const people = (list: Person[]) => list.map((p) => ({ value: p.id, label: p.name }));
  return (
    <form method="get" action={actionPaths.list} class="filters" role="search" aria-label="Filter actions">
      <div class="filter filter-wide">
        <label class="label" for="q">
          Search refs and text
        </label>
        <input class="input" id="q" name="q" type="search" value={filters.q ?? ''} />
      </div>
      <Select id="area" label="Area" value={filters.area} choices={areas.map((a) => ({ value: a, label: a }))} />
      <Select id="status" label="Status" value={filters.status} choices={statuses.map((s) => ({ value: s, label: statusLabels[s] }))} />
      <Select id="confidence" label="Confidence" value={filters.confidence} choices={confidences.map((c) => ({ value: c, label: confidenceLabels[c] }))} />
      <Select id="sro" label="SRO" value={filters.sro} choices={people(sros)} />
      <Select id="owner" label="Owner" value={filters.owner} choices={people(owners)} />
      <fieldset class="fieldset filter">
        <legend class="label">Only</legend>
        <div class="checkbox">
          <input type="checkbox" id="stale" name="stale" value="yes" checked={filters.stale === 'yes'} />
          <label for="stale">Stale</label>
        </div>
        <div class="checkbox">
          <input type="checkbox" id="overdue" name="overdue" value="yes" checked={filters.overdue === 'yes'} />
          <label for="overdue">Overdue</label>
        </div>
      </fieldset>
      <div class="filter">
        <label class="label" for="sort">
          Sort by
        </label>
        <select class="select" id="sort" name="sort">
          {Object.entries(sortLabels).map(([value, label]) => (
            <option value={value} selected={(filters.sort ?? 'plan') === value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div class="filter-buttons">
        <button type="submit" class="button">
          Apply
        </button>{' '}
        <a href={actionPaths.list}>Clear filters</a>
      </div>
    </form>
  );
}

function Row({ row, names }: { row: ListRow; names: Record<string, string> }) {
  const a = row.action;
  const lead = a.ownerIds[0] ? (names[a.ownerIds[0]] ?? a.ownerIds[0]) : (a.unmatchedNames[0] ?? 'Not set');
  const more = a.ownerIds.length + a.unmatchedNames.length - 1;
  return (
    <tr>
      <th scope="row">
        <a href={actionPaths.action(a.id)}>{a.ref}</a>
      </th>
      <td data-label="Area">{a.area}</td>
      <td class="cell-text" data-label="Item">{shorten(a.text, 140)}</td>
      <td data-label="Owner">
        {lead}
        {more > 0 ? ` +${more}` : ''}
      </td>
      <td data-label="Target">{formatTarget(a.timescale)}</td>
      <td data-label="Confidence">{confidenceLabels[a.confidence]}</td>
      <td data-label="Last updated">{formatDaysAgo(row.daysSinceUpdate)}</td>
      <td data-label="Status">
        {a.status === 'open' && !row.stale && !row.overdue ? 'Open' : <StatusTags action={a} flags={row} />}
      </td>
    </tr>
  );
}

function Pagination({ result, filters }: { result: ActionListPage; filters: ActionFilters }) {
  if (result.pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages of actions">
      {result.page > 1 && (
        <a href={listHref(filters, result.page - 1)} rel="prev">
          Previous page
        </a>
      )}
      <span>
        Page {result.page} of {result.pageCount}
      </span>
      {result.page < result.pageCount && (
        <a href={listHref(filters, result.page + 1)} rel="next">
          Next page
        </a>
      )}
    </nav>
  );
}

/** The plan as a filterable, sortable, paged table; a GET form, so it works without script. */
export function ListPage(props: ListPageProps) {
  const { result, filters } = props;
  const names = Object.fromEntries([...props.owners, ...props.sros].map((p) => [p.id, p.name]));
  const first = result.total === 0 ? 0 : (result.page - 1) * pageSize + 1;
  const last = Math.min(result.page * pageSize, result.total);
  const sort = filters.sort ?? 'plan';
  const ariaSort = (column: 'updated' | 'target') => (sort.startsWith(column) ? (sort.endsWith('oldest') || sort.endsWith('soonest') ? 'ascending' : 'descending') : undefined);
  return (
    <AdminLayout title={result.page > 1 ? `Actions, page ${result.page}` : 'Actions'} forceName={props.forceName} session={props.session} current="/admin/actions">
      <h1>Actions</h1>
      {props.ignored.length > 0 && (
        <div class="warning-text" role="status">
          {props.ignored.map((message) => (
            <p>{message}.</p>
          ))}
        </div>
      )}
      <Filters filters={filters} areas={props.areas} sros={props.sros} owners={props.owners} />
      <p role="status">{result.total === 0 ? 'No actions match these filters.' : `Showing ${first} to ${last} of ${plural(result.total, 'action')}.`}</p>
      {result.total > 0 && (
        <div class="table-wrap" role="region" aria-labelledby="actions-caption" tabindex={0}>
          <table class="table">
            <caption id="actions-caption" class="visually-hidden">
              Actions, sorted by {sortLabels[sort].toLowerCase()}
            </caption>
            <thead>
              <tr>
                <th scope="col">Ref</th>
                <th scope="col">Area</th>
                <th scope="col">Item</th>
                <th scope="col">Owner</th>
                <th scope="col" aria-sort={ariaSort('target')}>
                  Target
                </th>
                <th scope="col">Confidence</th>
                <th scope="col" aria-sort={ariaSort('updated')}>
                  Last updated
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <Row row={row} names={names} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination result={result} filters={filters} />
    </AdminLayout>
  );
}
