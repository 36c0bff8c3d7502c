import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';
import { loadForceConfig } from '../../infra/forces/load-force-config.js';
import { ForceStack } from '../../infra/stacks/force-stack.js';

describe('force stack: data', async () => {
  const config = await loadForceConfig('demo');
  const template = Template.fromStack(new ForceStack(new App(), 'Test', { config }));

  it('keeps the table: point-in-time recovery, deletion protection, retained with the stack', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        Replicas: [{ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }],
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      },
    });
  });

  it('declares the indexes from the one table definition the repository uses', () => {
    const [table] = Object.values(template.findResources('AWS::DynamoDB::GlobalTable')) as Array<{
      Properties: { GlobalSecondaryIndexes: Array<{ IndexName: string; KeySchema: Array<{ AttributeName: string }> }> };
    }>;
    const indexes = table!.Properties.GlobalSecondaryIndexes.map((i) => [i.IndexName, ...i.KeySchema.map((k) => k.AttributeName)]);
    expect(indexes).toEqual(Object.values(tableDefinition.indexes).map((i) => [i.name, i.partitionKey, i.sortKey]));
  });
});
