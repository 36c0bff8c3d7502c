import type { AuditLog } from '../audit-log.js';
import type { ForceConfig } from '../../config/force-config.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import type { LinkDeps } from '../../links/links.js';
import type { RateLimitStore } from '../../links/rate-limit.js';
import type { Action } from '../../model/action.js';
import type { ActionPatch, FieldChange, Update } from '../../model/update.js';
import type { Mailer, Repository } from '../../ports.js';
import { diffPatch, progressChange } from '../../rules/apply-update.js';

/** The signed-in admin making a change: the email is what history and the audit log record as "by". */
export interface AdminActor {
  email: string;
  /** Their name in the people directory, for emails to others; null when they are not in it. */
  name: string | null;
  /** Their id in the people directory when they are in it: an owner among them is not emailed of their own decision. */
  personId: string | null;
}

export interface AdminActionDeps extends LinkDeps {
  config: ForceConfig;
  repository: Repository;
  audit: AuditLog;
  getMailer: () => Promise<Mailer>;
  /** Bounds the emails a change can make (an SRO asked to sign off the same action over and over). */
  rateLimits: RateLimitStore;
}

/** A problem with one field of a console form: `field` is the input's id, for the error summary's link. */
export interface FieldError {
  field: string;
  message: string;
}

export type AdminChangeResult =
  | { kind: 'saved'; action: Action; update: Update }
  | { kind: 'unchanged'; action: Action }
  | { kind: 'invalid'; action: Action; errors: FieldError[] };

/** The action a form was opened for; NotFoundError when it has gone. */
export async function getActionOrThrow(repository: Repository, actionId: string): Promise<Action> {
  const action = await repository.getAction(actionId);
  if (!action) throw new NotFoundError(`Action ${actionId}`);
  return action;
}

/** The form's hidden version: a form without one is refused, one from an older page is a conflict. */
export function checkVersion(action: Action, version: unknown): void {
  const text = typeof version === 'string' ? version.trim() : '';
  if (!/^\d{1,9}$/.test(text)) throw new InvalidInputError(['The form was incomplete: reload the page and try again'], 'The form is not valid');
  if (Number(text) !== action.version) throw new ConflictError(action);
}

export interface ChangeSpec {
  /** The audit log's verb-noun name for the change. */
  change: string;
  patch: ActionPatch;
  /** Why, for the changes that need a reason: kept in the history entry as a `reason` change. */
  reason?: string;
  onBehalfOf?: string | null;
  countsAsProgress?: boolean;
  /** Fields recorded in the patch even when unchanged (an update's progress text is the update itself). */
  alwaysRecord?: ReadonlyArray<keyof ActionPatch>;
}

/**
 * One admin change as one history entry (via admin, by the admin's email) plus one audit entry with the
 * changed fields before and after. Nothing is written when nothing would change. saveUpdate refuses a
 * version someone else took first (ConflictError), so a race writes nothing either.
 */
export async function recordAdminChange(deps: Pick<AdminActionDeps, 'repository' | 'audit'>, actor: AdminActor, action: Action, spec: ChangeSpec, now: Date): Promise<AdminChangeResult> {
  const changes = diffPatch(action, spec.patch);
  if (changes.length === 0 && !spec.alwaysRecord?.length) return { kind: 'unchanged', action };
  const changed = new Set<string>([...changes.map((c) => c.field), ...(spec.alwaysRecord ?? [])]);
  const patch = Object.fromEntries(Object.entries(spec.patch).filter(([field]) => changed.has(field))) as ActionPatch;
  const reason: FieldChange[] = spec.reason ? [{ field: 'reason', from: null, to: spec.reason }] : [];
  const at = now.toISOString();
  const countsAsProgress = spec.countsAsProgress ?? false;
  const update: Update = {
    actionId: action.id,
    version: action.version + 1,
    at,
    by: actor.email,
    onBehalfOf: spec.onBehalfOf ?? null,
    via: 'admin',
    patch,
    changes: [...changes, ...reason, ...(countsAsProgress ? [progressChange(action, at)] : [])],
    countsAsProgress,
  };
  const saved = await deps.repository.saveUpdate(update);
  const before = Object.fromEntries(changes.map((c) => [c.field, c.from]));
  const after = Object.fromEntries(changes.map((c) => [c.field, c.to]));
  if (spec.reason) after.reason = spec.reason;
  if (spec.onBehalfOf) after.onBehalfOf = spec.onBehalfOf;
  await deps.audit.record({ at, by: actor.email, change: spec.change, target: { type: 'action', id: action.id }, before, after });
  return { kind: 'saved', action: saved, update };
}
