import type { ForceConfig } from '../../config/force-config.js';
import type { Action } from '../../model/action.js';
import type { Person } from '../../model/person.js';
import type { Update } from '../../model/update.js';
import type { Repository } from '../../ports.js';
import { daysSinceUpdate, isOverdue, isStale } from '../../rules/stale.js';
import { getActionOrThrow } from './admin-change.js';

export interface AdminActionView {
  action: Action;
  /** The whole history, oldest first. */
  updates: Update[];
  /** The directory, for names in the history and the reassign form's choices. */
  people: Person[];
  flags: { stale: boolean; overdue: boolean; daysSinceUpdate: number | null };
}

/** Everything the action page shows; reads only. NotFoundError when there is no such action. */
export async function getActionForAdmin(deps: { repository: Repository; config: Pick<ForceConfig, 'staleAfterDays' | 'timeZone'> }, actionId: string, now: Date): Promise<AdminActionView> {
  const action = await getActionOrThrow(deps.repository, actionId);
  const [updates, people] = await Promise.all([deps.repository.listUpdates(action.id), deps.repository.listPeople()]);
  return {
    action,
    updates,
    people,
    flags: { stale: isStale(action, now, deps.config.staleAfterDays), overdue: isOverdue(action, now, deps.config.timeZone), daysSinceUpdate: daysSinceUpdate(action, now, deps.config.timeZone) },
  };
}
