import type { deletablePartitions, tableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';
import type { FunctionName } from './bundle-settings.js';

/**
 * The item operations the DynamoDB adapters send (functions/adapters/dynamodb/). Never Scan, BatchGetItem,
 * transactions, streams or table management: the design has none of them.
 */
export type TableAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'BatchWriteItem' | 'Query';
export type IndexKey = keyof typeof tableDefinition.indexes;

export interface TableAccess {
  /** Actions on the table itself; Query here reads one partition by the table's own key. */
  actions: readonly TableAction[];
  /** The indexes the function queries. */
  indexes: readonly IndexKey[];
  /** Where DeleteItem and BatchWriteItem may reach (dynamodb:LeadingKeys): never an action, a history or the audit log. */
  deletes?: readonly (keyof typeof deletablePartitions)[];
}

/**
 * What each function sends to the table, read from the use cases its entry runs and the adapter methods
 * they call. A function gets these and nothing else, so a use case that starts calling another store
 * method must add its operation here (test/infra/force-stack.test.ts pins each line).
 */
export const tableAccess = {
  // The admin console and owner pages use every store: import drafts are deleted with their chunks
  // (DeleteItem, BatchWriteItem), sessions, sign-in links, revocations and rate limits are updated in place.
  http: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'Query'], indexes: ['openByLastUpdated', 'byType'], deletes: ['session', 'importDraft', 'summary'] },
  // Stale actions and closures from the sparse index, settled with Get and Put; the directory by type;
  // histories and reminder records by key; claims, reminder records, link tokens and the run report are Puts.
  reminders: { actions: ['GetItem', 'PutItem', 'Query'], indexes: ['openByLastUpdated', 'byType'] },
  // Actions and people by type, histories and kept summaries by key; a snapshot that lost the race
  // deletes its chunks, a failed send releases its recipient's claim (DeleteItem), and a send that
  // went confirms it (UpdateItem).
  boardSummary: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'], indexes: ['byType'], deletes: ['summary'] },
  // Finds the people an address belongs to through the directory index and sets each one's mail status
  // alone, conditionally (UpdateItem): it never rewrites a person. A mark the SDK sent again after a lost
  // answer reads the person back (GetItem) to tell its own first try from someone else's. A board
  // summary that bounced marks its month's claim for the address (UpdateItem).
  mailEvents: { actions: ['GetItem', 'UpdateItem'], indexes: ['byType'] },
} as const satisfies Record<FunctionName, TableAccess>;
