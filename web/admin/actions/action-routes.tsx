import { Hono, type Context } from 'hono';
import { addUpdateOnBehalf, whoseUpdate } from '../../../functions/core/admin/actions/add-update-on-behalf.js';
import type { AdminActionDeps, AdminActor, AdminChangeResult } from '../../../functions/core/admin/actions/admin-change.js';
import { editAction } from '../../../functions/core/admin/actions/edit-action.js';
import { getActionForAdmin } from '../../../functions/core/admin/actions/get-action-for-admin.js';
import { markNotAccepted } from '../../../functions/core/admin/actions/mark-not-accepted.js';
import { markSuperseded } from '../../../functions/core/admin/actions/mark-superseded.js';
import { reassignOwners, type ReassignResult } from '../../../functions/core/admin/actions/reassign-owners.js';
import { reopenAction } from '../../../functions/core/admin/actions/reopen-action.js';
import { signOffClosure } from '../../../functions/core/admin/actions/sign-off-closure.js';
import { monthNames } from '../../../functions/core/calendar/month-names.js';
import { ConflictError } from '../../../functions/core/errors.js';
import { confidenceLabels, confidences, type Action } from '../../../functions/core/model/action.js';
import type { Person } from '../../../functions/core/model/person.js';
import { readFormValues } from '../../../functions/core/owner/owner-update-form.js';
import type { AdminEnv } from '../admin-env.js';
import { requireAdmin } from '../require-admin.js';
import { ActionPage } from './action-page.js';
import { personLabel } from './person-label.js';
import { AdminConflictPage } from './conflict-page.js';
import { listActionsPage } from './list-route.js';
import { lastListView } from './list-view.js';
import { actionChanges, actionPaths, type ActionChange } from './paths.js';

type AdminContext = Context<AdminEnv>;
type ChangeHandler = (deps: AdminActionDeps, actor: AdminActor, actionId: string, body: Record<string, unknown>, now: Date) => Promise<AdminChangeResult | ReassignResult>;

const handlers: Record<ActionChange, ChangeHandler> = {
  edit: editAction,
  reassign: reassignOwners,
  'sign-off': signOffClosure,
  reopen: reopenAction,
  'not-accepted': markNotAccepted,
  superseded: markSuperseded,
  'on-behalf': addUpdateOnBehalf,
};

/** Text a form may carry that a conflict page keeps, so nobody loses what they typed. */
const typedFields: Record<string, string> = {
  area: 'Area',
  ref: 'Ref',
  progress: 'Progress update',
  confidenceNarrative: 'Why this confidence',
  timescaleReason: 'Why the target is changing',
  text: 'Text of the item',
  evidence: 'Inspection evidence',
  plan: 'Plan',
  acceptedRationale: 'Rationale',
  reopenReason: 'Why it is reopened',
  notAcceptedReason: 'Why it is not accepted',
  supersededReason: 'Why it is superseded',
};

/**
 * What the on-behalf form's choices held, in words, so the admin can redo them as well as the text.
 * Whose update it was is named from the directory (the action may have been reassigned since), or,
 * for someone it does not hold, only if the action names them, as the form offered them.
 */
function chosenOnBehalf(body: Record<string, unknown>, action: Action, names: Record<string, string>, directory: ReadonlyMap<string, Person>): Array<{ label: string; value: string }> {
  const values = readFormValues(body);
  const month = monthNames[Number(values.targetMonth) - 1];
  const chosen = typeof body.onBehalfOf === 'string' ? body.onBehalfOf : '';
  const onBehalfOf = Object.hasOwn(names, chosen) ? names[chosen] : whoseUpdate(action).includes(chosen) ? personLabel(chosen, directory) : undefined;
  const confidence = confidences.find((c) => c === values.confidence);
  return [
    ...(onBehalfOf ? [{ label: 'Whose update', value: onBehalfOf }] : []),
    ...(confidence ? [{ label: 'Confidence', value: confidenceLabels[confidence] }] : []),
    ...(month && values.targetYear ? [{ label: 'Target', value: `${month} ${values.targetYear}` }] : []),
    ...(values.complete ? [{ label: 'Proposed for closure', value: 'Yes: the owner says it is complete' }] : []),
  ];
}

