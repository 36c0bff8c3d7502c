import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../core/errors.js';
import type { Action } from '../../core/model/action.js';
import type { Update } from '../../core/model/update.js';
import { applyUpdate } from '../../core/rules/apply-update.js';
import { quietSince } from '../../core/rules/stale.js';
import { ActionHistory } from './action-history.js';
import { actionKey, fromActionItem, indexPartitions, toActionItem, typeActions } from './item-mapping.js';
import { putHeld } from './conditional-write.js';
import { queryAll } from './query-all.js';
import { sameUpdate } from '../../core/rules/same-update.js';
import { tableDefinition } from './table-definition.js';

export interface ActionStoreHooks {
  /**
   * Runs between the history write and the action write of saveUpdate. Tests throw from it to play a
   * process that dies there, which is the one failure the write-ahead design has to survive.
   */
  afterHistoryWrite?: (update: Update) => void | Promise<void>;
}

/** Reads that straddle concurrent saves are retried this often before the plain stored item is returned. */
const maxSettleAttempts = 5;

/**
 * Actions and their history, without transactions (dynalite has none). saveUpdate writes the history
 * entry first (the intent: patch and resulting version), then moves the action from `version - 1` to
 * `version` with a conditional Put. A process that dies between the two leaves an entry one version
 * ahead of its action; readers roll it forward ("settle"), each with a conditional write, so concurrent
 * repairers are harmless.
 *
 * Who settles: getAction, putAction, saveUpdate, listStaleActions and listWaitingClosures (one GetItem
 * per listed action, because the reminder job mails people on those lists). listActions does not: it
 * would cost one Query per action on every admin page and board pack, for a state that only a crash in a
 * ~10 ms window leaves, and that the next getAction or saveUpdate of the action repairs.
 */
export class ActionStore {
  private readonly history: ActionHistory;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly pageSize: number | undefined,
    private readonly hooks: ActionStoreHooks = {},
  ) {
    this.history = new ActionHistory(doc, tableName, pageSize);
  }

  listUpdates(actionId: string): Promise<Update[]> {
    return this.history.list(actionId);
  }

  async getAction(id: string): Promise<Action | null> {
    for (let attempt = 0; attempt < maxSettleAttempts; attempt++) {
      const [action, newest] = await Promise.all([this.readAction(id), this.history.newest(id)]);
      if (!action) return null;
      const settled = await this.settle(action, newest);
      if (settled) return settled;
    }
    return this.readAction(id);
  }

  async listActions(): Promise<Action[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      IndexName: tableDefinition.indexes.byType.name,
      KeyConditionExpression: 'typePk = :type',
      ExpressionAttributeValues: { ':type': typeActions },
      Limit: this.pageSize,
    });
    return items.map(fromActionItem);
  }

  listStaleActions(cutoff: Date): Promise<Action[]> {
    return this.listQuietSince('open', cutoff);
  }

  listWaitingClosures(cutoff: Date): Promise<Action[]> {
    return this.listQuietSince('proposed-closure', cutoff);
  }

  /** One partition of the sparse index, oldest first (never-updated actions carry openSk '0000', before every date). */
  private async listQuietSince(status: 'open' | 'proposed-closure', cutoff: Date): Promise<Action[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      IndexName: tableDefinition.indexes.openByLastUpdated.name,
      KeyConditionExpression: 'openPk = :partition AND openSk < :cutoff',
      ExpressionAttributeValues: { ':partition': indexPartitions[status], ':cutoff': cutoff.toISOString() },
      Limit: this.pageSize,
    });
    const settled = await Promise.all(
      // Only the entry one past the action can be pending: a GetItem for it returns nothing in the normal
      // case, so the list reads no history items (the reminder job's read budget counts items).
      items.map(fromActionItem).map(async (action) => (await this.settle(action, await this.history.get(action.id, action.version + 1))) ?? this.getAction(action.id)),
    );
    return settled.filter((action): action is Action => action !== null && isQuietSince(action, status, cutoff));
  }

  async putAction(action: Action, expectedVersion: number | null): Promise<void> {
    if (expectedVersion !== null) {
      // Settle first: an edit based on a version whose successor is already in the history must conflict
      // rather than overwrite the action and leave that entry unapplied.
      const current = await this.getAction(action.id);
      if (current?.version !== expectedVersion) throw new ConflictError(current);
    }
    if (!(await this.writeAction(action, expectedVersion))) throw new ConflictError(await this.getAction(action.id));
  }

  async saveUpdate(update: Update): Promise<Action> {
    const current = await this.getAction(update.actionId);
    if (!current) throw new ConflictError(null);
    // A retry of a save that already went through (or was rolled forward after a crash) succeeds again.
    if (current.version === update.version) return this.confirmSaved(update, current);
    if (current.version !== update.version - 1) throw new ConflictError(current);

    if (!(await this.history.append(update))) {
      // The slot is taken: by this same update (a retry after a crash between the two writes), or by a competitor.
      const stored = await this.history.get(update.actionId, update.version);
      if (!sameUpdate(stored, update)) throw new ConflictError(await this.getAction(update.actionId));
    }
    await this.hooks.afterHistoryWrite?.(update);

    const saved = applyUpdate(current, update);
    if (await this.writeAction(saved, current.version)) return saved;
    // A reader rolled this entry forward before us, or a whole-action write (putAction) overtook it.
    const now = await this.getAction(update.actionId);
    if (now && now.version >= update.version) return saved;
    throw new ConflictError(now);
  }

  /** The action's current version is the update's: fine when the history holds this very update. */
  private async confirmSaved(update: Update, current: Action): Promise<Action> {
    if (sameUpdate(await this.history.get(update.actionId, update.version), update)) return current;
    throw new ConflictError(current);
  }

  /**
   * The action with a pending history entry applied. Null when a concurrent write got there first or the
   * two reads straddled another save: the caller reads again.
   */
  private async settle(action: Action, newest: Update | null): Promise<Action | null> {
    if (!newest || newest.version <= action.version) return action;
    if (newest.version > action.version + 1) return null;
    const rolled = applyUpdate(action, newest);
    return (await this.writeAction(rolled, action.version)) ? rolled : null;
  }

  private async readAction(id: string): Promise<Action | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: actionKey(id), ConsistentRead: true }));
    return Item ? fromActionItem(Item) : null;
  }

  /** A whole-item Put, so that an action leaving `open` also loses its openPk/openSk and leaves the index. */
  private async writeAction(action: Action, expectedVersion: number | null): Promise<boolean> {
    const condition =
      expectedVersion === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          };
    return putHeld(this.doc, { TableName: this.tableName, Item: toActionItem(action), ...condition });
  }
}

function isQuietSince(action: Action, status: Action['status'], cutoff: Date): boolean {
  const since = quietSince(action);
  return action.status === status && (since === null || Date.parse(since) < cutoff.getTime());
}
