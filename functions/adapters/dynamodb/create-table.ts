import { CreateTableCommand, DescribeTableCommand, ResourceInUseException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { keyAttributes, tableDefinition } from './table-definition.js';

/**
 * Creates the force table where it does not exist yet (local runner and tests; CDK does it in AWS)
 * and returns once it is ACTIVE: a table still CREATING answers every item request with
 * ResourceNotFoundException, which dynalite does too for a moment on a busy machine.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  if ((await describeStatus(client, tableName)) === undefined) await createTable(client, tableName);
  for (let attempt = 0; (await describeStatus(client, tableName)) !== 'ACTIVE'; attempt++) {
    if (attempt >= 200) throw new Error(`Table ${tableName} did not become ACTIVE; is the DynamoDB endpoint healthy?`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function describeStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table?.TableStatus;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Object.values(tableDefinition.indexes).map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
