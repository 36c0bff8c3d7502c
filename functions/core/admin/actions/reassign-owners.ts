import * as z from '../../zod.js';
import type { Action } from '../../model/action.js';
import type { Person } from '../../model/person.js';
import { checkVersion, getActionOrThrow, recordAdminChange, type AdminActionDeps, type AdminActor, type AdminChangeResult, type FieldError } from './admin-change.js';
import { readForm } from './form-fields.js';
import { notifyNewOwners, type OwnerNotices } from './notify-new-owners.js';

export const ReassignForm = z.object({
  owner1: z.string().check(z.trim(), z.minLength(1, 'Select the lead owner')),
  owner2: z.string().check(z.trim()),
  owner3: z.string().check(z.trim()),
  sro: z.string().check(z.trim()),
});

/** New owners emailed their personal link, and those not emailed (the change is saved either way). */
export type ReassignResult = AdminChangeResult & Partial<OwnerNotices>;

export type ReassignField = 'owner1' | 'owner2' | 'owner3' | 'sro';

/**
 * Who a field may keep though they have left or are not in the directory: whoever holds that role
 * already, the lead as lead, any owner as a co-owner, the SRO as SRO. The form offers them there, so
 * that sending it untouched keeps them; never more (a co-owner who has left made lead, or SRO).
 */
export function keptIn(action: Pick<Action, 'ownerIds' | 'sroId'>, field: ReassignField): string[] {
  if (field === 'sro') return action.sroId ? [action.sroId] : [];
  return field === 'owner1' ? action.ownerIds.slice(0, 1) : action.ownerIds;
}

/** Whoever is chosen must be in the directory and active, but for those a field keeps (keptIn). */
function checkPeople(form: z.infer<typeof ReassignForm>, action: Action, directory: Map<string, Person>): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['owner1', 'owner2', 'owner3', 'sro'] as const) {
    const id = form[field];
    if (!id || keptIn(action, field).includes(id)) continue;
    const person = directory.get(id);
    if (!person) errors.push({ field, message: 'Select someone from the list: that person is not in the directory' });
    else if (!person.active) errors.push({ field, message: `${person.name} has left (deactivated): select someone else` });
  }
  return errors;
}

/**
 * New owners (the first is the lead) and SRO. The names an import could not match are resolved by it,
 * so they are cleared. Each new owner, and a new SRO, is emailed a personal link with the ref only.
 */
export async function reassignOwners(deps: AdminActionDeps, actor: AdminActor, actionId: string, body: Record<string, unknown>, now: Date): Promise<ReassignResult> {
  const action = await getActionOrThrow(deps.repository, actionId);
  checkVersion(action, body.version);
  const form = readForm(ReassignForm, body);
  if (!form.ok) return { kind: 'invalid', action, errors: form.errors };
  const directory = new Map((await deps.repository.listPeople()).map((p) => [p.id, p]));
  const errors = checkPeople(form.data, action, directory);
  if (errors.length > 0) return { kind: 'invalid', action, errors };

  const ownerIds = [...new Set([form.data.owner1, form.data.owner2, form.data.owner3].filter(Boolean))];
  const patch = { ownerIds, sroId: form.data.sro || null, unmatchedNames: [] };
  const result = await recordAdminChange(deps, actor, action, { change: 'reassign-owners', patch }, now);
  if (result.kind !== 'saved') return result;

  const refs = [result.action.ref];
  const newOwners = ownerIds.filter((id) => !action.ownerIds.includes(id)).map((id) => ({ person: directory.get(id)!, refs }));
  const newSro = patch.sroId !== null && patch.sroId !== action.sroId ? [{ person: directory.get(patch.sroId)!, refs, role: 'sro' as const }] : [];
  return { ...result, ...(await notifyNewOwners(deps, [...newOwners, ...newSro], now)) };
}
