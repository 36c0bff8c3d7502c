import type { Context } from 'hono';
// The outer app matches these routes; hono/quick keeps the default RegExp router out of the cold start.
import { Hono } from 'hono/quick';
import * as z from '../../functions/core/zod.js';
import { ConflictError, NotFoundError } from '../../functions/core/errors.js';
import { toLocalDate } from '../../functions/core/calendar/local-date.js';
import { resolveLink } from '../../functions/core/links/links.js';
import type { Person } from '../../functions/core/model/person.js';
import type { Update } from '../../functions/core/model/update.js';
import { findWhyAdminSignsOff, getActionForOwner, namesOf } from '../../functions/core/owner/get-action-for-owner.js';
import { isFreshConfirmation, listMyWork, nextNeedingAttention } from '../../functions/core/owner/list-my-actions.js';
import { readFormValues, valuesFromAction } from '../../functions/core/owner/owner-update-form.js';
import { requestFreshLink } from '../../functions/core/owner/request-fresh-link.js';
import { returnClosure } from '../../functions/core/owner/return-closure.js';
import { getSignOffView, isClosedFor, signOffAsSro, type SignOffView } from '../../functions/core/owner/sign-off-as-sro.js';
import { submitOwnerUpdate } from '../../functions/core/owner/submit-owner-update.js';
import { daysSinceUpdate, isOverdue } from '../../functions/core/rules/stale.js';
import type { AppEnv } from '../app.js';
import { clientKey } from '../middleware/client-key.js';
import { FailedWithText } from '../http-error.js';
import { emailRequestMs, evenResponseTime } from '../middleware/security.js';
import type { TypedText } from './components.js';
import { ConflictPage } from './conflict-page.js';
import { ownerPaths } from './format.js';
import { ActionNotOpenPage, FreshLinkPage, LinkRefusedPage, LinkRequestedPage, TooManyRequestsPage } from './link-pages.js';
import { MyActionsPage } from './my-actions-page.js';
import { SignOffPage } from './sign-off-page.js';
import { UpdatePage } from './update-page.js';
import { typedTexts } from './update-form.js';

type OwnerContext = Context<AppEnv>;

/** The person behind the path's token, or null; reads only, so GET and HEAD write nothing. */
async function personFor(c: OwnerContext): Promise<Person | null> {
  const deps = c.get('deps');
  const link = await resolveLink(deps, c.req.param('token') ?? '', deps.clock.now());
  return link.ok ? link.person : null;
}

function signOffProps(c: OwnerContext, view: SignOffView) {
  const { config, clock } = c.get('deps');
  return {
    ...view,
    forceName: config.name,
    timeZone: config.timeZone,
    token: c.req.param('token') ?? '',
    daysSinceUpdate: daysSinceUpdate(view.action, clock.now(), config.timeZone),
  };
}

/**
 * The sign-off page again when the action changed after it was opened (or is not proposed at all):
 * its current state, nothing done, and a typed reason kept for the SRO.
 */
async function decisionNotMade(c: OwnerContext, person: Person, notDone: 'signed off' | 'returned', returnReason?: string) {
  const view = await signOffViewOrNull(c, person);
  if (!view) return notOpen(c, 'sro', typedReason(returnReason));
  return c.html(<SignOffPage {...signOffProps(c, view)} changed={notDone} {...(returnReason ? { returnReason } : {})} />, 409);
}

/** The closure to decide, or null when it is no longer in the person's portfolio (or never was). */
function signOffViewOrNull(c: OwnerContext, person: Person): Promise<SignOffView | null> {
  return nullIfNotFound(getSignOffView(c.get('deps'), person, c.req.param('id') ?? ''));
}

/** The view, or null for an action the person may not see: the pages then say it is not open to them. */
function nullIfNotFound<T>(view: Promise<T>): Promise<T | null> {
  return view.catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
}

function refused(c: OwnerContext, unsaved: TypedText[] = []) {
  const { config } = c.get('deps');
  return c.html(<LinkRefusedPage forceName={config.name} linkExpiryDays={config.linkExpiryDays} unsaved={unsaved} />, 404);
}

/** `as`: whether it was opened as its owner (the update form) or its SRO (the sign-off page). */
function notOpen(c: OwnerContext, as: 'owner' | 'sro', unsaved: TypedText[] = []) {
  return c.html(<ActionNotOpenPage forceName={c.get('deps').config.name} token={c.req.param('token') ?? ''} unsaved={unsaved} as={as} />, 404);
}

/** The time of the person's own update when it is the latest and from today, for the form page's notice. */
function savedByThemToday(recentUpdates: Update[], person: Person, now: Date, timeZone: string): { savedByYouAt?: string } {
  const latest = recentUpdates[0];
  const today = latest?.by === person.id && toLocalDate(new Date(latest.at), timeZone) === toLocalDate(now, timeZone);
  return today ? { savedByYouAt: latest.at } : {};
}

