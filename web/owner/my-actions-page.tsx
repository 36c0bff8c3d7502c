import type { Child } from 'hono/jsx';
import { confidenceLabels, type Action } from '../../functions/core/model/action.js';
import type { Person } from '../../functions/core/model/person.js';
import { countAttention, describeAttention, type AttentionCounts, type MyActionItem } from '../../functions/core/owner/list-my-actions.js';
import type { SignOffDecision } from '../../functions/core/owner/notify-owners-of-sign-off.js';
import { Layout } from '../views/layout.js';
import { plural } from '../../functions/core/words.js';
import { missingPersonName } from '../../functions/core/model/owner-names.js';
import { sharedOwners } from './action-summary.js';
import { formatDaysAgo, formatTarget, ownerPaths, shorten } from './format.js';
import { NotificationBanner } from './components.js';

export interface MyActionsPageProps {
  forceName: string;
  token: string;
  person: Person;
  items: MyActionItem[];
  /** As SRO, others' live actions, those awaiting sign-off first. */
  portfolio: MyActionItem[];
  /** The names of the portfolio's owners and of those who share the person's own actions. */
  ownerNames: Record<string, string>;
  /** Set after a save: the action just updated and the next one needing the person. */
  saved?: SavedNotice;
  /** Set after the SRO signed a closure off, or returned it to its owners. */
  decided?: { action: Action; decision: SignOffDecision };
}

const decidedTitles: Record<SignOffDecision, (ref: string) => string> = {
  closed: (ref) => `${ref} signed off: it is closed`,
  returned: (ref) => `${ref} returned to its owners: it is open again`,
};

/** The action just saved, the next that needs the person, and, for a closure an admin signs off, why. */
export interface SavedNotice {
  item: MyActionItem;
  next: MyActionItem | null;
  whyAdminSignsOff: string | null;
}

/** Every action the person owns or co-owns, what needs them first; then, for an SRO, their portfolio. */
export function MyActionsPage({ forceName, token, person, items, portfolio, ownerNames, saved, decided }: MyActionsPageProps) {
  return (
    <Layout title="Your actions" forceName={forceName}>
      {saved && <SavedBanner token={token} saved={saved} />}
      {decided && !saved && (
        <NotificationBanner title={decidedTitles[decided.decision](decided.action.ref)} />
      )}
      <h1>Your actions</h1>
      <p class="lead">
        {person.name}:{' '}
        {items.length === 0 ? 'you have no open actions.' : `${countOfLive(items)}. ${attentionSentence(countAttention(items), items.length)}`}
      </p>
      {items.length > 0 && (
        <ul class="action-list">
          {items.map((item) => (
            <ActionCard item={item} level="h2" sharedWith={sharedOwners(item.action, ownerNames).filter((_, i) => item.action.ownerIds[i] !== person.id)}>
              <a class="button" href={ownerPaths.action(token, item.action.id)}>
                Update<span class="visually-hidden"> {item.action.ref}</span>
              </a>
            </ActionCard>
          ))}
        </ul>
      )}
      {portfolio.length > 0 && <Portfolio token={token} items={portfolio} ownerNames={ownerNames} />}
    </Layout>
  );
}

/**
 * The SRO's view of the actions others own for them: closures to sign off first, then who has gone quiet;
 * the rest, which need nothing from them now, folded away (a portfolio of 36 was 17,000 px on a phone).
 */
function Portfolio({ token, items, ownerNames }: { token: string; items: MyActionItem[]; ownerNames: Record<string, string> }) {
  const awaiting = items.filter((item) => item.action.status === 'proposed-closure').length;
  const quiet = items.filter((item) => item.stale || item.overdue).length;
  const needsYou = (item: MyActionItem) => item.action.status === 'proposed-closure' || item.stale || item.overdue;
  const rest = items.filter((item) => !needsYou(item));
  return (
    <section aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">Your portfolio as senior responsible officer</h2>
      <p>
        {plural(items.length, 'action')} owned by others: {portfolioNeeds(awaiting, quiet)}.
      </p>
      <PortfolioList token={token} items={items.filter(needsYou)} ownerNames={ownerNames} />
      {rest.length > 0 && (
        <details class="change-section">
          <summary>
            {rest.length === items.length
              ? `See ${rest.length === 1 ? 'it' : `all ${rest.length}`}`
              : `See the other ${rest.length === 1 ? 'one, which needs' : `${rest.length}, which need`} nothing from you now`}
          </summary>
          <PortfolioList token={token} items={rest} ownerNames={ownerNames} />
        </details>
      )}
    </section>
  );
}

