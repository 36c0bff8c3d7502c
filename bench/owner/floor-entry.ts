import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle, type LambdaEvent } from 'hono/aws-lambda';

/** The floor for the cold-start ratio: Hono and the DynamoDB document client doing one GetItem, nothing else. */
let handleRequest: ReturnType<typeof handle> | undefined;

function compose(): ReturnType<typeof handle> {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));
  const app = new Hono().get('/u/:token', async (c) => {
    const { Item } = await doc.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `LINK#${c.req.param('token')}`, sk: 'LINK' } }));
    return c.html(`<p>${Item ? 'known' : 'unknown'}</p>`, 404);
  });
  return handle(app);
}

export const handler = (event: LambdaEvent) => (handleRequest ??= compose())(event);