/** The `at` of a change's page (ownerPaths), in milliseconds: anything else confirms nothing. */
const IssuedAt = z.pipe(z.string().check(z.regex(/^\d{1,15}$/)), z.transform(Number));

/** A POST's work; a fault in it reaches the error page with what the person typed, for them to copy. */
async function keepingText(unsaved: TypedText[], work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    throw unsaved.length > 0 && error instanceof Error ? new FailedWithText(error, unsaved) : error;
  }
}

/** A typed reason, as the pages that keep unsaved text take it. */
const typedReason = (reason: string | undefined): TypedText[] => (reason?.trim() ? [{ value: reason }] : []);

/** Saved (to "My actions"), the form again with its errors, or the conflict page: their text beside the other update. */
async function saveOwnerUpdate(c: OwnerContext, person: Person, body: Record<string, unknown>): Promise<Response> {
  const deps = c.get('deps');
  const token = c.req.param('token') ?? '';
  const now = deps.clock.now();
  const result = await submitOwnerUpdate(deps, person, c.req.param('id') ?? '', body, now);
  if (result.kind === 'saved') return c.redirect(ownerPaths.saved(token, result.action.id, now), 303);
  if (result.kind === 'conflict') {
    const { action, newerUpdates, values } = result;
    const [names, adminSignsOff] = await Promise.all([namesOf(deps, newerUpdates), findWhyAdminSignsOff(deps, action)]);
    return c.html(
      <ConflictPage forceName={deps.config.name} timeZone={deps.config.timeZone} token={token} action={action} newerUpdates={newerUpdates} names={names} values={values} whyAdminSignsOff={adminSignsOff} overdue={isOverdue(action, now, deps.config.timeZone)} />,
      409,
    );
  }
  const view = await getActionForOwner(deps, person, result.action.id);
  return c.html(
    <UpdatePage forceName={deps.config.name} timeZone={deps.config.timeZone} token={token} {...view} daysSinceUpdate={daysSinceUpdate(view.action, now, deps.config.timeZone)} values={result.values} errors={result.errors} overdue={isOverdue(view.action, now, deps.config.timeZone)} />,
    400,
  );
}

/**
 * The owner's journey at /u: personal link → my actions → update form → saved (or conflict). Pages
 * under a token are never cached and never indexed; only POSTs change anything.
 */