function PortfolioList({ token, items, ownerNames }: { token: string; items: MyActionItem[]; ownerNames: Record<string, string> }) {
  if (items.length === 0) return null;
  return (
    <ul class="action-list">
      {items.map((item) => (
        // "Open again: see why" asks owners to read the SRO's reason; the SRO gave it.
        <ActionCard item={{ ...item, openAgain: false }} level="h3" owners={item.action.ownerIds.map((id) => ownerNames[id] ?? missingPersonName)}>
          {item.action.status === 'proposed-closure' ? (
            <a class="button" href={ownerPaths.signOff(token, item.action.id)}>
              Review and sign off<span class="visually-hidden"> {item.action.ref}</span>
            </a>
          ) : (
            // The same page, read-only when nothing awaits the SRO: the plan and the owners' latest updates.
            <p>
              <a href={ownerPaths.signOff(token, item.action.id)}>
                Read {item.action.ref}’s plan and latest updates
              </a>
            </p>
          )}
        </ActionCard>
      ))}
    </ul>
  );
}

/** "1 awaiting your sign-off, 2 overdue or needing an update", leaving out what is none. */
function portfolioNeeds(awaiting: number, quiet: number): string {
  const parts = [...(awaiting > 0 ? [`${awaiting} awaiting your sign-off`] : []), ...(quiet > 0 ? [`${quiet} overdue or needing an update`] : [])];
  return parts.join(', ') || 'none needs you now';
}

/** Who closes a proposed closure: its SRO, or an admin when the SRO cannot (whyAdminSignsOff). */
function whoSignsOff(whyAdmin: string | null): string {
  return whyAdmin === null ? 'It now awaits sign-off by its senior responsible officer.' : `It now awaits sign-off by an admin: ${whyAdmin}.`;
}

/** "Of these, 3 need an update and 1 more is past its target date.": a sentence of its own after the count, which can be long. */
function attentionSentence(counts: AttentionCounts, of: number): string {
  if (of === 1) return counts.needUpdate ? 'It needs an update.' : counts.pastTargetOnly ? 'It is past its target date.' : 'It needs no update now.';
  return counts.needUpdate + counts.pastTargetOnly === 0 ? 'None needs an update now.' : `Of these, ${describeAttention(counts)}.`;
}

/** "12 open actions and 1 awaiting sign-off": an action proposed for closure is not open to the owner, who waits on its SRO. */
function countOfLive(items: MyActionItem[]): string {
  const awaiting = items.filter((item) => item.action.status === 'proposed-closure').length;
  const open = plural(items.length - awaiting, 'open action');
  return awaiting === 0 ? open : `${open} and ${awaiting} awaiting sign-off`;
}

/** Why an action needs its owner, as the rest of a sentence: the first reason in the list's own order. */
function whyItNeedsYou(item: MyActionItem): string {
  if (item.openAgain) return 'which is open again';
  if (item.overdue) return item.stale ? 'which is past its target date' : 'which is past its target date and needs a new one';
  return item.daysSinceUpdate === null ? 'which has never been updated' : `which has had no update for ${plural(item.daysSinceUpdate, 'day')}`;
}

function SavedBanner({ token, saved }: { token: string; saved: SavedNotice }) {
  return (
    <NotificationBanner title={`Update saved for ${saved.item.action.ref}`}>
      {saved.item.action.status === 'proposed-closure' && <p>{whoSignsOff(saved.whyAdminSignsOff)}</p>}
      {saved.next ? (
        <p>
          Next: <a href={ownerPaths.action(token, saved.next.action.id)}>update {saved.next.action.ref}</a>, {whyItNeedsYou(saved.next)}.
        </p>
      ) : (
        <p>None of your other actions needs an update now.</p>
      )}
    </NotificationBanner>
  );
}

function ActionCard({ item, level: Heading, owners, sharedWith = [], children }: { item: MyActionItem; level: 'h2' | 'h3'; owners?: string[]; sharedWith?: string[]; children?: Child }) {
  const { action } = item;
  return (
    <li class="action-card">
      <Heading class="action-card-title">
        {action.ref}
        {item.overdue && <span class="tag tag-overdue">Overdue</span>}
        {item.stale && <span class="tag tag-stale">Needs an update</span>}
        {action.status === 'proposed-closure' && <span class="tag tag-closure">Awaiting sign-off</span>}
        {item.openAgain && <span class="tag tag-closure">Open again: see why</span>}
      </Heading>
      <p class="caption">{action.area}</p>
      <p class="prose">{shorten(action.text)}</p>
      <dl class="summary-list summary-list-compact">
        {owners !== undefined && (
          <div>
            <dt>{owners.length > 1 ? 'Owners' : 'Owner'}</dt>
            <dd>{owners.join(', ') || 'Nobody'}</dd>
          </div>
        )}
        {sharedWith.length > 0 && (
          <div>
            <dt>Shared with</dt>
            <dd>{sharedWith.join(', ')}</dd>
          </div>
        )}
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
      {children}
    </li>
  );
}
