/**
 * The one description of the force table: the repository writes these attributes, the local runner
 * creates the table from it and the CDK data construct declares it.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /**
     * Sparse: only open actions (openPk OPEN) and closures awaiting sign-off (PROPOSED) carry openPk, so
     * the reminder job reads what has gone quiet and nothing else.
     */
    openByLastUpdated: { name: 'open-by-last-updated', partitionKey: 'openPk', sortKey: 'openSk' },
    /** Lists actions and people without a Scan. */
    byType: { name: 'by-type', partitionKey: 'typePk', sortKey: 'typeSk' },
  },
  /** In AWS, TTL only tidies expired tokens and sessions; expiry itself is always checked in code. */
  timeToLiveAttribute: 'expiresAtEpoch',
} as const;

/**
 * The partitions whose items are ever deleted: expired or signed-out sessions, import drafts once used,
 * and a month's summary chunks and send claims. The functions' DeleteItem and BatchWriteItem are held
 * to these (dynamodb:LeadingKeys). Puts and updates still reach the whole table: this stops a delete
 * of an action, its history or the audit log, not an overwrite.
 */
export const deletablePartitions = { session: 'SESSION#', importDraft: 'IMPORTDRAFT#', summary: 'SUMMARY#' } as const;

export const keyAttributes = [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...Object.values(tableDefinition.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
];

/** The TTL value for an expiry instant: epoch seconds, rounded up so that nothing is tidied early. */
export const expiryEpochSeconds = (instant: string): number => Math.ceil(Date.parse(instant) / 1000);

/** The attribute that lets DynamoDB's TTL tidy an item once `instant` has passed. */
export const expiryAttribute = (instant: string) => ({ [tableDefinition.timeToLiveAttribute]: expiryEpochSeconds(instant) });
