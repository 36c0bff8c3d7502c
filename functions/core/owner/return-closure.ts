import * as z from '../zod.js';
import type { FieldError } from '../admin/actions/admin-change.js';
import { readForm, reasonText } from '../admin/actions/form-fields.js';
import { ConflictError } from '../errors.js';
import type { LinkNoticeDeps } from '../links/send-link-notice.js';
import type { Action } from '../model/action.js';
import type { Person } from '../model/person.js';
import type { OwnerDeps } from './list-my-actions.js';
import { maxReasonChars } from './owner-update-form.js';
import { incompleteForm, PageVersion, requirePortfolio, saveSroDecision } from './sign-off-as-sro.js';

const PageForm = z.object({ version: PageVersion });
const ReturnForm = z.object({ returnReason: reasonText('why it is not complete yet', maxReasonChars, 'Your reason') });

export type ReturnResult =
  | { kind: 'returned'; action: Action }
  | { kind: 'invalid'; action: Action; errors: FieldError[] }
  | { kind: 'not-proposed'; action: Action };

/**
 * The SRO does not sign off a proposed closure and returns it to its owners with the reason: the action
 * is open again, its history records the return and the reason as the SRO's, via link, and the owners
 * are emailed that it came back (the reason stays on the action's page: it is the action's text). As
 * for a sign-off, a page older than the action's last change is a conflict, and a second click, which
 * finds this very return already made, succeeds without emailing anyone again.
 */
export async function returnClosure(deps: OwnerDeps & LinkNoticeDeps, person: Person, actionId: string, body: Record<string, unknown>, now: Date): Promise<ReturnResult> {
  const action = requirePortfolio(await deps.repository.getAction(actionId), person);
  const page = readForm(PageForm, body);
  if (!page.ok) throw incompleteForm();
  const form = readForm(ReturnForm, body);
  // The page's age first: a reason refused on a page whose form has gone since would be an error
  // the SRO cannot put right there.
  if (page.data.version !== action.version) {
    if (form.ok && (await isThisReturn(deps, action, person, form.data.returnReason))) return { kind: 'returned', action };
    throw new ConflictError(action);
  }
  if (action.status !== 'proposed-closure') return { kind: 'not-proposed', action };
  if (!form.ok) return { kind: 'invalid', action, errors: form.errors };
  const { returnReason } = form.data;
  const doneAlready = async () => {
    const current = await deps.repository.getAction(actionId);
    return current && (await isThisReturn(deps, current, person, returnReason)) ? current : null;
  };
  return { kind: 'returned', action: await saveSroDecision(deps, person, action, 'returned', returnReason, now, doneAlready) };
}

/** Whether the action's latest entry is this SRO's return with this reason: a repeat of it is done already. */
async function isThisReturn(deps: Pick<OwnerDeps, 'repository'>, action: Action, person: Person, reason: string): Promise<boolean> {
  if (action.status !== 'open') return false;
  const latest = (await deps.repository.listUpdates(action.id)).at(-1);
  return latest?.by === person.id && latest.patch.status === 'open' && latest.changes.some((change) => change.field === 'reason' && change.to === reason);
}