const stringsOf = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

async function renderAction(c: AdminContext, extra: { done?: { change: ActionChange; notEmailed: string[]; unchanged: boolean }; failed?: { change: ActionChange; values: Record<string, string>; errors: Array<{ field: string; message: string }> } }, status: 200 | 400 = 200) {
  const deps = c.get('deps');
  const view = await getActionForAdmin(deps, c.req.param('id') ?? '', deps.clock.now());
  return c.html(<ActionPage forceName={deps.config.name} timeZone={deps.config.timeZone} session={c.get('session')} listHref={lastListView(c, deps.config.baseUrl)} {...view} {...extra} />, status);
}

async function renderConflict(c: AdminContext, change: ActionChange, body: Record<string, unknown>) {
  const deps = c.get('deps');
  const view = await getActionForAdmin(deps, c.req.param('id') ?? '', deps.clock.now());
  const sent = typeof body.version === 'string' && /^\d{1,9}$/.test(body.version) ? Number(body.version) : 0;
  const names = Object.fromEntries(view.people.map((p) => [p.id, p.name]));
  const typed = [
    ...Object.entries(typedFields)
      .filter(([field]) => typeof body[field] === 'string' && (body[field] as string).trim())
      .map(([field, label]) => ({ label, value: body[field] as string })),
    ...(change === 'on-behalf' ? chosenOnBehalf(body, view.action, names, new Map(view.people.map((p) => [p.id, p]))) : []),
  ];
  return c.html(
    <AdminConflictPage
      forceName={deps.config.name}
      timeZone={deps.config.timeZone}
      session={c.get('session')}
      action={view.action}
      newerUpdates={view.updates.filter((u) => u.version > sent)}
      names={names}
      typed={typed}
    />,
    409,
  );
}

/**
 * The console's Actions: the list, one action with its history, and a POST route per change (admins
 * only; board members see the pages without the forms). A change redirects back to the action (303),
 * comes back with the GOV.UK error pattern, or shows the conflict page when the action moved on.
 */
export function createActionRoutes() {
  const routes = new Hono<AdminEnv>();

  routes.get('/', listActionsPage);

  routes.get('/:id', (c) => {
    const done = actionChanges.find((change) => change === c.req.query('done'));
    const notEmailed = (c.req.query('notEmailed') ?? '').split(',').filter(Boolean).slice(0, 10);
    return renderAction(c, done ? { done: { change: done, notEmailed, unchanged: c.req.query('unchanged') === '1' } } : {});
  });

  for (const change of actionChanges) {
    routes.post(`/:id/${change}`, requireAdmin, async (c) => {
      const deps = c.get('deps');
      const session = c.get('session');
      const body = await c.req.parseBody();
      let result: AdminChangeResult | ReassignResult;
      try {
        result = await handlers[change](deps, { email: session.email, name: session.name, personId: session.personId }, c.req.param('id'), body, deps.clock.now());
      } catch (error) {
        if (error instanceof ConflictError) return renderConflict(c, change, body);
        throw error;
      }
      if (result.kind === 'invalid') return renderAction(c, { failed: { change, values: stringsOf(body), errors: result.errors } }, 400);
      const query = new URLSearchParams({ done: change });
      const failedEmails = 'notNotified' in result ? (result.notNotified ?? []) : [];
      if (failedEmails.length > 0) query.set('notEmailed', failedEmails.map((p) => p.id).join(','));
      if (result.kind === 'unchanged') query.set('unchanged', '1');
      return c.redirect(`${actionPaths.action(result.action.id)}?${query}`, 303);
    });
  }

  return routes;
}