export function createOwnerRoutes() {
  const owner = new Hono<AppEnv>();
  owner.use(async (c, next) => {
    c.header('X-Robots-Tag', 'noindex, nofollow');
    await next();
    c.header('Cache-Control', 'no-store');
  });

  owner.get('/', (c) => c.redirect(ownerPaths.newLink, 302));
  owner.get('/new-link', (c) => c.html(<FreshLinkPage forceName={c.get('deps').config.name} />));
  owner.post('/new-link', evenResponseTime(emailRequestMs), async (c) => {
    const deps = c.get('deps');
    const body = await c.req.parseBody();
    const result = await requestFreshLink(deps, body.email, clientKey(c), deps.clock.now());
    if (result.kind === 'invalid') return c.html(<FreshLinkPage forceName={deps.config.name} email={result.email} error={result.message} />, 400);
    if (result.kind === 'rate-limited') return c.html(<TooManyRequestsPage forceName={deps.config.name} />, 429);
    return c.html(<LinkRequestedPage forceName={deps.config.name} />);
  });

  owner.get('/:token', async (c) => {
    const person = await personFor(c);
    if (!person) return refused(c);
    const deps = c.get('deps');
    const now = deps.clock.now();
    // A change's page opened again later (or with no `at`) is the plain list: nothing to read again or confirm.
    const issued = IssuedAt.safeParse(c.req.query('at'));
    const fresh = issued.success && isFreshConfirmation(issued.data, now);
    const justChanged = fresh ? (c.req.query('saved') ?? c.req.query('returned') ?? c.req.query('signed-off')) : undefined;
    const { owned: items, portfolio, ownerNames, changed, changedByThem } = await listMyWork(deps, person, now, justChanged);
    const confirmable = (id: string | undefined) => changedByThem && id === changed?.id;
    const savedItem = confirmable(c.req.query('saved')) ? items.find((item) => item.action.id === changed?.id) : undefined;
    // The banner says who a closure waits for: its SRO, or an admin and why (the SRO may have left).
    const closure = savedItem?.action.status === 'proposed-closure' ? savedItem.action : null;
    const adminSignsOff = closure && (await findWhyAdminSignsOff(deps, closure));
    const saved = savedItem ? { item: savedItem, next: nextNeedingAttention(items, savedItem.action.id), whyAdminSignsOff: adminSignsOff } : undefined;
    // Closed, so in neither list: the action just read again says whether it was this SRO's sign-off.
    const signedOff = changed && confirmable(c.req.query('signed-off')) && isClosedFor(changed, person) ? changed : null;
    // A returned closure is open again, so it is in the portfolio just read.
    const returned = confirmable(c.req.query('returned')) ? portfolio.find((item) => item.action.id === changed?.id)?.action : undefined;
    const decided = signedOff ? { action: signedOff, decision: 'closed' as const } : returned ? { action: returned, decision: 'returned' as const } : null;
    return c.html(
      <MyActionsPage
        forceName={deps.config.name}
        token={c.req.param('token')}
        person={person}
        items={items}
        portfolio={portfolio}
        ownerNames={ownerNames}
        {...(saved ? { saved } : {})}
        {...(decided ? { decided } : {})}
      />,
    );
  });

  owner.get('/:token/sign-off/:id', async (c) => {
    const person = await personFor(c);
    if (!person) return refused(c);
    const view = await signOffViewOrNull(c, person);
    // Reassigned, given to another SRO or never theirs: the one page for all, which tells a guesser nothing.
    return view ? c.html(<SignOffPage {...signOffProps(c, view)} />) : notOpen(c, 'sro');
  });

  owner.post('/:token/sign-off/:id', async (c) => {
    const body = await c.req.parseBody();
    const person = await personFor(c);
    if (!person) return refused(c);
    const deps = c.get('deps');
    try {
      const now = deps.clock.now();
      const result = await signOffAsSro(deps, person, c.req.param('id'), body, now);
      if (result.kind === 'closed') return c.redirect(ownerPaths.signedOff(c.req.param('token'), result.action.id, now), 303);
    } catch (error) {
      if (error instanceof NotFoundError) return notOpen(c, 'sro');
      if (!(error instanceof ConflictError)) throw error;
    }
    return decisionNotMade(c, person, 'signed off');
  });

  owner.post('/:token/sign-off/:id/return', async (c) => {
    const body = await c.req.parseBody();
    const returnReason = typeof body.returnReason === 'string' ? body.returnReason : '';
    return keepingText(typedReason(returnReason), async () => {
      const person = await personFor(c);
      if (!person) return refused(c, typedReason(returnReason));
      const deps = c.get('deps');
      try {
        const now = deps.clock.now();
        const result = await returnClosure(deps, person, c.req.param('id'), body, now);
        if (result.kind === 'returned') return c.redirect(ownerPaths.returned(c.req.param('token'), result.action.id, now), 303);
        if (result.kind === 'invalid') {
          const view = await getSignOffView(deps, person, result.action.id);
          return c.html(<SignOffPage {...signOffProps(c, view)} returnReason={returnReason} returnErrors={result.errors} />, 400);
        }
      } catch (error) {
        // No longer this SRO's to decide (given to another, or never theirs): say so, and keep the reason.
        if (error instanceof NotFoundError) return notOpen(c, 'sro', typedReason(returnReason));
        if (!(error instanceof ConflictError)) throw error;
      }
      return decisionNotMade(c, person, 'returned', returnReason);
    });
  });

  owner.get('/:token/actions/:id', async (c) => {
    const person = await personFor(c);
    if (!person) return refused(c);
    const deps = c.get('deps');
    const view = await nullIfNotFound(getActionForOwner(deps, person, c.req.param('id')));
    // Closed, given to someone else or never theirs: the one page for all, which tells a guesser nothing.
    if (!view) return notOpen(c, 'owner');
    const now = deps.clock.now();
    const overdue = isOverdue(view.action, now, deps.config.timeZone);
    return c.html(
      <UpdatePage
        forceName={deps.config.name}
        timeZone={deps.config.timeZone}
        token={c.req.param('token')}
        {...view}
        daysSinceUpdate={daysSinceUpdate(view.action, now, deps.config.timeZone)}
        values={valuesFromAction(view.action, overdue)}
        errors={[]}
        overdue={overdue}
        {...savedByThemToday(view.recentUpdates, person, now, deps.config.timeZone)}
      />,
    );
  });

  owner.post('/:token/actions/:id', async (c) => {
    const body = await c.req.parseBody();
    const unsaved = typedTexts(readFormValues(body));
    return keepingText(unsaved, async () => {
      const person = await personFor(c);
      if (!person) return refused(c, unsaved);
      try {
        return await saveOwnerUpdate(c, person, body);
      } catch (error) {
        // Closed or given to someone else since the form was opened: say so, and keep what they typed.
        if (!(error instanceof NotFoundError)) throw error;
        return notOpen(c, 'owner', unsaved);
      }
    });
  });

  return owner;
}

